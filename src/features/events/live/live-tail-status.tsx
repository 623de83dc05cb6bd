import { formatCount } from '../../../lib/format-count.ts';
import { useLiveTail, type UseLiveTailOptions } from './use-live-tail.ts';

export type LiveTailStatusProps = Omit<UseLiveTailOptions, 'live'>;

/**
 * A live view's tail: polls for newer events and, while the reader is scrolled away, holds them
 * behind "N new events". Loaded only when Live is on, so its code stays out of the script an
 * Event log link waits for.
 */
export function LiveTailStatus(props: LiveTailStatusProps) {
  const tail = useLiveTail({ ...props, live: true });
  return (
    <>
      {tail.failing && (
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
    </>
  );
}
