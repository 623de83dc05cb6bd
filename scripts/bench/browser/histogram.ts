/**
 * The Event histogram on the 100,006-event log (no range: the whole two years): how long after
 * the first event row its bars are drawn (every bar's total in, `data-drawn`), and complete (every
 * level counted, `aria-busy="false"`), on the page's own clock; and the count requests it sent.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { isCountRequest } from '../../../e2e/support/count-requests.ts';
import { coldPage, watchFirstRow } from './launch.ts';
import type { DemoTargets, Sink } from './scenarios.ts';

/**
 * Marks, on the page's clock, when the histogram is drawn and complete. Drawn: in the first
 * animation frame with the drawn figure laid out, as PAGE_PROBE marks the first row (a figure the
 * server drew is parsed before it can be painted, usually with the rows). Plain JS (see PAGE_PROBE).
 */
export const HISTOGRAM_PROBE = String.raw`
(() => {
  const marks = { drawnAt: null, completeAt: null };
  window.__histogram = marks;
  const FIGURE = 'figure[aria-label="Event histogram"]';
  let waiting = false;
  const drawnFigure = () => {
    const figure = document.querySelector(FIGURE);
    return figure && figure.getAttribute('data-drawn') === 'true' ? figure : null;
  };
  const onFrame = () => {
    const figure = drawnFigure();
    if (figure && figure.getBoundingClientRect().height > 0) {
      marks.drawnAt = performance.now();
      check();
    } else requestAnimationFrame(onFrame);
  };
  const check = () => {
    const figure = document.querySelector(FIGURE);
    if (!figure) return;
    if (marks.drawnAt === null && !waiting && drawnFigure()) {
      waiting = true;
      requestAnimationFrame(onFrame);
    }
    if (marks.completeAt === null && figure.getAttribute('aria-busy') === 'false' && marks.drawnAt !== null)
      marks.completeAt = performance.now();
    if (marks.completeAt !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-drawn', 'aria-busy'] });
})();
`;

export interface Marks {
  drawnAt: number | null;
  completeAt: number | null;
}

export interface Timeline {
  appRowAt: number | null;
  chunk: { start: number; end: number } | null;
  /** Every event list/count request: start, first byte and end on the page's clock. */
  requests: Array<{ url: string; start: number; firstByte: number; end: number }>;
}

/** Where the histogram's time went, from the Resource Timing entries (page clock). */
export const TIMELINE = String.raw`
(() => {
  const entries = performance.getEntriesByType('resource');
  const chunk = entries.find((e) => /\/assets\/event-histogram-[^/]*\.js$/.test(e.name));
  return {
    appRowAt: window.__bench ? window.__bench.appRowAt : null,
    chunk: chunk ? { start: chunk.startTime, end: chunk.responseEnd } : null,
    requests: entries
      .filter((e) => e.name.includes('/device-events?'))
      .map((e) => ({ url: e.name, start: e.startTime, firstByte: e.responseStart, end: e.responseEnd })),
  };
})()
`;

/** One line: the app's first row, the chunk, the ends, and the count rounds, relative to the first row. */
export function describeTimeline(timeline: Timeline, firstRowAt: number): string {
  const at = (ms: number) => `${Math.round(ms - firstRowAt)}`;
  const counts = timeline.requests.filter((r) => /\blimit=2\b/.test(r.url));
  const ends = counts.filter((r) => !r.url.includes('date_time__gte'));
  const buckets = counts.filter((r) => r.url.includes('date_time__gte'));
  const totals = buckets.filter((r) => !r.url.includes('event_type__in'));
  const span = (list: typeof counts) =>
    list.length === 0
      ? '—'
      : `${at(Math.min(...list.map((r) => r.start)))}…${at(Math.max(...list.map((r) => r.end)))}`;
  const server = (list: typeof counts) => {
    const waits = list.map((r) => r.firstByte - r.start).sort((a, b) => a - b);
    return waits.length === 0 ? '—' : `${Math.round(waits[Math.floor(waits.length / 2)]!)}`;
  };
  return [
    `app row ${timeline.appRowAt === null ? '—' : at(timeline.appRowAt)}`,
    `chunk ${timeline.chunk ? `${at(timeline.chunk.start)}…${at(timeline.chunk.end)}` : '—'}`,
    `ends ×${ends.length} ${span(ends)}`,
    `totals ×${totals.length} ${span(totals)} (median wait ${server(totals)})`,
    `levels ×${buckets.length - totals.length} ${span(buckets.filter((r) => !totals.includes(r)))} (median wait ${server(buckets.filter((r) => !totals.includes(r)))})`,
  ].join('; ');
}

/** What one cold load of a log's histogram took. */
export interface HistogramLoad {
  /** The first event row painted (server-rendered or not), ms since navigation. */
  firstRowAt: number;
  marks: Marks & { completeAt: number };
  timeline: Timeline;
  /** The one-row count reads the page sent. */
  counts: number;
}

/** Opens `path` in a fresh `page` of `context` and waits until every level of its histogram is counted. */
export async function loadHistogram(
  context: BrowserContext,
  page: Page,
  path: string,
): Promise<HistogramLoad> {
  await context.addInitScript({ content: HISTOGRAM_PROBE });
  let counts = 0;
  page.on('request', (request) => {
    if (isCountRequest(request.url())) counts += 1;
  });
  const firstRow = watchFirstRow(page);
  await page.goto(path, { waitUntil: 'commit' });
  const firstRowAt = await firstRow();
  const deadline = Date.now() + 60_000;
  let marks: Marks = { drawnAt: null, completeAt: null };
  while (marks.completeAt === null) {
    if (Date.now() > deadline) throw new Error('histogram not complete within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
    marks = (await page.evaluate('window.__histogram')) as Marks;
  }
  const timeline = (await page.evaluate(TIMELINE)) as Timeline;
  return { firstRowAt, marks: { ...marks, completeAt: marks.completeAt }, timeline, counts };
}

export async function histogramRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  const path = `/${targets.backendId}/devices/${targets.longDeviceId}/events`;
  for (let run = 1; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    try {
      const { firstRowAt, marks, timeline, counts } = await loadHistogram(context, page, path);
      const drawn = marks.drawnAt! - firstRowAt;
      const complete = marks.completeAt - firstRowAt;
      sink.add('histogramDrawn', drawn);
      sink.add('histogramComplete', complete);
      sink.log(
        `histogram run ${run}: first row at ${firstRowAt.toFixed(0)} ms; bars drawn ${drawn.toFixed(0)} ms after it, every level ${complete.toFixed(0)} ms after it; ${counts} count requests`,
      );
      sink.log(`  ms after the first row: ${describeTimeline(timeline, firstRowAt)}`);
    } catch (error) {
      sink.fail(['histogramDrawn', 'histogramComplete'], error);
      return;
    } finally {
      await context.close();
    }
  }
  sink.note(
    'histogramDrawn',
    'cold context; the 100,006-event log without a range (13 bars of 60 days, 4 levels)',
  );
}
