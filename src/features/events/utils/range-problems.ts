import { resolveTimeBound } from './time-bound.ts';

export type RangeProblem =
  /** From resolves to a later instant than To: no event can match. */
  | { problem: 'reversed' }
  /** From lies before the backend's retention window: the backend answers from `start` on. */
  | { problem: 'narrowed'; retentionDays: number; start: number };

/**
 * What is wrong with a view's range, said rather than left to "No events": a From after To, and
 * a From the backend cannot go back to (Alibaba keeps 30 days; now-60d reads as the last 30).
 */
export function rangeProblemsOf(
  range: { from: string | undefined; to: string | undefined },
  retentionDays: number | null,
  now: number,
): RangeProblem[] {
  const from = range.from === undefined ? null : resolveTimeBound(range.from, now);
  const to = range.to === undefined ? null : resolveTimeBound(range.to, now);
  const problems: RangeProblem[] = [];
  if (from !== null && to !== null && from > to) problems.push({ problem: 'reversed' });
  if (retentionDays !== null && from !== null) {
    const start = now - retentionDays * 86_400_000;
    if (from < start && (to === null || to >= start))
      problems.push({ problem: 'narrowed', retentionDays, start });
  }
  return problems;
}
