/**
 * The histogram's time axis: a window cut into at most MAX_BUCKETS buckets of one "nice" width
 * (1 min … 1 day, then days, weeks and months of fixed length), their edges on round times of
 * the view's time zone so a bar reads "10:00–11:00", not "10:07–11:07". The first and last
 * buckets are cut to the window, so the buckets cover it exactly: each event of the window falls
 * in exactly one bucket, and the bars' counts add up to the window's count.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The widths a bucket may have, narrowest first. */
export const BUCKET_STEPS: readonly number[] = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  60 * DAY,
  90 * DAY,
  180 * DAY,
  365 * DAY,
];

/**
 * The most bars one histogram draws. With a count request per bar and shown level (at most 4
 * levels), this bounds the requests of one histogram to 96.
 */
export const MAX_BUCKETS = 24;

export interface Bucket {
  /** First millisecond of the bucket (included). */
  start: number;
  /** First millisecond after it (excluded); `end - 1` is the last one a count includes. */
  end: number;
}

export interface BucketPlan {
  /** The nominal width of a bucket (ms); the first and last may be cut shorter by the window. */
  step: number;
  buckets: Bucket[];
  /** The window: `from` and `to` both included. */
  from: number;
  to: number;
}

/** How many buckets a step cuts the window into, once its edges sit on round times. */
function bucketCount(from: number, to: number, step: number, zoneOffset: number): number {
  const first = alignDown(from, step, zoneOffset);
  return Math.floor((to - first) / step) + 1;
}

/**
 * Rounds down to a multiple of `step` in a zone `zoneOffset` ms ahead of UTC (local midnight,
 * not UTC's, for day steps). Weeks start on Monday: the epoch fell on a Thursday.
 */
export function alignDown(time: number, step: number, zoneOffset: number): number {
  const shift = step === 7 * DAY || step === 14 * DAY ? zoneOffset - 4 * DAY : zoneOffset;
  return Math.floor((time + shift) / step) * step - shift;
}

/** The narrowest step that cuts [from, to] into at most MAX_BUCKETS buckets. */
export function chooseStep(from: number, to: number, zoneOffset = 0): number {
  for (const step of BUCKET_STEPS) {
    if (bucketCount(from, to, step, zoneOffset) <= MAX_BUCKETS) return step;
  }
  // Beyond 24 years a bar: whole years.
  const years = Math.ceil((to - from + 1) / (MAX_BUCKETS - 1) / (365 * DAY));
  return years * 365 * DAY;
}

/**
 * The buckets of the window [from, to] (ms, both included). `zoneOffset` is the view's offset
 * from UTC in ms (0 for `tz=utc`), so edges fall on the reader's round hours and midnights.
 */
export function planBuckets(from: number, to: number, zoneOffset = 0): BucketPlan {
  const low = Math.floor(Math.min(from, to));
  const high = Math.floor(Math.max(from, to));
  const step = chooseStep(low, high, zoneOffset);
  const buckets: Bucket[] = [];
  for (let edge = alignDown(low, step, zoneOffset); edge <= high; edge += step) {
    buckets.push({ start: Math.max(edge, low), end: Math.min(edge + step, high + 1) });
  }
  return { step, buckets, from: low, to: high };
}

/**
 * The zone the histogram cuts and labels its bars in: the view's setting, or a fixed offset from
 * UTC (ms) — a server-rendered histogram's, until the app has taken the page over (so the app's
 * first render draws the bars the server drew, wherever the browser is; see histogram-slot.tsx).
 */
export type HistogramZone = 'utc' | 'local' | { offset: number };

/** The zone's offset from UTC at `time`, in ms (`utc`: 0): bucket edges fall on its round hours. */
export function zoneOffsetAt(time: number, zone: HistogramZone): number {
  if (typeof zone === 'object') return zone.offset;
  return zone === 'utc' ? 0 : -new Date(time).getTimezoneOffset() * 60_000;
}

/** The index of the bucket holding `time`, or -1 outside the window. */
export function bucketIndexOf(plan: BucketPlan, time: number): number {
  if (time < plan.from || time > plan.to) return -1;
  const first = plan.buckets[0];
  if (!first) return -1;
  if (plan.buckets.length === 1) return 0;
  // Every bucket but the first starts on a step edge.
  const firstEdge = first.end - plan.step;
  const index = Math.floor((time - firstEdge) / plan.step);
  return Math.min(plan.buckets.length - 1, Math.max(0, index));
}

/** "1 min", "6 h", "7 days": the width of a bar, for its caption. */
export function describeStep(step: number): string {
  if (step < HOUR) return `${step / MINUTE} min`;
  if (step < DAY) return `${step / HOUR} h`;
  const days = step / DAY;
  return days === 1 ? '1 day' : `${days} days`;
}
