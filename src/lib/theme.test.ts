import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyStoredTheme,
  currentTheme,
  renderWithTheme,
  renderedTheme,
  setTheme,
  subscribeTheme,
  themeFromCookies,
  THEME_COOKIE,
} from './theme.ts';

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

const themeCookie = () => themeFromCookies(document.cookie);

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0`;
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
    // In the cookie the server reads, and in storage for the other tabs.
    expect(themeCookie()).toBe('dark');
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
    expect(themeCookie()).toBe('light');
    expect(localStorage.getItem('fleetlog:theme')).toBe('light');
    setTheme('dark');
    expect(themeCookie()).toBeNull();
    expect(localStorage.getItem('fleetlog:theme')).toBeNull();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    setSystem('light');
    expect(currentTheme()).toBe('light');
  });

  it('moves a choice stored before the cookie existed into the cookie once the app runs', async () => {
    stubSystem('light');
    localStorage.setItem('fleetlog:theme', 'dark');
    // Start-up reads the cookie only (no storage round trip before the first render).
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    const changes = vi.fn();
    const unsubscribe = subscribeTheme(changes);
    // Not while the app takes over (a cold page's first storage read is slow): once it is idle.
    expect(themeCookie()).toBeNull();
    await vi.waitFor(() => expect(themeCookie()).toBe('dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(currentTheme()).toBe('dark');
    expect(changes).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('reads the pinned theme from a Cookie header among others, ignoring anything else', () => {
    expect(themeFromCookies(`a=1; ${THEME_COOKIE}=dark; b=2`)).toBe('dark');
    expect(themeFromCookies(`${THEME_COOKIE}=light`)).toBe('light');
    expect(themeFromCookies(`${THEME_COOKIE}=purple`)).toBeNull();
    expect(themeFromCookies(`x${THEME_COOKIE}=dark`)).toBeNull();
    expect(themeFromCookies(undefined)).toBeNull();
  });

  it('renders on the server with the theme the request pinned, and light otherwise', () => {
    vi.stubGlobal('document', undefined);
    expect(renderWithTheme('dark', () => renderedTheme())).toBe('dark');
    expect(renderWithTheme(null, () => renderedTheme())).toBe('light');
    expect(renderedTheme()).toBe('light');
  });
});
