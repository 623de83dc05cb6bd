import type { DeviceEvent, EventLevel } from '../../../backends/types.ts';
import { bucketIndexOf, type BucketPlan } from './bucket-plan.ts';
import type { HistogramBar } from './count-plan.ts';

/**
 * Bars from the events the view holds, for a backend that cannot count: the same buckets and
 * stacking as counted bars, over what is loaded only (the histogram says so).
 */
export function loadedBars(
  plan: BucketPlan,
  levels: readonly EventLevel[],
  events: readonly DeviceEvent[],
): HistogramBar[] {
  const counts = plan.buckets.map(() => new Map<EventLevel, number>());
  for (const event of events) {
    const index = bucketIndexOf(plan, event.time);
    if (index < 0) continue;
    const bucket = counts[index]!;
    bucket.set(event.level, (bucket.get(event.level) ?? 0) + 1);
  }
  return plan.buckets.map((bucket, index) => {
    const byLevel = counts[index]!;
    const order = [...levels, ...[...byLevel.keys()].filter((level) => !levels.includes(level))];
    const segments = order
      .map((level) => ({ level, count: byLevel.get(level) ?? 0 }))
      .filter((segment) => segment.count > 0);
    return {
      ...bucket,
      count: segments.reduce((sum, segment) => sum + segment.count, 0),
      segments,
    };
  });
}

/** The earliest and latest time among the events, or null when there are none. */
export function timeExtent(events: readonly DeviceEvent[]): { from: number; to: number } | null {
  if (events.length === 0) return null;
  let from = Infinity;
  let to = -Infinity;
  for (const event of events) {
    if (event.time < from) from = event.time;
    if (event.time > to) to = event.time;
  }
  return { from, to };
}
