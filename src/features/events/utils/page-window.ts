import type { Cursor, DeviceEvent } from '../../../backends/types.ts';

/**
 * Paging a 100,000-event log with one-way cursors while holding only a bounded window of pages.
 *
 * The infinite query keeps at most `maxPages` pages. Every page remembers where each page before
 * it started (its cursor and its row offset): cursors are small, so the whole chain is kept, and a
 * page evicted from the front can be fetched again when the reader scrolls back up. Rows before
 * the held window are placeholders of known count, so row indexes (and the scroll position) stay
 * absolute while pages come and go.
 */

export interface PageStart {
  cursor: Cursor | null;
  /** Rows in all pages before this one. */
  offset: number;
}

export interface ResolvedRange {
  from?: number;
  to?: number;
}

export interface EventPageParam extends PageStart {
  index: number;
  /** Relative bounds (`now-24h`) are resolved once, on the first page, so all pages agree. */
  range: ResolvedRange | null;
  /** Starts of pages 0…index (inclusive). */
  starts: readonly PageStart[];
  /** Carried from page to page: some APIs count only on the first page, which may be evicted. */
  totalCount?: number;
  /** Malformed records the backend sent in the pages before this one (see EventPage.malformed). */
  malformedBefore?: number;
}

export interface LoadedEventPage extends EventPageParam {
  range: ResolvedRange;
  events: DeviceEvent[];
  nextCursor: Cursor | null;
  /** Malformed records left out up to and including this page. */
  malformed?: number;
}

export const FIRST_PAGE_PARAM: EventPageParam = {
  index: 0,
  cursor: null,
  offset: 0,
  range: null,
  starts: [{ cursor: null, offset: 0 }],
};

export function nextPageParam(last: LoadedEventPage): EventPageParam | undefined {
  if (last.nextCursor === null) return undefined;
  const start: PageStart = { cursor: last.nextCursor, offset: last.offset + last.events.length };
  return {
    index: last.index + 1,
    ...start,
    range: last.range,
    starts: [...last.starts, start],
    totalCount: last.totalCount,
    malformedBefore: last.malformed ?? last.malformedBefore,
  };
}

export function previousPageParam(first: LoadedEventPage): EventPageParam | undefined {
  if (first.index === 0) return undefined;
  const start = first.starts[first.index - 1];
  if (!start) return undefined;
  return {
    index: first.index - 1,
    ...start,
    range: first.range,
    starts: first.starts.slice(0, first.index),
    totalCount: first.totalCount,
    // Counted on the way down; refetching an evicted page does not count its records again.
    malformedBefore: first.malformedBefore,
  };
}

/** Holds roughly this many events whatever the page size (200 for Pelion, 50 for Alibaba). */
export const HELD_EVENTS_BUDGET = 4000;

export function maxPagesFor(pageSize: number): number {
  return Math.max(4, Math.ceil(HELD_EVENTS_BUDGET / pageSize));
}

export interface EventWindow {
  /** Absolute index of the first held event; rows before it are placeholders. */
  start: number;
  events: DeviceEvent[];
  /** Rows known so far: placeholders + held events. */
  rowCount: number;
  totalCount: number | undefined;
  /** Malformed records left out so far (0 when none). */
  malformed: number;
}

export function buildEventWindow(pages: readonly LoadedEventPage[]): EventWindow {
  const first = pages[0];
  if (!first) return { start: 0, events: [], rowCount: 0, totalCount: undefined, malformed: 0 };
  // Offsets are chained from the first held page so a refetched page of another length cannot
  // leave gaps or overlaps inside the window.
  const events = pages.flatMap((page) => page.events);
  return {
    start: first.offset,
    events,
    rowCount: first.offset + events.length,
    totalCount: pages.find((page) => page.totalCount !== undefined)?.totalCount,
    malformed: Math.max(0, ...pages.map((page) => page.malformed ?? page.malformedBefore ?? 0)),
  };
}

export type FetchDirection = 'next' | 'previous' | null;

export interface FetchDecisionInput {
  visibleStart: number;
  visibleEnd: number;
  window: Pick<EventWindow, 'start' | 'rowCount'>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Start loading the next page this many rows before the end is visible. */
  prefetchRows: number;
}

/** What the visible range asks for; evicted rows above win over more rows below. */
export function decideFetch(input: FetchDecisionInput): FetchDirection {
  const { visibleStart, visibleEnd, window, hasNextPage, hasPreviousPage, prefetchRows } = input;
  if (visibleEnd < visibleStart) return null;
  if (hasPreviousPage && visibleStart < window.start) return 'previous';
  if (hasNextPage && visibleEnd >= window.rowCount - prefetchRows) return 'next';
  return null;
}
