import type { EventQuery } from './types.ts';

/**
 * Seek by time through the port: any adapter that pages a time-ordered log with `from`/`to`
 * bounds (Pelion `date_time__gte`/`__lte` with its `after` cursors, Alibaba `StartTime`/`EndTime`
 * with its tie-safe paging) can open the log at an instant and read both ways from there, so any
 * position is a few requests away instead of a walk through every page before it.
 *
 * The log is split at a millisecond boundary, so events that share the anchor's millisecond all
 * land on one side and each side keeps the backend's own order inside a millisecond.
 */
export interface SeekQueries {
  /**
   * Reads on in the display order from the anchor: in `desc`, the first event at or before the
   * instant, then older ones; in `asc`, the first at or after it, then newer ones. null = empty.
   */
  below: EventQuery | null;
  /**
   * Reads away from the anchor in the opposite order (the rows before it in the display, nearest
   * first): reverse each page to show it. null = nothing can be there.
   */
  above: EventQuery | null;
}

/**
 * `anchor` may be `Infinity` or `-Infinity`: the log's newest or oldest end (End and Home of a
 * log, whatever its times are), so nothing has to be read first to learn where the ends are.
 */
export function seekQueries(query: EventQuery, anchor: number): SeekQueries {
  if (anchor === Infinity || anchor === -Infinity) {
    // Past the newest end, everything reads away from it newest first; past the oldest, oldest
    // first. In the display order that is either all below the anchor or all above it.
    const towardsOld = anchor === Infinity;
    const allBelow = (query.order === 'desc') === towardsOld;
    const away: EventQuery = { ...query, order: towardsOld ? 'desc' : 'asc' };
    return allBelow ? { below: away, above: null } : { below: null, above: away };
  }
  const at = Math.floor(anchor);
  const nonEmpty = (q: EventQuery): EventQuery | null =>
    q.from !== undefined && q.to !== undefined && q.from > q.to ? null : q;
  const earliest = (bound: number | undefined, limit: number) =>
    bound === undefined ? limit : Math.min(bound, limit);
  const latest = (bound: number | undefined, limit: number) =>
    bound === undefined ? limit : Math.max(bound, limit);
  if (query.order === 'desc') {
    return {
      below: nonEmpty({ ...query, to: earliest(query.to, at) }),
      above: nonEmpty({ ...query, from: latest(query.from, at + 1), order: 'asc' }),
    };
  }
  return {
    below: nonEmpty({ ...query, from: latest(query.from, at) }),
    above: nonEmpty({ ...query, to: earliest(query.to, at - 1), order: 'desc' }),
  };
}
