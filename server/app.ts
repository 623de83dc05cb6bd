import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fleetlogError } from './backends/forwarding.ts';
import type { ConfiguredBackend, PublicBackend } from './backends/types.ts';
import { createAssetStore } from './assets.ts';
import {
  createShell,
  eventLogTarget,
  type FirstScreenMarkup,
  type Shell,
  type ViteManifest,
} from './shell.ts';

export interface AppOptions {
  backends: ConfiguredBackend[];
  /** Directory of the built SPA; omitted in dev (Vite serves it) and in API tests. */
  staticDir?: string;
  /**
   * Render an Event log link's first screen on the server (server/first-screen/render.tsx).
   * Default: on whenever `staticDir` is given.
   */
  firstScreen?: boolean;
  /** How long a page waits for its first screen (default FIRST_SCREEN_DEADLINE_MS); 0 = never. */
  firstScreenDeadlineMs?: number;
}

/**
 * How long a page waits for its server-rendered first screen (upstream requests included) before
 * it is served without one; the app then loads the data itself, as it would have anyway.
 */
export const FIRST_SCREEN_DEADLINE_MS = 300;

export function publicBackend(backend: ConfiguredBackend): PublicBackend {
  const { id, kind, label, demo, capabilities } = backend;
  return { id, kind, label, demo, capabilities };
}

const rendererReady = new WeakMap<Hono, Promise<void>>();

/**
 * Resolves once the app can render first screens (its renderer loaded and warmed up), or knows it
 * cannot. The server starts listening after it, so its first page is as fast as any other.
 */
export function firstScreensReady(app: Hono): Promise<void> {
  return rendererReady.get(app) ?? Promise.resolve();
}

export function createApp({
  backends,
  staticDir,
  firstScreen = true,
  firstScreenDeadlineMs = FIRST_SCREEN_DEADLINE_MS,
}: AppOptions): Hono {
  const app = new Hono();
  // React's server renderer loads in the background: the server is up at once, and until the
  // renderer is ready pages are simply served without a first screen.
  const renderer =
    staticDir && firstScreen && firstScreenDeadlineMs > 0 && backends.length > 0
      ? import('./first-screen/render.tsx').then(async (module) => {
          await module.warmUp();
          return module;
        })
      : null;
  rendererReady.set(
    app,
    renderer?.then(
      () => undefined,
      (error: unknown) =>
        console.error(`Server rendering is off: ${error instanceof Error ? error.message : error}`),
    ) ?? Promise.resolve(),
  );
  const byId = new Map(backends.map((b) => [b.id, b]));
  const publicBackends = backends.map(publicBackend);
  // Event pages and the bundle are text that shrinks ~5-10x; only bodies over 1 KB are compressed.
  app.use('*', compress());

  app.get('/api/backends', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ backends: publicBackends });
  });

  app.all('/api/:backendId/*', async (c) => {
    const backendId = c.req.param('backendId');
    const backend = byId.get(backendId);
    if (!backend) {
      return fleetlogError(404, 'unknown_backend', `No backend "${backendId}" is configured.`);
    }
    const url = new URL(c.req.url);
    const prefix = `/api/${encodeURIComponent(backendId)}`;
    const subPath = url.pathname.startsWith(prefix)
      ? url.pathname.slice(prefix.length) || '/'
      : '/';
    return backend.forward(c.req.raw, subPath, url.search);
  });
  app.all('/api/:backendId', (c) => {
    const backend = byId.get(c.req.param('backendId'));
    if (!backend)
      return fleetlogError(
        404,
        'unknown_backend',
        `No backend "${c.req.param('backendId')}" is configured.`,
      );
    const url = new URL(c.req.url);
    return backend.forward(c.req.raw, '/', url.search);
  });
  app.all('/api', () => fleetlogError(404, 'not_found', 'Unknown API path.'));

  if (staticDir) {
    const root = path.relative(process.cwd(), staticDir) || '.';
    // Fingerprinted build output, from memory with its .br/.gz twins (server/assets.ts). A missing
    // chunk is a 404, never the HTML shell, which a browser would refuse as a script anyway.
    const assets = createAssetStore(path.join(staticDir, 'assets'));
    app.get('/assets/:name', async (c) => {
      const response = await assets.respond(
        c.req.param('name'),
        c.req.header('accept-encoding') ?? null,
      );
      return response ?? c.text('Not found', 404);
    });
    app.all('/assets/*', (c) => c.text('Not found', 404));
    // Build metadata for the server only (server/shell.ts), not for browsers.
    app.all('/.vite/*', (c) => c.text('Not found', 404));
    const files = serveStatic({ root, precompressed: true });
    // The shell itself always goes through the fallback below, which fills it in.
    app.use('*', (c, next) =>
      c.req.path === '/' || c.req.path === '/index.html' ? next() : files(c, next),
    );
    // History fallback: every other GET is a client-side route (deep links) and gets the SPA shell,
    // with the backend list and the route's chunks named in it.
    // Re-read when the build changes under a running server: a shell naming chunks that a new
    // build deleted would leave every deep link blank.
    const indexPath = path.join(staticDir, 'index.html');
    let shell: { builtAt: number; shell: Promise<Shell> } | null = null;
    app.get('*', async (c) => {
      const builtAt = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (shell?.builtAt !== builtAt) {
        shell = { builtAt, shell: loadShell(staticDir, publicBackends) };
      }
      c.header('cache-control', 'no-cache');
      const url = new URL(c.req.url);
      const [page, first] = await Promise.all([shell.shell, firstScreenFor(url)]);
      return c.html(page.htmlFor(url.pathname, url.search, first));
    });
  }

  /** The first screen of an Event log link, or null (see FirstScreenMarkup). */
  async function firstScreenFor(url: URL): Promise<FirstScreenMarkup | null> {
    if (!renderer) return null;
    const target = eventLogTarget(url.pathname, publicBackends);
    // `/devices/:id` redirects to its Event log in the browser; only the log itself is rendered.
    if (target?.tab !== 'events') return null;
    // Past the deadline the page goes out without a first screen and the browser asks itself:
    // the server's own requests are cancelled rather than left to load the upstream twice.
    const late = new AbortController();
    const render = renderer.then(({ renderFirstScreen }) =>
      renderFirstScreen({
        url: url.href,
        target,
        backends: publicBackends,
        // Through this app's own /api routes: the same forwarding, credentials and deadlines.
        transport: async (path, init) =>
          app.request(path, {
            ...init,
            signal: init.signal ? AbortSignal.any([init.signal, late.signal]) : late.signal,
          }),
      }),
    );
    try {
      return await withDeadline(render, firstScreenDeadlineMs, () => late.abort());
    } catch (error) {
      // A bug in rendering; the page still works without its first screen.
      console.error(
        `First screen of ${url.pathname} not rendered: ${error instanceof Error ? error.message : error}`,
      );
      return null;
    }
  }

  return app;
}

/** The promise's value, or null (after calling `onLate`) if it takes longer than `ms`. */
async function withDeadline<T>(
  promise: Promise<T | null>,
  ms: number,
  onLate: () => void,
): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      onLate();
      resolve(null);
    }, ms);
  });
  // A rejection after the deadline has nobody to tell; rendering errors before it are reported.
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function loadShell(staticDir: string, backends: PublicBackend[]): Promise<Shell> {
  const html = await readFile(path.join(staticDir, 'index.html'), 'utf8');
  const manifest = await readFile(path.join(staticDir, '.vite', 'manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as ViteManifest,
    () => null,
  );
  return createShell(html, manifest, backends);
}
