import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BackendAdapter, DeviceEvent } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventQueries } from '../api/event-queries.ts';
import { eventQueryFor, pageSizeFor, resolveRange } from '../api/first-page.ts';
import type { RowScroller } from '../hooks/use-fixed-rows.ts';
import { nextPollDelay } from './live-schedule.ts';
import type { EventListData } from './prepend-newest.ts';
import { holdsNewestEnd, newestLoaded, prependNewest } from './prepend-newest.ts';

/** Newer events read per poll at most; past this the reader is offered a fresh load instead. */
const MAX_NEW_PER_POLL = 2000;

export interface UseLiveTailOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** `live=1` in the URL. */
  live: boolean;
  scrollerRef: RefObject<RowScroller | null>;
}

export interface LiveTail {
  /** Polling now (Live on, newest first, tab visible). */
  following: boolean;
  /** Newer events waiting while the reader is scrolled away from the top. */
  waiting: number;
  /** The last poll failed; polling backs off and says so. */
  failing: boolean;
  /** Shows the waiting events and scrolls to the newest. */
  showNewest: () => void;
  /** Re-reads the newest end: relative bounds resolved again, the list from the top. */
  refresh: () => void;
}

interface Waiting {
  key: string;
  events: DeviceEvent[];
}

const NONE: DeviceEvent[] = [];

/** Reading at the top: within half a row of it. */
const atTop = (scroller: RowScroller | null) => (scroller?.offset() ?? 0) < 18;

/**
 * Live tail and Refresh for a newest-first Event log. While following, it asks the backend every
 * 2 s for events at or after the newest one known (same filters), adds them on top when the reader
 * is at the top, and otherwise keeps them waiting behind "N new events", so the rows being read do
 * not move. Polling stops while the tab is hidden and backs off on errors and throttling.
 */
export function useLiveTail({
  adapter,
  deviceId,
  filters,
  live,
  scrollerRef,
}: UseLiveTailOptions): LiveTail {
  const queryClient = useQueryClient();
  const queryKey = eventQueries.list(adapter.info.id, deviceId, filters);
  const keyText = JSON.stringify(queryKey);
  // Waiting events belong to one view (device and filters): another view starts with none.
  const [waitingState, setWaitingState] = useState<Waiting>({ key: keyText, events: [] });
  const waitingEvents = waitingState.key === keyText ? waitingState.events : NONE;
  const waitingRef = useRef<DeviceEvent[]>(NONE);
  useLayoutEffect(() => {
    waitingRef.current = waitingEvents;
  });
  const [failing, setFailing] = useState(false);
  const [visible, setVisible] = useState(
    () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  );
  const following = live && filters.order === 'desc' && visible;

  const setWaiting = useCallback(
    (events: DeviceEvent[]) => {
      waitingRef.current = events;
      setWaitingState({ key: keyText, events });
    },
    [keyText],
  );

  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  // The list emptied under the tail (Refresh, or anything else that resets it): what waited is in
  // the fresh first page or will be, so it waits no longer.
  useEffect(() => {
    const hash = hashKey(JSON.parse(keyText) as unknown[]);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.query.queryHash !== hash || event.query.state.data !== undefined) return;
      if (waitingRef.current.length > 0) setWaiting([]);
    });
  }, [queryClient, keyText, setWaiting]);

  const reload = useCallback(() => {
    setWaiting([]);
    scrollerRef.current?.toOffset(0);
    void queryClient.resetQueries({ queryKey: JSON.parse(keyText) as unknown[], exact: true });
  }, [queryClient, keyText, scrollerRef, setWaiting]);

  const showNewest = useCallback(() => {
    const key = JSON.parse(keyText) as unknown[];
    const data = queryClient.getQueryData<EventListData>(key);
    if (!holdsNewestEnd(data)) return reload();
    queryClient.setQueryData<EventListData>(key, (old) =>
      old ? prependNewest(old, waitingRef.current) : old,
    );
    setWaiting([]);
    scrollerRef.current?.toOffset(0);
  }, [queryClient, keyText, reload, scrollerRef, setWaiting]);

  useEffect(() => {
    if (!following) return;
    const key = JSON.parse(keyText) as unknown[];
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const poll = async () => {
      const data = queryClient.getQueryData<EventListData>(key);
      const newest = waitingRef.current[0] ?? newestLoaded(data);
      // Until the first page is in, there is nothing to follow from.
      if (!data || (newest === undefined && !holdsNewestEnd(data))) return;
      const range = resolveRange(filters, Date.now());
      const from = newest === undefined ? range.from : Math.max(newest.time, range.from ?? 0);
      const query = { ...eventQueryFor(deviceId, filters, range), from, order: 'desc' as const };
      const known = new Set<string>();
      const sameMoment = [...waitingRef.current, ...(data.pages[0]?.events ?? [])];
      for (const event of sameMoment) if (newest && event.time >= newest.time) known.add(event.id);
      const found: DeviceEvent[] = [];
      let cursor: string | null = null;
      do {
        const page = await adapter.listEvents(
          query,
          cursor,
          pageSizeFor(adapter.info),
          controller.signal,
        );
        for (const event of page.events) if (!known.has(event.id)) found.push(event);
        cursor = page.nextCursor;
      } while (cursor !== null && found.length < MAX_NEW_PER_POLL);
      if (found.length === 0) return;
      if (atTop(scrollerRef.current) && waitingRef.current.length === 0 && holdsNewestEnd(data)) {
        queryClient.setQueryData<EventListData>(key, (old) =>
          old ? prependNewest(old, found) : old,
        );
      } else {
        setWaiting([...found, ...waitingRef.current]);
      }
    };

    const schedule = (delay: number) => {
      timer = setTimeout(() => {
        poll().then(
          () => {
            failures = 0;
            setFailing(false);
            // Back at the top with events waiting: show them.
            if (waitingRef.current.length > 0 && atTop(scrollerRef.current)) showNewest();
            schedule(nextPollDelay(0));
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            failures += 1;
            setFailing(true);
            schedule(nextPollDelay(failures, error));
          },
        );
      }, delay);
    };
    schedule(nextPollDelay(0));
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // filters is keyed by keyText.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyText stands for filters
  }, [following, keyText, adapter, deviceId, queryClient, scrollerRef, setWaiting, showNewest]);

  return { following, waiting: waitingEvents.length, failing, showNewest, refresh: reload };
}
