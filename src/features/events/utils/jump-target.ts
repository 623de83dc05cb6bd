import type { SortOrder } from '../../../backends/types.ts';

/**
 * Jumps: the reader moved far from the rows the list holds (dragged the scrollbar, pressed End or
 * Home), so the list seeks instead of paging through everything in between.
 */
export type JumpTarget =
  /** The first row of the display order: the list read from its top. */
  | { to: 'top' }
  /** The last row of the display order: the log opened at its far end. */
  | { to: 'bottom' }
  /** A row in between, opened at the time it stands for (`position-time.ts`). */
  | { to: 'row'; row: number; time: number };

/** The instant the list opens at for a jump; undefined = the list read from its top. */
export function anchorOfJump(target: JumpTarget, order: SortOrder): number | undefined {
  if (target.to === 'top') return undefined;
  // Newest first, the bottom is the oldest end; oldest first, the newest (see `seekQueries`).
  if (target.to === 'bottom') return order === 'desc' ? -Infinity : Infinity;
  return target.time;
}

export interface RowSpan {
  first: number;
  last: number;
}

/**
 * Rows on screen a page or more beyond the rows held: paging there takes a request per page in a
 * row, seeking takes one round of requests. Within a page of the held rows, paging goes on.
 */
export function isFarFromWindow(
  visible: RowSpan,
  held: { start: number; rowCount: number },
  pageSize: number,
): boolean {
  if (visible.last < visible.first) return false;
  return visible.first >= held.rowCount + pageSize || visible.last < held.start - pageSize;
}

/**
 * Where rows on screen (the reader's view, without overscan) ask to go in a list of `count` rows:
 * the top and the bottom are the log's ends, anything else a row.
 */
export function jumpPlaceOf(seen: RowSpan, count: number): 'top' | 'bottom' | number {
  if (seen.first <= 0) return 'top';
  if (seen.last >= count - 1) return 'bottom';
  return seen.first;
}

/** The same place as a jump already made (within half a page): no need to seek again. */
export function sameJump(
  made: JumpTarget | undefined,
  place: 'top' | 'bottom' | number,
  pageSize: number,
): boolean {
  if (!made) return false;
  if (typeof place === 'number') {
    return made.to === 'row' && Math.abs(made.row - place) < pageSize / 2;
  }
  return made.to === place;
}
