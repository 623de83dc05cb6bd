/**
 * The SPA shell (dist/index.html) as served for a given URL. What it adds saves a deep link its
 * request waterfall (HTML → entry → backend list → adapter and route chunks → data):
 *
 * - the backend list, inline as JSON, so the app knows the backend's kind without asking
 *   `GET /api/backends` (the list holds no secrets; see publicBackend);
 * - `<link rel="modulepreload">` for the chunks the URL's route will import (its page, the
 *   backend kind's adapter), so they download alongside the entry chunk instead of after it ran;
 * - `<link rel="preload" as="fetch">` for an Event log link's first data requests (device, first
 *   page, linked event), so they leave while the HTML is parsed instead of after the scripts ran.
 *   The URLs come from the same pure functions the adapter requests them with; the browser hands
 *   the preloaded response to the adapter's `fetch` only when the URL is byte-identical. Only for
 *   backends whose reads are GETs (Pelion), and only when the page would not resolve a relative
 *   time bound by its own clock;
 * - for an Event log link, the page itself: `#root` holds the first screen the server rendered
 *   (server/first-screen/) and the data it was rendered from, in place of the data preloads
 *   (which remain for when the server gives up on it).
 *
 * Chunk names come from Vite's build manifest. Without one (an older build) the shell is served
 * as built and the app falls back to asking for everything itself.
 */
import {
  BACKENDS_ELEMENT_ID,
  FIRST_SCREEN_ATTRIBUTE,
  SERVER_STATE_ELEMENT_ID,
} from '../src/backends/contract.ts';
import { pelionUrls } from '../src/backends/pelion/requests.ts';
import { PELION_VOCABULARY } from '../src/backends/pelion/vocabulary.ts';
import { adapterModule } from '../src/backends/registry.ts';
import { matchAppPath } from '../src/config/paths.ts';
import { clockFreeFirstQuery, pageSizeFor } from '../src/features/events/api/first-page.ts';
import { EARLY_INPUT_SCRIPT } from './first-screen/early-input.ts';
import { LOCAL_TIMES_SCRIPT } from './first-screen/local-times.ts';
import type { PublicBackend } from './backends/types.ts';

export { BACKENDS_ELEMENT_ID, SERVER_STATE_ELEMENT_ID };

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
function staticClosure(manifest: ViteManifest, keys: readonly string[]): string[] {
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

/** JSON that cannot end the surrounding <script> element or open a comment in it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

const ROOT_ELEMENT = /<div id="root"><\/div>/;

function withFirstScreen(
  page: string,
  { html, state, localTimes }: FirstScreenMarkup,
  nonceAttribute: string,
): string {
  if (!ROOT_ELEMENT.test(page)) return page;
  const script = (attributes: string, body: string) =>
    `<script${attributes}${nonceAttribute}>${body}</script>`;
  const parts = [
    `<div id="root" ${FIRST_SCREEN_ATTRIBUTE}>${html}</div>`,
    // Data, not script: the browser never runs it, so it needs no nonce.
    `<script type="application/json" id="${SERVER_STATE_ELEMENT_ID}">${jsonForScript(state)}</script>`,
  ];
  if (localTimes) parts.push(script('', LOCAL_TIMES_SCRIPT));
  parts.push(script('', EARLY_INPUT_SCRIPT));
  // A function, so `$` sequences in the markup are not read as replacement patterns.
  return page.replace(ROOT_ELEMENT, () => parts.join('\n    '));
}

/** `<script` openings of elements a browser runs (not JSON data blocks). */
const RUNNABLE_SCRIPT = /<script\b(?![^>]*\btype="application\/json")/gi;

/**
 * The page with the Content-Security-Policy nonce on each `<script>` element it runs (the built
 * shell and what this module adds; never the rendered markup, which goes in afterwards).
 */
function withNonce(page: string, nonceAttribute: string): string {
  return nonceAttribute === '' ? page : page.replace(RUNNABLE_SCRIPT, `<script${nonceAttribute}`);
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A page the server rendered (server/first-screen/render.tsx). */
export interface FirstScreenMarkup {
  /** Markup for `#root`. */
  html: string;
  /** The app's query cache it was rendered from (React Query's dehydrated state). */
  state: unknown;
  /** Its event times are in local time: the browser rewrites them in its own zone at once. */
  localTimes: boolean;
}

export interface Shell {
  /**
   * The HTML to serve for a client-side route; `search` is the raw query string ('' or '?…').
   * With a first screen, `#root` holds it and its data; the data preloads are left out, since the
   * app has that data already.
   */
  htmlFor(
    pathname: string,
    search?: string,
    firstScreen?: FirstScreenMarkup | null,
    /** The response's Content-Security-Policy nonce, written on every `<script>` it holds. */
    nonce?: string,
  ): string;
}

export function createShell(
  html: string,
  manifest: ViteManifest | null,
  backends: readonly PublicBackend[],
): Shell {
  const entryKeys = manifest ? Object.keys(manifest).filter((key) => manifest[key]?.isEntry) : [];
  // The built HTML already loads (and modulepreloads) the entry chunk and its static imports.
  const alreadyLoaded = new Set(manifest ? staticClosure(manifest, entryKeys) : []);
  const backendsScript =
    `<script type="application/json" id="${BACKENDS_ELEMENT_ID}">` +
    `${jsonForScript({ backends })}</script>`;
  const cache = new Map<string, string>();

  return {
    htmlFor(pathname, search = '', firstScreen = null, nonce) {
      const nonceAttribute = nonce ? ` nonce="${escapeAttribute(nonce)}"` : '';
      const page = withNonce(pageFor(pathname), nonceAttribute);
      if (firstScreen) return withFirstScreen(page, firstScreen, nonceAttribute);
      const data = dataRequestsFor(pathname, search, backends).map(
        (url) => `<link rel="preload" as="fetch" crossorigin href="${escapeAttribute(url)}">`,
      );
      if (data.length === 0) return page;
      // Early in <head> (after the charset, which must stay within the first 1,024 bytes): these
      // wait on the upstream, the scripts only on this server.
      const anchor = /<meta charset[^>]*>/i.test(page) ? /<meta charset[^>]*>/i : /<head[^>]*>/i;
      return page.replace(anchor, (tag) => `${tag}\n    ${data.join('\n    ')}`);
    },
  };

  function pageFor(pathname: string): string {
    const { backend, modules } = modulesForPath(pathname, backends);
    const key = `${backend?.id ?? ''}\n${modules.join('\n')}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const preloads = manifest
      ? staticClosure(manifest, modules)
          .filter((file) => !alreadyLoaded.has(file))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${escapeAttribute(file)}">`)
      : [];
    const head = [backendsScript, ...preloads].join('\n    ');
    const page = /\n?\s*<\/head>/.test(html)
      ? html.replace(/\n?\s*<\/head>/, `\n    ${head}\n  </head>`)
      : `${head}\n${html}`;
    // A handful of routes × backends; bounded all the same.
    if (cache.size < 256) cache.set(key, page);
    return page;
  }
}
