/**
 * Marks on the page's Performance timeline for the steps of the app's start-up, so the time from
 * a server-rendered first screen to the app taking it over can be split (`npm run bench` and
 * `npm run bench:takeover-ab` read them; the DevTools Performance panel shows them):
 *
 * - `modules`: the first of the entry chunk's modules runs (every script is downloaded, parsed
 *   and linked by then);
 * - `entry`: main.tsx runs (every module it imports has been evaluated);
 * - `instance`: the query cache and the router exist (server data hydrated, loaders started);
 * - `routerReady`: the route's loaders and lazy code are in; React starts rendering;
 * - `takeover`: React committed the page (the server's markup is the app's from now on).
 */
export const BOOT_MARKS = {
  modules: 'fleetlog:modules',
  entry: 'fleetlog:entry',
  instance: 'fleetlog:instance',
  routerReady: 'fleetlog:router-ready',
  takeover: 'fleetlog:takeover',
} as const;

export type BootStep = keyof typeof BOOT_MARKS;

/** Marks one step once per page (a remount or a second root does not move it). */
export function markBoot(step: BootStep): void {
  const name = BOOT_MARKS[step];
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
