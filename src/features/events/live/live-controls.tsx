import { formatCount } from '../../../lib/format-count.ts';
import type { LiveTail } from './use-live-tail.ts';

export interface LiveControlsProps {
  tail: LiveTail;
  live: boolean;
  /** Live follows the newest end: on an oldest-first view turning it on also sets Newest first. */
  newestFirst: boolean;
  onLiveChange: (live: boolean) => void;
}

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100';

/** Refresh, the Live toggle, and the "N new events" button of a live view scrolled away. */
export function LiveControls({ tail, live, newestFirst, onLiveChange }: LiveControlsProps) {
  return (
    <div className="flex items-center gap-2">
      <button type="button" onClick={tail.refresh} className={buttonClass}>
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
      {live && tail.failing && (
        <span className="text-xs text-amber-800">Live: backend not answering, retrying later…</span>
      )}
      {tail.waiting > 0 && (
        <button
          type="button"
          onClick={tail.showNewest}
          className="rounded-full bg-blue-700 px-3 py-1 text-xs font-semibold text-white hover:bg-blue-800"
        >
          {formatCount(tail.waiting)} new {tail.waiting === 1 ? 'event' : 'events'}
        </button>
      )}
    </div>
  );
}
