import type { EventVocabulary } from '../../../backends/types.ts';
import { levelDescription } from '../../../backends/vocabulary.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { formatEventTime } from '../utils/format-time.ts';
import type { BucketPlan, HistogramZone } from './bucket-plan.ts';
import { describeStep } from './bucket-plan.ts';
import type { HistogramBar } from './count-plan.ts';

/** The words of the histogram: its summary (the text alternative), bar names and axis labels. */

const DAY = 86_400_000;

/** "2025-06-12 10:00" for bars narrower than a day, "2025-06-12" for wider ones. */
export function formatEdge(ms: number, step: number, tz: HistogramZone): string {
  // A fixed offset reads as local time (it stands for the zone a first screen was rendered in).
  const text =
    typeof tz === 'object' ? formatEventTime(ms + tz.offset, 'utc') : formatEventTime(ms, tz);
  const zone = tz === 'utc' ? ' UTC' : '';
  return (step < DAY ? text.slice(0, 16) : text.slice(0, 10)) + zone;
}

/** A bar's span as its caption: start, and the last moment it includes. */
export function describeSpan(bar: HistogramBar, step: number, tz: HistogramZone): string {
  return `${formatEdge(bar.start, step, tz)} – ${formatEdge(bar.end - (step < DAY ? 0 : 1), step, tz)}`;
}

const plural = (count: number, word: string) =>
  `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** "1,204 events: 12 FAIL, 1,192 INFO" */
export function describeCount(bar: HistogramBar, vocabulary: EventVocabulary): string {
  if (bar.count === undefined) return 'counting…';
  const parts = bar.segments.map(
    (segment) =>
      `${formatCount(segment.count)} ${levelDescription(vocabulary, segment.level).label}`,
  );
  return `${plural(bar.count, 'event')}${parts.length > 1 ? `: ${parts.join(', ')}` : ''}`;
}

export interface SummaryInput {
  mode: 'counted' | 'loaded';
  plan: BucketPlan | null;
  bars: readonly HistogramBar[];
  drawn: boolean;
  vocabulary: EventVocabulary;
  tz: HistogramZone;
  /** A text search narrows the rows but not the counts. */
  textSearch: boolean;
}

/** The sentence that says what the histogram shows: totals, span, busiest bar. */
export function summarise(input: SummaryInput): string {
  const { mode, plan, bars, drawn, vocabulary, tz } = input;
  const loaded = mode === 'loaded';
  const tail = input.textSearch ? ' The text search is not counted.' : '';
  if (!plan) {
    if (!drawn) return 'Counting events…';
    return `${loaded ? 'No loaded events to count.' : 'No events in this range.'}${tail}`;
  }
  if (!drawn) return 'Counting events…';
  const total = bars.reduce((sum, bar) => sum + (bar.count ?? 0), 0);
  const busiest = bars.reduce<HistogramBar | null>(
    (best, bar) => ((bar.count ?? 0) > (best?.count ?? 0) ? bar : best),
    null,
  );
  const span = `${formatEdge(plan.from, plan.step, tz)} to ${formatEdge(plan.to, plan.step, tz)}`;
  const bins = `${plural(bars.length, 'bar')} of ${describeStep(plan.step)}`;
  const peak = busiest
    ? ` Busiest: ${describeSpan(busiest, plan.step, tz)}, ${describeCount(busiest, vocabulary)}.`
    : '';
  const head = loaded
    ? `Counts of the ${plural(total, 'loaded event')} only (this backend cannot count its whole log): ${span}`
    : `${plural(total, 'event')} from ${span}`;
  return `${head}, ${bins}.${peak}${tail}`;
}
