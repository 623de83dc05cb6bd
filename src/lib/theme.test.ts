import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStoredTheme, currentTheme, setTheme, subscribeTheme } from './theme.ts';

/** A system theme the test controls, with the change events a browser sends. */
function stubSystem(initial: 'light' | 'dark') {
  const listeners = new Set<() => void>();
  const media = {
    matches: initial === 'dark',
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => media);
  return (theme: 'light' | 'dark') => {
    media.matches = theme === 'dark';
    for (const listener of listeners) listener();
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme', () => {
  it('follows the system until the toggle picks the other theme, which is remembered', () => {
    const setSystem = stubSystem('light');
    const changes = vi.fn();
    const unsubscribe = subscribeTheme(changes);
    expect(currentTheme()).toBe('light');

    setTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('fleetlog:theme')).toBe('dark');
    expect(changes).toHaveBeenCalledTimes(1);

    // A new page load puts the remembered choice back before anything renders.
    delete document.documentElement.dataset.theme;
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');

    // The system turning dark as well: the page stays dark and says so.
    setSystem('dark');
    expect(currentTheme()).toBe('dark');
    expect(changes).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('forgets the choice when it is what the system shows, following the system again', () => {
    const setSystem = stubSystem('dark');
    setTheme('light');
    expect(localStorage.getItem('fleetlog:theme')).toBe('light');
    setTheme('dark');
    expect(localStorage.getItem('fleetlog:theme')).toBeNull();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    setSystem('light');
    expect(currentTheme()).toBe('light');
  });
});
