/**
 * Light or dark. By default the page follows the system (`prefers-color-scheme`, in CSS alone:
 * see index.css); the header's toggle pins the other theme by setting `data-theme` on `<html>`.
 * The pin is remembered in a cookie, which the server reads into the page's `<html>` (server/
 * shell.ts), so a pinned theme is on the very first paint, before any script; and in
 * localStorage, whose `storage` event carries a change to the other open tabs. Picking what the
 * system already shows forgets the pin, so the page follows the system again.
 */
import { whenIdle } from './when-idle.ts';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'fleetlog:theme';
/** The cookie the server reads (a name without `:`, which cookie names may not hold). */
export const THEME_COOKIE = 'fleetlog-theme';
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60; // the longest lifetime browsers keep
const CHANGE_EVENT = 'fleetlog:themechange';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const asTheme = (value: unknown): Theme | null =>
  value === 'light' || value === 'dark' ? value : null;

/** The theme a `Cookie` header (or `document.cookie`) pins, or null. Pure: the server uses it. */
export function themeFromCookies(cookies: string | null | undefined): Theme | null {
  for (const part of (cookies ?? '').split(';')) {
    const [name, value] = part.split('=', 2).map((text) => text.trim());
    if (name === THEME_COOKIE) return asTheme(value);
  }
  return null;
}

function readCookie(): Theme | null {
  try {
    return themeFromCookies(document.cookie);
  } catch {
    return null; // cookies disabled (a sandboxed frame)
  }
}

function writeCookie(theme: Theme | null): void {
  try {
    document.cookie =
      theme === null
        ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
        : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax`;
  } catch {
    // Not remembered for the server; the page still applies it.
  }
}

function readStorage(): Theme | null {
  try {
    return asTheme(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage disabled: the page follows the system
  }
}

function writeStorage(theme: Theme | null): void {
  try {
    if (theme === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Other tabs learn of it at their next load.
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/**
 * The theme on screen: the cookie's pin, else the system's. Reads no localStorage: the header's
 * toggle asks while the app renders its first screen, and a cold page's first storage read is a
 * synchronous trip to the browser (~175 ms of a deep link's start-up in a CPU profile under load).
 * A choice stored before the cookie existed is moved into it when the toggle subscribes.
 */
export function currentTheme(): Theme {
  return readCookie() ?? systemTheme();
}

/** What the page's HTML pinned, as the server wrote it (read before the app changes it). */
let pinnedByServer: Theme | null | undefined;

/**
 * The theme the server rendered the page's markup with: what its cookie pinned, else light (the
 * server cannot see the system's theme). The header's toggle hydrates with it, so server and
 * browser render the same markup; it then shows the theme on screen.
 */
export function renderedTheme(): Theme {
  if (typeof document === 'undefined') return serverRenderTheme;
  pinnedByServer ??= asTheme(document.documentElement.dataset.theme);
  return pinnedByServer ?? 'light';
}

let serverRenderTheme: Theme = 'light';

/**
 * Server rendering: `render` sees `theme` as the page's pinned theme. For a synchronous render
 * (renderToString) only: the value is put back before another request can render.
 */
export function renderWithTheme<T>(theme: Theme | null, render: () => T): T {
  const before = serverRenderTheme;
  serverRenderTheme = theme ?? 'light';
  try {
    return render();
  } finally {
    serverRenderTheme = before;
  }
}

/**
 * Puts the cookie's choice on `<html>` (the server has already written it there; this covers a
 * page the server did not write, such as Vite's dev server); called once before the app renders.
 * Reads no localStorage: its first read costs the page's start-up a synchronous trip to the
 * browser's storage.
 */
export function applyStoredTheme(): void {
  renderedTheme();
  const pinned = readCookie();
  if (pinned) document.documentElement.dataset.theme = pinned;
  else delete document.documentElement.dataset.theme;
}

/**
 * A choice made before the cookie existed lives in localStorage only: copied into the cookie (so
 * the server serves the next page in it) and applied. Called once the app is running.
 */
function adoptStoredChoice(): boolean {
  if (readCookie() !== null) return false;
  const stored = readStorage();
  if (stored === null) return false;
  writeCookie(stored);
  document.documentElement.dataset.theme = stored;
  return true;
}

export function setTheme(theme: Theme): void {
  const pin = theme === systemTheme() ? null : theme;
  writeCookie(pin);
  writeStorage(pin);
  if (pin === null) delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = pin;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Calls back when the theme may have changed: the toggle, the system, or another tab. */
export function subscribeTheme(onChange: () => void): () => void {
  // Environments without media queries (jsdom) have no system theme to follow.
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    // The other tab wrote the cookie too (the same cookie jar): apply what it says now.
    applyStoredTheme();
    onChange();
  };
  media?.addEventListener('change', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  // Once the page is idle: a cold page's first storage read is a slow trip to the browser, and
  // this subscription is made while the app takes over a server-rendered first screen.
  const adopt = whenIdle(() => {
    if (adoptStoredChoice()) onChange();
  });
  window.addEventListener('storage', onStorage);
  return () => {
    adopt.cancel();
    media?.removeEventListener('change', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
