import { useSyncExternalStore } from 'react';
import { currentTheme, renderedTheme, setTheme, subscribeTheme } from '../../lib/theme.ts';

/** A toggle button, "Dark mode", pressed while the dark theme is on screen. */
export function ThemeToggle() {
  // Server and hydration render the theme the page's cookie pinned (light when none: the server
  // cannot see the system's); right after, the toggle shows the theme on screen.
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, renderedTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-700 hover:bg-slate-100"
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      {/* The name stays for screen readers on a phone, where the header has no room for it. */}
      <span className="sr-only sm:not-sr-only">Dark mode</span>
    </button>
  );
}
