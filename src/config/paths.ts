/**
 * Every route of the app (README "URL scheme"): its pattern for the router and a function that
 * builds its link, kept together so a link cannot drift from the route that serves it. The server
 * reads its pages' URLs with `matchAppPath` (the shell names each page's code and data), so it
 * cannot drift either. Patterns are absolute; the router nests them as they are written.
 */

const segment = encodeURIComponent;

export const paths = {
  home: {
    pattern: '/',
    href: () => '/',
  },
  backend: {
    pattern: '/:backendId',
    href: (backendId: string) => `/${segment(backendId)}`,
  },
  devices: {
    pattern: '/:backendId/devices',
    /** `search` is '' or a query string with its `?`. */
    href: (backendId: string, search = '') => `/${segment(backendId)}/devices${search}`,
  },
  device: {
    pattern: '/:backendId/devices/:deviceId',
    href: (backendId: string, deviceId: string) =>
      `/${segment(backendId)}/devices/${segment(deviceId)}`,
  },
  /** Every device's events (backends whose API lists across devices). */
  fleetEvents: {
    pattern: '/:backendId/events',
    href: (backendId: string, search = '') => `/${segment(backendId)}/events${search}`,
  },
  /** One route for the log with and without an open event. */
  eventLog: {
    pattern: '/:backendId/devices/:deviceId/events/:eventId?',
    href: (backendId: string, deviceId: string, eventId?: string, search = '') =>
      `${paths.device.href(backendId, deviceId)}/events${
        eventId === undefined ? '' : `/${segment(eventId)}`
      }${search}`,
  },
  /**
   * An export file opened in this browser (read-only Event log). The file stays in the tab, so
   * these paths open nothing elsewhere; the log's filters live in the search string as usual.
   * Its fixed first segment shadows a backend called `import`.
   */
  importedLog: {
    pattern: '/import',
    href: (search = '') => `/import${search}`,
  },
  importedEvent: {
    pattern: '/import/events/:eventId',
    href: (eventId: string, search = '') => `/import/events/${segment(eventId)}${search}`,
  },
} as const;

export type AppRoute = keyof typeof paths;

/** The route a URL's path opens and its decoded parameters (`notFound`: under a backend, no page). */
export type AppPath =
  | { route: AppRoute; params: Readonly<Record<string, string | undefined>> }
  | { route: 'notFound'; params: { backendId: string } };

/** Most specific first, as the router ranks them. */
const MATCH_ORDER: readonly AppRoute[] = [
  'importedEvent',
  'importedLog',
  'eventLog',
  'device',
  'devices',
  'fleetEvents',
  'backend',
  'home',
];

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function matchPattern(
  pattern: string,
  parts: readonly string[],
): Record<string, string | undefined> | null {
  const params: Record<string, string | undefined> = {};
  let index = 0;
  for (const token of pattern.split('/').filter(Boolean)) {
    const part = parts[index];
    if (!token.startsWith(':')) {
      if (part !== token) return null;
      index += 1;
      continue;
    }
    const optional = token.endsWith('?');
    const name = token.slice(1, optional ? -1 : undefined);
    if (part === undefined && !optional) return null;
    params[name] = part;
    if (part !== undefined) index += 1;
  }
  return index === parts.length ? params : null;
}

/**
 * Reads a path with the patterns above, as the router does (empty segments and a trailing slash
 * ignored). A segment that does not decode opens no page: `notFound` under its backend, or null
 * when the backend's own segment is the broken one.
 */
export function matchAppPath(pathname: string): AppPath | null {
  const parts = pathname.split('/').filter(Boolean).map(decode);
  const [backendId] = parts;
  if (backendId === null) return null;
  if (parts.some((part) => part === null))
    return { route: 'notFound', params: { backendId: backendId ?? '' } };
  const decoded = parts as string[];
  for (const route of MATCH_ORDER) {
    const params = matchPattern(paths[route].pattern, decoded);
    if (params) return { route, params };
  }
  return { route: 'notFound', params: { backendId: decoded[0] ?? '' } };
}
