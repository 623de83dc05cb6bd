import type { BackendAdapter, Cursor, EventPage, EventQuery } from '../../../backends/types.ts';
import { BackendError } from '../../../backends/types.ts';
import { nextPollDelay } from '../live/live-schedule.ts';

/**
 * Reading an export's events as several slices of time at once (docs/performance.md, "Export
 * throughput, third round"). Each slice is an ordinary query of the view with narrower `from`/`to`
 * bounds, paged with the backend's own cursors, so inside a slice the order is the backend's; the
 * slices, written one after another in the view's order, give the same lines as one read of the
 * whole view.
 *
 * Edges are whole milliseconds, and a slice holds the events whose `time` (the record's instant
 * cut to the millisecond) is at or after its start and before the next slice's start. Its query
 * asks up to and including the edge millisecond (`to` is inclusive) and the events at the edge
 * itself are dropped here: a backend with sub-millisecond times (Izuma/Pelion `date_time` has
 * microseconds) answers `date_time__lte=…T…123Z` with the events up to .123000 only, so an event
 * at .123456 is not in this slice's answer, and the next slice's `date_time__gte=…123Z` has it.
 * Every event of the view is read exactly once, however many share the edge's millisecond.
 */
export interface ExportSlice {
  query: EventQuery;
  /** The next slice's first millisecond: events at or after it belong there and are dropped. */
  before?: number;
}

/**
 * `count` slices of about equal time between the view's oldest and newest event (`time` of each,
 * in ms), in the view's order: oldest first for `asc`, newest first for `desc`. The first and last
 * slices keep the query's own open or closed ends, so the slices cover exactly what it covers
 * (including events newer than `newest` that arrive while the export runs).
 */
export function planSlices(
  query: EventQuery,
  oldest: number,
  newest: number,
  count: number,
): ExportSlice[] {
  const lo = Math.floor(Math.min(oldest, newest));
  const hi = Math.floor(Math.max(oldest, newest)) + 1;
  const n = Math.max(1, Math.min(Math.floor(count), hi - lo));
  const edges: number[] = [];
  for (let k = 1; k < n; k += 1) edges.push(lo + Math.floor(((hi - lo) * k) / n));
  const slices: ExportSlice[] = [];
  for (let k = 0; k < n; k += 1) {
    const start = k === 0 ? undefined : edges[k - 1];
    const end = k === n - 1 ? undefined : edges[k];
    slices.push({
      query: {
        ...query,
        from: start === undefined ? query.from : Math.max(query.from ?? start, start),
        to: end === undefined ? query.to : Math.min(query.to ?? end, end),
      },
      ...(end === undefined ? {} : { before: end }),
    });
  }
  return query.order === 'desc' ? slices.reverse() : slices;
}

/** A slice's page: the events at or past its end dropped (see ExportSlice). */
export function slicePage(page: EventPage, slice: ExportSlice): EventPage {
  const before = slice.before;
  if (before === undefined || page.events.every((event) => event.time < before)) return page;
  return { ...page, events: page.events.filter((event) => event.time < before) };
}

/** Failed calls in a row before an export gives up (each after a growing wait). */
const MAX_ATTEMPTS = 5;

export const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * One page of an export's query, with the backend's largest page, paced to the backend's rate
 * (`requestsPerSecond`) and retried after a growing wait when the failure is transient or a
 * throttling answer.
 */
export function exportPageReader(
  adapter: BackendAdapter,
  signal: AbortSignal,
): (query: EventQuery, cursor: Cursor | null) => Promise<EventPage> {
  const pageSize = adapter.info.capabilities.maxPageSize;
  const spacing = adapter.requestsPerSecond ? 1000 / adapter.requestsPerSecond : 0;
  let lastCall = -Infinity;
  return async (query, cursor) => {
    for (let attempt = 1; ; attempt += 1) {
      await wait(lastCall + spacing - performance.now(), signal);
      signal.throwIfAborted();
      lastCall = performance.now();
      try {
        return await (adapter.listEventsForExport ?? adapter.listEvents)(
          query,
          cursor,
          pageSize,
          signal,
        );
      } catch (error) {
        const retryable = error instanceof BackendError && error.details.retryable;
        if (signal.aborted || !retryable || attempt >= MAX_ATTEMPTS) throw error;
        await wait(nextPollDelay(attempt, error), signal);
      }
    }
  };
}

/**
 * Reads one slice to its end, handing each page (already cut to the slice) to `onPage` in order.
 * The next page is asked for as soon as a page has arrived, before `onPage` runs, so the backend
 * prepares it while this one is encoded.
 */
export async function readSlice(
  read: (query: EventQuery, cursor: Cursor | null) => Promise<EventPage>,
  slice: ExportSlice,
  onPage: (page: EventPage) => void | Promise<void>,
): Promise<void> {
  let pending: Promise<EventPage> | null = read(slice.query, null);
  while (pending) {
    const page: EventPage = await pending;
    pending = page.nextCursor === null ? null : read(slice.query, page.nextCursor);
    // Awaited on the next turn; until then a failure must not count as unhandled.
    pending?.catch(() => undefined);
    await onPage(slicePage(page, slice));
  }
}

/**
 * The oldest and newest event of the query (one smallest page from each end), and the count the
 * backend reports; null when either end's first page is empty (a filter the adapter applies
 * after reading can leave a page empty with more to come), and the export then reads in one go.
 */
export async function probeEnds(
  adapter: BackendAdapter,
  query: EventQuery,
  signal: AbortSignal,
): Promise<{ oldest: number; newest: number; total: number | null } | null> {
  const [first, last] = await Promise.all(
    (['asc', 'desc'] as const).map((order) =>
      adapter.listEvents({ ...query, order }, null, 2, signal),
    ),
  );
  const oldest = first?.events[0]?.time;
  const newest = last?.events[0]?.time;
  if (oldest === undefined || newest === undefined) return null;
  return { oldest, newest, total: first?.totalCount ?? last?.totalCount ?? null };
}
