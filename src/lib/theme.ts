/**
 * Light or dark. By default the page follows the system (`prefers-color-scheme`, in CSS alone:
 * see index.css); the header's toggle pins the other theme by setting `data-theme` on `<html>`,
 * remembered in localStorage. Picking what the system already shows forgets the pin, so the page
 * follows the system again.
 */
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'fleetlog:theme';
const CHANGE_EVENT = 'fleetlog:themechange';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readStored(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage disabled: the page follows the system
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** The theme on screen. */
export function currentTheme(): Theme {
  return readStored() ?? systemTheme();
}

/** Puts a remembered choice on `<html>`; called once before the app renders. */
export function applyStoredTheme(): void {
  const stored = readStored();
  if (stored) document.documentElement.dataset.theme = stored;
  else delete document.documentElement.dataset.theme;
}

export function setTheme(theme: Theme): void {
  try {
    if (theme === systemTheme()) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered; it still applies until the page is reloaded.
  }
  if (theme === systemTheme()) delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Calls back when the theme may have changed: the toggle, the system, or another tab. */
export function subscribeTheme(onChange: () => void): () => void {
  // Environments without media queries (jsdom) have no system theme to follow.
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    applyStoredTheme();
    onChange();
  };
  media?.addEventListener('change', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
