import type { Cursor, DeviceEvent } from '../../../backends/types.ts';
import type { EventWindow, PageStart, ResolvedRange } from './page-window.ts';

/**
 * A window of the log opened at a moment (an event link, `at=`, next/previous failure) that pages
 * both ways from there, with the same bounded set of held pages as the log read from its top
 * (`page-window.ts`).
 *
 * Pages are numbered from the anchor: page 0 and the pages after it read on in the display order
 * (`seekQueries().below`); pages -1, -2, … read the rows before the anchor, nearest first, through
 * the reversed query (`seekQueries().above`), and are stored reversed, in display order. Row
 * offsets count from the anchor (negative above it). Every page remembers how to fetch its
 * neighbour towards the anchor, so pages evicted at either end come back through their cursors.
 *
 * Where the backend counts events, the rows above the anchor are known up front and shown as
 * placeholders (the scrollbar tells the truth at once); where it cannot, one placeholder row
 * stands for "maybe more" above the highest page read, and the grid keeps its scroll position
 * when a page is inserted above (`EventRows.origin`).
 */

export interface AnchoredPageParam {
  /** ≥ 0: at or after the anchor in display order; < 0: before it. */
  index: number;
  /** Continuation within the page's half (`below` or `above`); null = that half's first page. */
  cursor: Cursor | null;
  /** Row offset of the page's first row, when reached going down. */
  offset?: number;
  /** Row offset just after the page's last row, when reached going up (its length is not known). */
  endOffset?: number;
  /** Relative bounds are resolved once, on page 0, so every page of the window agrees. */
  range: ResolvedRange | null;
  /** Starts of pages 0…index (pages at or after the anchor). */
  belowStarts: readonly PageStart[];
  /** Cursors of pages -1…index (pages before the anchor); entry k fetches page -(k + 1). */
  aboveCursors: readonly (Cursor | null)[];
  /** Rows before the anchor, when the backend counted them; null = it cannot count. */
  aboveCount?: number | null;
  /** Rows from the anchor on, when the backend counted them. */
  belowCount?: number;
  /** Lowest row offset read so far. */
  reach: number;
  /** The first row of the log (in display order) has been read. */
  topReached: boolean;
}

export interface AnchoredPage extends AnchoredPageParam {
  offset: number;
  range: ResolvedRange;
  events: DeviceEvent[];
  /** Next page of the same half (further from the anchor); null = that half has ended. */
  nextCursor: Cursor | null;
  malformed?: number;
}

export const ANCHOR_PAGE_PARAM: AnchoredPageParam = {
  index: 0,
  cursor: null,
  offset: 0,
  range: null,
  belowStarts: [{ cursor: null, offset: 0 }],
  aboveCursors: [],
  reach: 0,
  topReached: false,
};

/** What every held page knows about the window as a whole (pages are immutable once fetched). */
function shared(pages: readonly AnchoredPage[]) {
  let reach = 0;
  let topReached = false;
  let aboveCount: number | null | undefined;
  let belowCount: number | undefined;
  for (const page of pages) {
    reach = Math.min(reach, page.reach, page.offset);
    topReached ||= page.topReached;
    if (page.aboveCount !== undefined) aboveCount = page.aboveCount;
    if (page.belowCount !== undefined) belowCount = page.belowCount;
  }
  return { reach, topReached, aboveCount, belowCount };
}

export function nextAnchoredParam(
  last: AnchoredPage,
  pages: readonly AnchoredPage[],
): AnchoredPageParam | undefined {
  const known = shared(pages);
  const offset = last.offset + last.events.length;
  if (last.index < 0) {
    const index = last.index + 1;
    if (index === 0) {
      return {
        ...known,
        index,
        cursor: null,
        offset,
        range: last.range,
        belowStarts: [{ cursor: null, offset }],
        aboveCursors: [],
      };
    }
    const aboveCursors = last.aboveCursors.slice(0, -index);
    return {
      ...known,
      index,
      cursor: aboveCursors[aboveCursors.length - 1] ?? null,
      offset,
      range: last.range,
      belowStarts: [],
      aboveCursors,
    };
  }
  if (last.nextCursor === null) return undefined;
  const start = { cursor: last.nextCursor, offset };
  return {
    ...known,
    index: last.index + 1,
    cursor: start.cursor,
    offset,
    range: last.range,
    belowStarts: [...last.belowStarts, start],
    aboveCursors: [],
  };
}

export function previousAnchoredParam(
  first: AnchoredPage,
  pages: readonly AnchoredPage[],
): AnchoredPageParam | undefined {
  const known = shared(pages);
  if (first.index > 0) {
    const start = first.belowStarts[first.index - 1];
    if (!start) return undefined;
    return {
      ...known,
      index: first.index - 1,
      cursor: start.cursor,
      offset: start.offset,
      range: first.range,
      belowStarts: first.belowStarts.slice(0, first.index),
      aboveCursors: [],
    };
  }
  if (first.index === 0) {
    // The top was reached with no rows read above the anchor: nothing is there. (With rows read
    // above, reaching the top says nothing about page -1, which may have been let go since.)
    if (known.aboveCount === 0 || (first.topReached && known.reach >= first.offset))
      return undefined;
    return {
      ...known,
      index: -1,
      cursor: null,
      endOffset: first.offset,
      range: first.range,
      belowStarts: [],
      aboveCursors: [null],
    };
  }
  if (first.nextCursor === null) return undefined;
  return {
    ...known,
    index: first.index - 1,
    cursor: first.nextCursor,
    endOffset: first.offset,
    range: first.range,
    belowStarts: [],
    aboveCursors: [...first.aboveCursors, first.nextCursor],
  };
}

export interface AnchoredWindow extends EventWindow {
  /** Row index of the anchor (its first event at or after it); rows move when this does. */
  origin: number;
  /**
   * Row indexes are those of the whole log (the rows above were counted, or the top was read);
   * false while they count from a placeholder above the highest page read.
   */
  absolute: boolean;
}

/**
 * The held pages as grid rows. Rows before the anchor are the counted ones (or, uncounted, those
 * read so far plus one placeholder while more may be there), so row indexes stay put while pages
 * come and go at either end.
 */
export function buildAnchoredWindow(pages: readonly AnchoredPage[]): AnchoredWindow {
  const first = pages[0];
  if (!first) {
    return {
      start: 0,
      events: [],
      rowCount: 0,
      totalCount: undefined,
      malformed: 0,
      origin: 0,
      absolute: false,
    };
  }
  const known = shared(pages);
  const origin = known.topReached
    ? 0 - known.reach
    : typeof known.aboveCount === 'number'
      ? Math.max(known.aboveCount, 0 - known.reach)
      : 1 - known.reach;
  const events = pages.flatMap((page) => page.events);
  const start = origin + first.offset;
  return {
    start,
    events,
    rowCount: start + events.length,
    totalCount:
      typeof known.aboveCount === 'number' && known.belowCount !== undefined
        ? known.aboveCount + known.belowCount
        : undefined,
    malformed: pages.reduce((sum, page) => sum + (page.malformed ?? 0), 0),
    origin,
    absolute: known.topReached || typeof known.aboveCount === 'number',
  };
}
