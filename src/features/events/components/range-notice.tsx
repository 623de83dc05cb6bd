import type { RangeProblem } from '../utils/range-problems.ts';

export interface RangeNoticeProps {
  problems: readonly RangeProblem[];
  formatTime: (ms: number) => string;
  onSwap: () => void;
}

/** Explains a range that cannot show what it seems to ask for. */
export function RangeNotice({ problems, formatTime, onSwap }: RangeNoticeProps) {
  if (problems.length === 0) return null;
  return (
    <div
      role="note"
      className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {problems.map((problem) =>
        problem.problem === 'reversed' ? (
          <p key="reversed" className="flex flex-wrap items-center gap-2">
            From is after To, so no event can match.
            <button
              type="button"
              onClick={onSwap}
              className="rounded border border-amber-400 px-2 py-0.5 text-xs hover:bg-amber-100"
            >
              Swap From and To
            </button>
          </p>
        ) : (
          <p key="narrowed">
            This backend keeps events for {problem.retentionDays} days: the range starts at{' '}
            {/* Rewritten into the browser's zone by a server-rendered page's inline script. */}
            <time dateTime={new Date(problem.start).toISOString()} data-local-time="">
              {formatTime(problem.start)}
            </time>
            , not at From.
          </p>
        ),
      )}
    </div>
  );
}
