import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { pageSizeFor } from '../api/first-page.ts';
import { useEventList } from '../api/list-events.ts';
import { filterEventsByText } from '../utils/match-text.ts';
import { buildEventWindow, decideFetch, maxPagesFor } from '../utils/page-window.ts';
import type { EventRows } from '../components/events-table.tsx';

export interface UseEventLogOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** `q`: narrows the loaded events in the browser. */
  needle: string | undefined;
  /** An event the list should page to (deep link), within the bounded window. */
  focusEvent: { id: string; time: number } | undefined;
}

/**
 * Start fetching the next page this many rows before the loaded end is rendered (the rendered
 * range already reaches past the viewport by the grid's overscan). A quarter page keeps a first
 * page of 50 (Alibaba) from pulling a second one before anyone scrolls.
 */
const prefetchRowsFor = (pageSize: number) => Math.min(60, Math.floor(pageSize / 4));

/**
 * Joins the bounded infinite query to the grid: the grid reports the rows it renders, and that
 * range alone decides which page to fetch next (down) or again (up, after eviction).
 */
export function useEventLog({
  adapter,
  deviceId,
  filters,
  needle,
  focusEvent,
}: UseEventLogOptions) {
  const query = useEventList(adapter, deviceId, filters);
  const {
    data,
    hasNextPage,
    hasPreviousPage,
    isFetching,
    isError,
    fetchNextPage,
    fetchPreviousPage,
  } = query;
  const eventWindow = useMemo(() => buildEventWindow(data?.pages ?? []), [data]);
  const textActive = needle !== undefined && needle !== '';
  const matches = useMemo(
    () => (textActive ? filterEventsByText(eventWindow.events, needle) : null),
    [textActive, eventWindow.events, needle],
  );

  // Page on towards a linked event only while it can still be ahead (pages run in time order).
  const lastLoaded = eventWindow.events[eventWindow.events.length - 1];
  const focusAhead =
    focusEvent !== undefined &&
    !eventWindow.events.some((event) => event.id === focusEvent.id) &&
    (lastLoaded === undefined ||
      (filters.order === 'desc'
        ? lastLoaded.time >= focusEvent.time
        : lastLoaded.time <= focusEvent.time));
  const heldPages = data?.pages.length ?? 0;
  const pageSize = pageSizeFor(adapter.info);
  const maxPages = maxPagesFor(pageSize);

  // The rendered range changes on every scroll frame. It lives in a ref, not state, so scrolling
  // re-renders only the grid, never the whole route.
  const visible = useRef({ first: 0, last: -1 });
  const snapshot = useRef({
    eventWindow,
    loaded: data !== undefined,
    hasNextPage,
    hasPreviousPage,
    busy: true,
    textActive,
    focusAhead,
    heldPages,
  });
  const maybeFetch = useCallback(() => {
    const state = snapshot.current;
    // A failed page waits for Retry (or the throttling countdown) instead of being hammered.
    if (state.busy || !state.loaded) return;
    // `cancelRefetch: false`: a request already under way is joined, never restarted.
    // Until the next render reports the fetch, this snapshot is the only record of it.
    const start = (fetch: () => Promise<unknown>) => {
      snapshot.current = { ...state, busy: true };
      void fetch();
    };
    if (state.focusAhead && state.hasNextPage && state.heldPages < maxPages) {
      start(() => fetchNextPage({ cancelRefetch: false }));
      return;
    }
    // With a text filter the rows are matches, not positions in the log: load more on request only.
    if (state.textActive) return;
    const direction = decideFetch({
      visibleStart: visible.current.first,
      visibleEnd: visible.current.last,
      window: state.eventWindow,
      hasNextPage: state.hasNextPage,
      hasPreviousPage: state.hasPreviousPage,
      prefetchRows: prefetchRowsFor(pageSize),
    });
    if (direction === 'next') start(() => fetchNextPage({ cancelRefetch: false }));
    else if (direction === 'previous') start(() => fetchPreviousPage({ cancelRefetch: false }));
  }, [maxPages, pageSize, fetchNextPage, fetchPreviousPage]);

  useEffect(() => {
    snapshot.current = {
      eventWindow,
      loaded: data !== undefined,
      hasNextPage,
      hasPreviousPage,
      busy: isFetching || isError,
      textActive,
      focusAhead,
      heldPages,
    };
    maybeFetch();
  }, [
    eventWindow,
    data,
    hasNextPage,
    hasPreviousPage,
    isFetching,
    isError,
    textActive,
    focusAhead,
    heldPages,
    maybeFetch,
  ]);

  const onVisibleRangeChange = useCallback(
    (first: number, last: number) => {
      visible.current = { first, last };
      maybeFetch();
    },
    [maybeFetch],
  );

  const rows: EventRows = useMemo(() => {
    if (matches) return { start: 0, events: matches, count: matches.length };
    return {
      start: eventWindow.start,
      events: eventWindow.events,
      count: eventWindow.rowCount + (hasNextPage ? 1 : 0),
    };
  }, [matches, eventWindow, hasNextPage]);

  return { query, eventWindow, rows, matches, onVisibleRangeChange };
}
