import type { SortOrder } from '../../../backends/types.ts';

/**
 * Which instant a row position of the whole log stands for, so a scrollbar dragged to any place
 * (or a row far from the loaded window) can be reached by seeking to a time (`seekQueries`)
 * instead of paging through everything before it.
 *
 * It interpolates between what is known: rows whose time has been read (the log's newest and
 * oldest events, the first and last rows of a loaded window, earlier landings) and, when given,
 * per-bucket event counts (a histogram of the same query), which turn into exact (row, time)
 * points at every bucket edge. With counts the estimate is off by at most one bucket's events;
 * without, by how unevenly the log is spread between the known rows.
 */

/** A row of the whole log (0 = first in the display order) whose event's time is known. */
export interface KnownRow {
  row: number;
  time: number;
}

/** Events counted in [start, end) ms, for the same query (filters, range) as the rows. */
export interface BucketCount {
  start: number;
  end: number;
  count: number;
}

export interface PositionTimeInput {
  /** Rows in the whole log (the backend's count). */
  total: number;
  order: SortOrder;
  known: readonly KnownRow[];
  /** Optional histogram of the log; buckets must not overlap. */
  buckets?: readonly BucketCount[];
}

/**
 * Bucket counts as rows with times: in the display order, a bucket's events follow the events of
 * every bucket before it, so its edges sit at the running sum of counts. Edges of a bucket that
 * holds events are its outermost instants (the first row at or inside the bucket's newer edge).
 */
export function rowsFromBuckets(buckets: readonly BucketCount[], order: SortOrder): KnownRow[] {
  const sorted = [...buckets]
    .filter((bucket) => bucket.count > 0 && bucket.end > bucket.start)
    .sort((a, b) => (order === 'desc' ? b.start - a.start : a.start - b.start));
  const rows: KnownRow[] = [];
  let row = 0;
  for (const bucket of sorted) {
    // The last instant inside [start, end) is end - 1.
    const near = order === 'desc' ? bucket.end - 1 : bucket.start;
    const far = order === 'desc' ? bucket.start : bucket.end - 1;
    rows.push({ row, time: near });
    row += bucket.count;
    rows.push({ row: row - 1, time: far });
  }
  return rows;
}

/**
 * The time row `row` stands for, or null when nothing is known. Monotonic in the display order
 * (non-increasing for `desc`, non-decreasing for `asc`); known rows map to their times.
 */
export function timeAtRow(row: number, input: PositionTimeInput): number | null {
  const points = monotonePoints(input);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const clamped = Math.max(0, Math.min(Math.max(0, input.total - 1), row));
  if (clamped <= first.row) return first.time;
  if (clamped >= last.row) return last.time;
  // Binary search for the segment [lo, hi] that holds the row.
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.row <= clamped) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  const share = b.row === a.row ? 0 : (clamped - a.row) / (b.row - a.row);
  return Math.round(a.time + (b.time - a.time) * share);
}

/**
 * Known rows and bucket edges in row order, one per row, times forced into the display order's
 * direction. A read row wins over a bucket edge at the same row (an edge only bounds the time);
 * a row that contradicts its neighbours (one read before newer events arrived) is flattened
 * rather than trusted.
 */
function monotonePoints({ total, order, known, buckets }: PositionTimeInput): KnownRow[] {
  const last = Math.max(0, total - 1);
  const byRow = new Map<number, number>();
  if (buckets) {
    for (const point of rowsFromBuckets(buckets, order)) {
      if (point.row <= last) byRow.set(point.row, point.time);
    }
  }
  for (const point of known) {
    if (Number.isFinite(point.time) && point.row >= 0 && point.row <= last)
      byRow.set(Math.round(point.row), point.time);
  }
  const sorted = [...byRow.entries()]
    .map(([row, time]) => ({ row, time }))
    .sort((a, b) => a.row - b.row);
  const points: KnownRow[] = [];
  for (const point of sorted) {
    const previous = points[points.length - 1];
    const time =
      previous === undefined
        ? point.time
        : order === 'desc'
          ? Math.min(previous.time, point.time)
          : Math.max(previous.time, point.time);
    points.push({ row: point.row, time });
  }
  return points;
}
