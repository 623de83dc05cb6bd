/**
 * The server's one Hono app, assembled from its parts — what each request passes, in order:
 *
 * 1. security headers on whatever comes back (server/security/headers.ts);
 * 2. the `Host` check against DNS rebinding (server/security/hosts.ts);
 * 3. sign-in, when configured (server/security/sign-in.ts);
 * 4. compression (server/compress.ts);
 * 5. `/api`: refused to other sites (server/security/same-origin.ts), then the API routes
 *    (server/routes/api.ts);
 * 6. the built SPA and its pages (server/routes/pages.ts), with first screens rendered under a
 *    cap (server/first-screen/bounded.ts).
 */
import { Hono } from 'hono';
import type { ConfiguredBackend } from './backends/types.ts';
import { compressResponses } from './compress.ts';
import { createFirstScreens } from './first-screen/bounded.ts';
import { createApiRoutes, publicBackend } from './routes/api.ts';
import { createPageRoutes } from './routes/pages.ts';
import { securityHeaders } from './security/headers.ts';
import { allowedHostsOnly, type HostPattern } from './security/hosts.ts';
import { sameOriginApiOnly } from './security/same-origin.ts';
import { signIn, type SignIn } from './security/sign-in.ts';

export { publicBackend };

export interface AppOptions {
  backends: ConfiguredBackend[];
  /** Directory of the built SPA; omitted in dev (Vite serves it) and in API tests. */
  staticDir?: string;
  /**
   * Render an Event log link's first screen on the server (server/first-screen/render.tsx).
   * Default: on whenever `staticDir` is given.
   */
  firstScreen?: boolean;
  /** A page's whole time with its first screen (default FIRST_SCREEN_DEADLINE_MS); 0 = never. */
  firstScreenDeadlineMs?: number;
  /** First screens in the works at once (default FIRST_SCREEN_CONCURRENCY). */
  firstScreenConcurrency?: number;
  /**
   * Skip first screens while the server's event loop was busy more than this share of the last
   * 100 ms (server/first-screen/bounded.ts); default: never skip (production: FIRST_SCREEN_BUSY).
   */
  firstScreenBusyAbove?: number;
  /**
   * `Host` names answered; default: the loopback names on any port (what in-process requests
   * and tests use). The server passes the configured list (server/config.ts).
   */
  allowedHosts?: readonly HostPattern[];
  /** Who may come in; default: anyone who reaches the server. */
  signIn?: SignIn;
}

/**
 * How long a page may take with its server-rendered first screen (upstream requests and rendering
 * included) before it is served without one; the app then loads the data itself.
 */
export const FIRST_SCREEN_DEADLINE_MS = 300;
/** First screens rendered at once: about one per core of a small machine. */
export const FIRST_SCREEN_CONCURRENCY = 2;

const LOOPBACK_ANY_PORT: HostPattern[] = ['127.0.0.1', 'localhost', '[::1]'].map((hostname) => ({
  hostname,
  port: null,
}));

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
  firstScreenConcurrency = FIRST_SCREEN_CONCURRENCY,
  firstScreenBusyAbove,
  allowedHosts = LOOPBACK_ANY_PORT,
  signIn: signInConfig = { mode: 'none' },
}: AppOptions): Hono {
  const app = new Hono();
  const publicBackends = backends.map(publicBackend);
  const api = createApiRoutes(backends);

  app.use('*', securityHeaders());
  app.use('*', allowedHostsOnly(allowedHosts));
  const signInCheck = signIn(signInConfig);
  if (signInCheck) app.use('*', signInCheck);
  // Event pages and API answers are text that shrinks ~5-10x; compressed in one step off the event
  // loop (server/compress.ts). A plain shell (~3 KB) is not worth compressing on every request:
  // under load, compressing it cost more than serving it.
  app.use('*', compressResponses({ threshold: 4096 }));
  app.use('/api', sameOriginApiOnly());
  app.use('/api/*', sameOriginApiOnly());
  app.route('/', api);

  if (staticDir) {
    const firstScreens =
      firstScreen && firstScreenDeadlineMs > 0 && backends.length > 0
        ? createFirstScreens({
            backends: publicBackends,
            // In-process, past the checks above: the page's own request passed them already.
            api,
            budgetMs: firstScreenDeadlineMs,
            concurrency: firstScreenConcurrency,
            busyAbove: firstScreenBusyAbove,
          })
        : null;
    if (firstScreens) rendererReady.set(app, firstScreens.ready);
    app.route('/', createPageRoutes({ staticDir, backends: publicBackends, firstScreens }));
  }

  app.onError((error, c) => {
    console.error(`${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.text('Internal server error', 500);
  });
  return app;
}
