import type { EventCountQuery, EventLevel, EventVocabulary } from '../../../backends/types.ts';
import type { Bucket } from './bucket-plan.ts';

/**
 * Which counts a histogram asks the backend for, and how the answers become stacked bars.
 *
 * Per bucket: one count with the view's filters (the bar's height), then one per shown level but
 * one (its segments); the level left over takes the rest of the bar, so a bucket costs as many
 * requests as the view shows levels, and the segments always add up to the bar. The leftover is
 * the last shown level that is not the failure level, so failures are always counted themselves.
 * Requests go in priority order: every bar's total, then the failures, then the other levels.
 * When the window's own count is known (the list's first page counted it), the last bar's total
 * is not asked for: it is what the other bars leave of the window's count.
 */

export interface CountRequest {
  bucket: number;
  /** null: the bar's total, with the view's own level filter. */
  level: EventLevel | null;
  query: EventCountQuery;
}

export interface CountFilters {
  deviceId: string;
  /** The view's level filter; empty = every level. */
  levels: EventLevel[];
  code: string | undefined;
}

export interface CountPlan {
  /** The levels the bars are stacked by, in the vocabulary's order. */
  levels: EventLevel[];
  /** The level that takes what the counted ones leave (null when only one level is shown). */
  remainder: EventLevel | null;
  requests: CountRequest[];
  /** The bar whose total is the window's count less the others' (not asked for), if any. */
  derived: { bucket: number; windowTotal: number } | null;
}

/** The levels the view shows, in the vocabulary's order. */
export function shownLevels(vocabulary: EventVocabulary, levels: EventLevel[]): EventLevel[] {
  const all = vocabulary.levels.values.map((level) => level.value);
  return levels.length === 0 ? all : all.filter((level) => levels.includes(level));
}

export function planCounts(
  vocabulary: EventVocabulary,
  filters: CountFilters,
  buckets: readonly Bucket[],
  windowTotal?: number,
): CountPlan {
  const levels = shownLevels(vocabulary, filters.levels);
  const failure = vocabulary.levels.failure;
  const remainder =
    levels.length <= 1 ? null : ([...levels].reverse().find((l) => l !== failure) ?? null);
  const split = levels
    .filter((level) => level !== remainder)
    .sort((a, b) => Number(b === failure) - Number(a === failure));
  const query = (bucket: Bucket, levelFilter: EventLevel[]): EventCountQuery => ({
    deviceId: filters.deviceId,
    levels: levelFilter,
    ...(filters.code !== undefined ? { code: filters.code } : {}),
    from: bucket.start,
    to: bucket.end - 1,
  });
  const derived =
    windowTotal !== undefined && buckets.length > 1
      ? { bucket: buckets.length - 1, windowTotal }
      : null;
  const requests: CountRequest[] = buckets
    .map((bucket, index) => ({ bucket: index, level: null, query: query(bucket, filters.levels) }))
    .filter((request) => request.bucket !== derived?.bucket);
  // With one level shown, the total is that level's count.
  if (remainder !== null) {
    for (const level of split) {
      buckets.forEach((bucket, index) =>
        requests.push({ bucket: index, level, query: query(bucket, [level]) }),
      );
    }
  }
  return { levels, remainder, requests, derived };
}

export interface HistogramSegment {
  level: EventLevel;
  count: number;
}

export interface HistogramBar extends Bucket {
  /** undefined until the bar's total is in. */
  count: number | undefined;
  /** Stacked in the vocabulary's order; empty until every count of the bar is in. */
  segments: HistogramSegment[];
}

/** The bars, from the answers so far (`answers[i]` is the count of `plan.requests[i]`). */
export function assembleBars(
  buckets: readonly Bucket[],
  plan: CountPlan,
  answers: ReadonlyArray<number | undefined>,
): HistogramBar[] {
  const bars: HistogramBar[] = buckets.map((bucket) => ({
    ...bucket,
    count: undefined,
    segments: [],
  }));
  const byLevel = buckets.map(() => new Map<EventLevel, number>());
  const missing = buckets.map(() => 0);
  plan.requests.forEach((request, index) => {
    const answer = answers[index];
    const bar = bars[request.bucket]!;
    if (answer === undefined) missing[request.bucket]! += 1;
    else if (request.level === null) bar.count = answer;
    else byLevel[request.bucket]!.set(request.level, answer);
  });
  const { derived } = plan;
  if (derived) {
    let others = 0;
    let known = true;
    bars.forEach((bar, index) => {
      if (index === derived.bucket) return;
      if (bar.count === undefined) known = false;
      else others += bar.count;
    });
    // Never below zero, should a count have moved between the two reads.
    if (known) bars[derived.bucket]!.count = Math.max(0, derived.windowTotal - others);
  }
  bars.forEach((bar, index) => {
    if (missing[index]! > 0 || bar.count === undefined) return;
    const counted = byLevel[index]!;
    let rest = bar.count;
    for (const count of counted.values()) rest -= count;
    bar.segments = plan.levels
      .map((level) => ({
        level,
        count:
          level === plan.remainder || plan.remainder === null
            ? Math.max(0, plan.remainder === null ? bar.count! : rest)
            : (counted.get(level) ?? 0),
      }))
      .filter((segment) => segment.count > 0);
  });
  return bars;
}
