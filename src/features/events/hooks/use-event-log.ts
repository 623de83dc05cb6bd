import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { pageSizeFor } from '../api/first-page.ts';
import { useEventList } from '../api/list-events.ts';
import { filterEventsByText } from '../utils/match-text.ts';
import { buildEventWindow, decideFetch } from '../utils/page-window.ts';
import { useAnchoredEventList } from '../api/list-anchored-events.ts';
import { buildAnchoredWindow, type AnchoredWindow } from '../utils/anchored-pages.ts';
import type { EventRows } from '../components/events-table.tsx';

export interface UseEventLogOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** `q`: narrows the loaded events in the browser. */
  needle: string | undefined;
  /** Open the log at this moment (ms) and page both ways from it; undefined = from the top. */
  anchor: number | undefined;
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
export function useEventLog({ adapter, deviceId, filters, needle, anchor }: UseEventLogOptions) {
  const plain = useEventList(adapter, deviceId, filters, anchor === undefined);
  const anchored = useAnchoredEventList(adapter, deviceId, filters, anchor);
  const query = anchor === undefined ? plain : anchored;
  const {
    data,
    hasNextPage,
    hasPreviousPage,
    isFetching,
    isError,
    fetchNextPage,
    fetchPreviousPage,
  } = query;
  const plainPages = plain.data?.pages;
  const anchoredPages = anchored.data?.pages;
  const eventWindow: AnchoredWindow = useMemo(
    () =>
      anchor === undefined
        ? { ...buildEventWindow(plainPages ?? []), origin: 0 }
        : buildAnchoredWindow(anchoredPages ?? []),
    [anchor, plainPages, anchoredPages],
  );
  const textActive = needle !== undefined && needle !== '';
  const matches = useMemo(
    () => (textActive ? filterEventsByText(eventWindow.events, needle) : null),
    [textActive, eventWindow.events, needle],
  );

  const pageSize = pageSizeFor(adapter.info);

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
  }, [pageSize, fetchNextPage, fetchPreviousPage]);

  useEffect(() => {
    snapshot.current = {
      eventWindow,
      loaded: data !== undefined,
      hasNextPage,
      hasPreviousPage,
      busy: isFetching || isError,
      textActive,
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
    if (matches) return { start: 0, events: matches, count: matches.length, origin: 0 };
    return {
      start: eventWindow.start,
      origin: eventWindow.origin,
      anchored: anchor !== undefined,
      events: eventWindow.events,
      count: eventWindow.rowCount + (hasNextPage ? 1 : 0),
    };
  }, [matches, eventWindow, hasNextPage, anchor]);

  /** The first held event in the rendered range: where a step from "here" starts. */
  const firstVisibleEvent = useCallback(() => {
    const held = snapshot.current.eventWindow;
    return held.events[Math.max(0, visible.current.first - held.start)];
  }, []);

  return { query, eventWindow, rows, matches, onVisibleRangeChange, firstVisibleEvent };
}
