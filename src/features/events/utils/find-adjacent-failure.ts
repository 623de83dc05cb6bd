import type { BackendAdapter, DeviceEvent, EventQuery } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventQueryFor, resolveRange } from '../api/first-page.ts';

export type StepDirection = 'previous' | 'next';

/** Pages of failures one step may read past rows that share the current event's millisecond. */
const MAX_STEP_PAGES = 4;
const STEP_PAGE_SIZE = 50;

/** The failure next to `from` in display order (or the first/last one when there is no position). */
export async function findAdjacentFailure(
  adapter: BackendAdapter,
  deviceId: string,
  filters: EventListFilters,
  from: DeviceEvent | undefined,
  direction: StepDirection,
  held: readonly DeviceEvent[],
  signal?: AbortSignal,
): Promise<DeviceEvent | null> {
  const failures = { ...filters, levels: [adapter.vocabulary.levels.failure] };
  const base = eventQueryFor(deviceId, failures, resolveRange(filters, Date.now()));
  const forward = direction === 'next';
  // Reading "previous" runs the other way, so the nearest failure is always the first one read.
  const order = forward ? base.order : base.order === 'desc' ? 'asc' : 'desc';
  const query: EventQuery = { ...base, order };
  if (from) {
    // Inclusive at the current millisecond: failures that share it are sorted out below.
    if (order === 'desc') query.to = Math.min(query.to ?? Infinity, from.time);
    else query.from = Math.max(query.from ?? -Infinity, from.time);
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) return null;
  }
  const rank = new Map(held.map((event, index) => [event.id, index]));
  const fromRank = from ? rank.get(from.id) : undefined;
  const beyond = (candidate: DeviceEvent) => {
    if (!from) return true;
    if (candidate.id === from.id) return false;
    if (candidate.time !== from.time) return true;
    // Same millisecond: the display order of the held rows says which side it is on.
    const candidateRank = rank.get(candidate.id);
    if (candidateRank === undefined || fromRank === undefined) return true;
    return forward ? candidateRank > fromRank : candidateRank < fromRank;
  };
  let cursor: string | null = null;
  for (let page = 0; page < MAX_STEP_PAGES; page++) {
    const result = await adapter.listEvents(query, cursor, STEP_PAGE_SIZE, signal);
    const found = result.events.find(beyond);
    if (found) return found;
    if (result.nextCursor === null) return null;
    cursor = result.nextCursor;
  }
  return null;
}
