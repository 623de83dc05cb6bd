/**
 * Cursor paging over a list already sorted ascending. The cursor is a position *between* items,
 * so a page never repeats or skips an item, in either order, however many items share a timestamp.
 */

export interface PageWindow {
  /** Scan bounds [lo, hi) — a date range narrowed by binary search, or the whole list. */
  lo: number;
  hi: number;
  /**
   * Where the cursor sits: ASC pages start at `ascStart`, DESC pages at `descStart` (inclusive).
   * Without a cursor a page starts at the window's edge.
   */
  cursor: { ascStart: number; descStart: number } | null;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/**
 * Scans from the cursor until the page is full plus one match (for `has_more`), so a filtered
 * query costs what it skips, never a full scan of a large list for a small page.
 */
export function takePage<T>(
  list: readonly T[],
  window: PageWindow,
  order: 'ASC' | 'DESC',
  limit: number,
  match: ((item: T) => boolean) | null,
): Page<T> {
  const items: T[] = [];
  const { lo, hi, cursor } = window;
  if (order === 'ASC') {
    for (let i = Math.max(lo, cursor?.ascStart ?? lo); i < hi; i++) {
      const item = list[i]!;
      if (match && !match(item)) continue;
      if (items.length === limit) return { items, hasMore: true };
      items.push(item);
    }
  } else {
    for (let i = Math.min(hi - 1, cursor?.descStart ?? hi - 1); i >= lo; i--) {
      const item = list[i]!;
      if (match && !match(item)) continue;
      if (items.length === limit) return { items, hasMore: true };
      items.push(item);
    }
  }
  return { items, hasMore: false };
}

export function countMatches<T>(
  list: readonly T[],
  lo: number,
  hi: number,
  match: ((item: T) => boolean) | null,
): number {
  if (!match) return Math.max(0, hi - lo);
  let count = 0;
  for (let i = lo; i < hi; i++) if (match(list[i]!)) count++;
  return count;
}

/** First index in [0, n) for which `isAtOrAfter` holds, for a predicate monotonic over the list. */
export function firstIndex(n: number, isAtOrAfter: (index: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
