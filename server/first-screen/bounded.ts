/**
 * Server rendering under a cap. A first screen costs the server its upstream requests and a
 * synchronous React render; under load, rendering every page made every page (and every `/api`
 * answer queued behind them) wait. So at most `concurrency` first screens are in the works at once
 * and each page has `budgetMs` in all, counted from its arrival: a page that finds every slot
 * taken, or whose data is not in within its budget, goes out at once as the plain shell — the app
 * then loads the data itself, as it would have anyway. A slot is held until the work has really
 * stopped (its requests cancelled), so the cap bounds the work, not just the waiting.
 *
 * Optionally (`busyAbove`, on in production) first screens are skipped altogether while the server
 * is saturated — its event loop busy more than that share of a recent 100 ms — since each one
 * costs the pages queued behind it their time; a lone visitor's page is rendered as ever.
 */
import { performance as nodePerformance } from 'node:perf_hooks';
import type { Hono } from 'hono';
import type { PublicBackend } from '../backends/types.ts';
import { eventLogTarget } from '../page-needs.ts';
import type { FirstScreenMarkup } from '../shell.ts';
import type { Theme } from '../../src/lib/theme.ts';

/**
 * The histogram's bars (server/first-screen/histogram.ts) may take a quarter of a page's budget
 * once the rows are in, and must be in by half of it (from the page's arrival): the rows keep at
 * least the other half to render in, as a loaded server needs (75 ms and 150 ms with the default
 * 300 ms budget).
 */
const HISTOGRAM_WAIT_SHARE = 1 / 4;
const HISTOGRAM_BY_SHARE = 1 / 2;

export interface FirstScreens {
  /** Resolves once the renderer is loaded and warm (or known to be unavailable). */
  ready: Promise<void>;
  /** The first screen of an Event log link, or null; `startedAt` is the page's arrival (performance.now()). */
  render(url: URL, startedAt: number, theme?: Theme | null): Promise<FirstScreenMarkup | null>;
  /**
   * The same, told apart at once: null when no first screen will be tried for this page (not an
   * Event log link, no renderer yet, every slot taken, out of time, the server busy), else the
   * work under way — which may still come to null.
   */
  begin(
    url: URL,
    startedAt: number,
    theme?: Theme | null,
  ): Promise<FirstScreenMarkup | null> | null;
}

export interface FirstScreenOptions {
  backends: readonly PublicBackend[];
  /** The `/api` routes the renderer reads through (same forwarding and credentials as the browser's). */
  api: Hono;
  budgetMs: number;
  concurrency: number;
  /** Skip rendering while the event loop was busy more than this share (0–1) of any of the last three 100 ms. */
  busyAbove?: number;
}

/**
 * How busy the event loop has been lately: the highest share of working time (Node's event loop
 * utilization) over the last three 100 ms samples. Remembering a few samples, not only the last,
 * keeps a page that arrives just after a saturated stretch (while its own request is still being
 * read) from counting as idle.
 */
function eventLoopBusy(): () => number {
  let last = nodePerformance.eventLoopUtilization();
  const samples = [0, 0, 0];
  const timer = setInterval(() => {
    const now = nodePerformance.eventLoopUtilization();
    samples.shift();
    samples.push(nodePerformance.eventLoopUtilization(now, last).utilization);
    last = now;
  }, 100);
  timer.unref();
  return () => Math.max(...samples);
}

export function createFirstScreens({
  backends,
  api,
  budgetMs,
  concurrency,
  busyAbove,
}: FirstScreenOptions): FirstScreens {
  const busy = busyAbove === undefined ? null : eventLoopBusy();
  // React's server renderer loads in the background: the server is up at once, and until the
  // renderer is ready pages are simply served without a first screen.
  const renderer = import('./render.tsx').then(async (module) => {
    await module.warmUp();
    return module;
  });
  let loaded: Awaited<typeof renderer> | null = null;
  const ready = renderer.then(
    (module) => {
      loaded = module;
    },
    (error: unknown) =>
      console.error(`Server rendering is off: ${error instanceof Error ? error.message : error}`),
  );
  let active = 0;

  function begin(
    url: URL,
    startedAt: number,
    theme: Theme | null = null,
  ): Promise<FirstScreenMarkup | null> | null {
    if (!loaded) return null;
    const target = eventLogTarget(url.pathname, backends);
    // `/devices/:id` redirects to its Event log in the browser; only the log itself is rendered.
    if (target?.tab !== 'events') return null;
    const remaining = budgetMs - (performance.now() - startedAt);
    if (active >= concurrency || remaining <= 0) return null;
    if (busy && busy() > busyAbove!) return null;
    return rendered(loaded, url, target, remaining, theme);
  }

  async function rendered(
    renderer: NonNullable<typeof loaded>,
    url: URL,
    target: NonNullable<ReturnType<typeof eventLogTarget>>,
    remaining: number,
    theme: Theme | null,
  ): Promise<FirstScreenMarkup | null> {
    active += 1;
    // Past the budget the page goes out without a first screen; the server's own requests are
    // cancelled rather than left to load the upstream twice, and rendering is skipped.
    const late = new AbortController();
    const work = renderer.renderFirstScreen({
      url: url.href,
      target,
      backends,
      theme,
      signal: late.signal,
      // The histogram's bars may take part of the budget, never the part the rows need to render.
      histogramWaitMs: budgetMs * HISTOGRAM_WAIT_SHARE,
      histogramBy: performance.now() + remaining - budgetMs * (1 - HISTOGRAM_BY_SHARE),
      transport: async (path, init) =>
        api.request(path, {
          ...init,
          signal: init.signal ? AbortSignal.any([init.signal, late.signal]) : late.signal,
        }),
    });
    void work.then(
      () => (active -= 1),
      () => (active -= 1),
    );
    try {
      return await withDeadline(work, remaining, () => late.abort());
    } catch (error) {
      // A bug in rendering; the page still works without its first screen.
      console.error(
        `First screen of ${url.pathname} not rendered: ${error instanceof Error ? error.message : error}`,
      );
      return null;
    }
  }

  return {
    ready,
    begin,
    render: (url, startedAt, theme) => begin(url, startedAt, theme) ?? Promise.resolve(null),
  };
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
