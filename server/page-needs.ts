/**
 * What a URL's page needs ahead of the scripts, read with the router's own patterns: the lazy
 * modules of its route and backend kind (for `<link rel="modulepreload">`), the Event log link it
 * opens (for the server-rendered first screen) and the data requests the browser may preload.
 * `server/shell.ts` writes these into the page.
 */
import { pelionUrls } from '../src/backends/pelion/requests.ts';
import { PELION_VOCABULARY } from '../src/backends/pelion/vocabulary.ts';
import { adapterModule } from '../src/backends/registry.ts';
import { matchAppPath } from '../src/config/paths.ts';
import { clockFreeFirstQuery, pageSizeFor } from '../src/features/events/api/first-page.ts';
import type { PublicBackend } from './backends/types.ts';

/** The parts of `.vite/manifest.json` used here. Keys are source paths relative to the root. */
export type ViteManifest = Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
>;

/**
 * Lazily imported modules per page, named as the manifest names them (source paths). A renamed
 * module fails server/shell.test.ts against a real build instead of silently losing its preload.
 */
export const ROUTE_MODULES = {
  deviceList: ['src/features/devices/components/device-list.tsx'],
  eventLog: [
    'src/features/devices/components/device-page.tsx',
    'src/features/events/event-log-route.tsx',
    'src/features/events/api/prefetch-event-log.ts',
  ],
  /** `/import`: an export file opened in the browser (no backend, no server data). */
  importedLog: ['src/features/events/import/import-route.tsx'],
  /** A link to one event opens its details panel at once. */
  eventDetails: ['src/features/events/components/event-details-panel.tsx'],
} as const;

interface RouteOfPath {
  backend: PublicBackend | undefined;
  route: ReturnType<typeof matchAppPath>;
}

/** The backend and route a URL opens, read with the router's own patterns (src/config/paths.ts). */
function routeOfPath(pathname: string, backends: readonly PublicBackend[]): RouteOfPath {
  const route = matchAppPath(pathname);
  // "/" redirects to the first backend's device list.
  const backendId = route?.route === 'home' ? backends[0]?.id : route?.params.backendId;
  return { backend: backends.find((candidate) => candidate.id === backendId), route };
}

/** The backend and lazy modules a URL's route needs. */
export function modulesForPath(
  pathname: string,
  backends: readonly PublicBackend[],
): { backend: PublicBackend | undefined; modules: string[] } {
  const { backend, route } = routeOfPath(pathname, backends);
  if (route?.route === 'importedLog' || route?.route === 'importedEvent')
    return { backend: undefined, modules: [...ROUTE_MODULES.importedLog] };
  const adapter = backend && adapterModule(backend.kind);
  // A kind this build cannot read gets no preloads: the app says so without them.
  if (!backend || !adapter || !route) return { backend, modules: [] };
  const modules: string[] = [adapter];
  if (route.route === 'home' || route.route === 'backend' || route.route === 'devices') {
    modules.push(...ROUTE_MODULES.deviceList);
  } else if (route.route === 'device' || route.route === 'eventLog') {
    modules.push(...ROUTE_MODULES.eventLog);
    if (route.params.eventId !== undefined) modules.push(...ROUTE_MODULES.eventDetails);
  }
  return { backend, modules };
}

/** An Event log link whose first page the server can fetch (and render) ahead of the browser. */
export interface EventLogTarget {
  backend: PublicBackend;
  deviceId: string;
  /** `events`, or undefined for the device path, which the SPA redirects to its Event log. */
  tab: string | undefined;
  eventId: string | undefined;
}

/** The Event log link a URL opens (device path included), on any configured backend. */
export function eventLogTarget(
  pathname: string,
  backends: readonly PublicBackend[],
): EventLogTarget | null {
  const { backend, route } = routeOfPath(pathname, backends);
  if (!backend || (route?.route !== 'device' && route?.route !== 'eventLog')) return null;
  const { deviceId, eventId } = route.params;
  if (!deviceId) return null;
  return { backend, deviceId, tab: route.route === 'eventLog' ? 'events' : undefined, eventId };
}

/**
 * The `/api` GETs an Event log link will make first, as the Pelion adapter builds them, for the
 * browser to preload when the page comes without a first screen. None for other routes, for
 * Alibaba (its reads are POSTs, which cannot be preloaded), or for a first page that depends on the
 * browser's clock (`from=now-24h`).
 */
export function dataRequestsFor(
  pathname: string,
  search: string,
  backends: readonly PublicBackend[],
): string[] {
  const target = eventLogTarget(pathname, backends);
  if (target?.backend.kind !== 'pelion') return [];
  const { backend, deviceId, eventId } = target;
  const query = clockFreeFirstQuery(
    { info: backend, vocabulary: PELION_VOCABULARY },
    deviceId,
    new URLSearchParams(search),
  );
  const urls = [pelionUrls.device(backend.id, deviceId)];
  if (query) urls.push(pelionUrls.eventList(backend.id, query, null, pageSizeFor(backend)));
  if (eventId !== undefined) urls.push(pelionUrls.event(backend.id, eventId));
  return urls;
}

/** Files (relative to the build root) of `keys` and everything they import statically. */
export function staticClosure(manifest: ViteManifest, keys: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}
