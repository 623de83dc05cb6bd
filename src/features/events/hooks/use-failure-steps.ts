import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { BackendAdapter, DeviceEvent, EventQuery } from '../../../backends/types.ts';
import { paths } from '../../../config/paths.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventQueryFor, resolveRange } from '../api/first-page.ts';

export type StepDirection = 'previous' | 'next';

/** Pages of failures one step may read past rows that share the current event's millisecond. */
const MAX_STEP_PAGES = 4;
const STEP_PAGE_SIZE = 50;

export interface UseFailureStepsOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** Where a step starts: the open event, else the first row in view. */
  position: () => DeviceEvent | undefined;
  /** The events the list holds, in display order (orders events that share a millisecond). */
  held: readonly DeviceEvent[];
}

/**
 * Previous / Next failure: the adjacent event of the vocabulary's failure level in display order,
 * however far, found with one query filtered to failures and bounded at the current event's time
 * (in the display order, or reversed for "previous"), not by paging the log. The found event opens
 * through its link, which opens the log at it.
 */
export function useFailureSteps({
  adapter,
  deviceId,
  filters,
  position,
  held,
}: UseFailureStepsOptions) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const [message, setMessage] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  const heldRef = useRef(held);
  useEffect(() => {
    heldRef.current = held;
  });
  // A message about one step is stale once the view changes.
  useEffect(() => () => running.current?.abort(), []);

  const step = useCallback(
    async (direction: StepDirection) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const from = position();
      setMessage(`Looking for the ${direction} failure…`);
      try {
        const found = await findAdjacentFailure(
          adapter,
          deviceId,
          filters,
          from,
          direction,
          heldRef.current,
          controller.signal,
        );
        if (controller.signal.aborted) return;
        if (!found) {
          setMessage('No more failures.');
          return;
        }
        setMessage(null);
        const kept = new URLSearchParams(search);
        kept.delete('at');
        const text = kept.toString();
        void navigate(
          paths.eventLog.href(adapter.info.id, deviceId, found.id, text ? `?${text}` : ''),
        );
      } catch (error) {
        if (controller.signal.aborted) return;
        setMessage(
          `Could not look for the ${direction} failure: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    [adapter, deviceId, filters, position, navigate, search],
  );

  return { step, message };
}

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
