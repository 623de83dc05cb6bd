import { Suspense, lazy } from 'react';
import type { LiveTailStatusProps } from './live-tail-status.tsx';

export interface LiveControlsProps {
  live: boolean;
  /** Live follows the newest end: on an oldest-first view turning it on also sets Newest first. */
  newestFirst: boolean;
  onLiveChange: (live: boolean) => void;
  /** Re-reads the newest end (relative bounds resolved again). */
  onRefresh: () => void;
  /** What the live tail polls, while Live is on. */
  tail: LiveTailStatusProps;
}

const LiveTailStatus = lazy(async () => ({
  default: (await import('./live-tail-status.tsx')).LiveTailStatus,
}));

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100';

/** Refresh, the Live toggle, and the "N new events" button of a live view scrolled away. */
export function LiveControls({
  live,
  newestFirst,
  onLiveChange,
  onRefresh,
  tail,
}: LiveControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={onRefresh} className={buttonClass}>
        Refresh
      </button>
      <button
        type="button"
        aria-pressed={live}
        onClick={() => onLiveChange(!live)}
        title="Add newer events as they arrive"
        className={`${buttonClass} aria-pressed:border-green-700 aria-pressed:bg-green-700 aria-pressed:text-white`}
      >
        Live
      </button>
      {live && !newestFirst && (
        <span className="text-xs text-slate-600">Live follows the newest end (Newest first).</span>
      )}
      {live && (
        <Suspense fallback={null}>
          <LiveTailStatus {...tail} />
        </Suspense>
      )}
    </div>
  );
}
