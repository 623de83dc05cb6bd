import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { BackendAdapter, DeviceEvent } from '../../../backends/types.ts';
import { paths } from '../../../config/paths.ts';
import type { EventListFilters } from '../api/event-queries.ts';

export type { StepDirection } from '../utils/find-adjacent-failure.ts';
import type { StepDirection } from '../utils/find-adjacent-failure.ts';

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
        // The search's code arrives with the first step: it stays out of the Event log's script.
        const { findAdjacentFailure } = await import('../utils/find-adjacent-failure.ts');
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
