import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { pageSizeFor } from '../api/first-page.ts';
import { useEventList } from '../api/list-events.ts';
import { filterEventsByText } from '../utils/match-text.ts';
import { buildEventWindow, decideFetch } from '../utils/page-window.ts';
import { useAnchoredEventList } from '../api/list-anchored-events.ts';
import { buildAnchoredWindow, type AnchoredWindow } from '../utils/anchored-pages.ts';
import type { EventRows } from '../components/events-table.tsx';
import type { RowScroller } from './use-fixed-rows.ts';
import type { Jump } from './use-log-anchor.ts';
import { useJump } from './use-jump.ts';
import type { JumpTarget } from '../utils/jump-target.ts';
import { isFarFromWindow } from '../utils/jump-target.ts';

export interface UseEventLogOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** `q`: narrows the loaded events in the browser. */
  needle: string | undefined;
  /** Open the log at this moment (ms) and page both ways from it; undefined = from the top. */
  anchor: number | undefined;
  /** The jump (scrollbar, End, Home) that set `anchor`, if one did; lands the list when done. */
  jump?: Jump | null;
  /** Seeks the list (see `use-jump.ts`); without it the list only pages. */
  jumpTo?: (target: JumpTarget) => void;
  /** The grid's scroller, for landing a jump. */
  scrollerRef?: RefObject<RowScroller | null>;
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
  anchor,
  jump = null,
  jumpTo,
  scrollerRef,
}: UseEventLogOptions) {
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
        ? { ...buildEventWindow(plainPages ?? []), origin: 0, absolute: true }
        : buildAnchoredWindow(anchoredPages ?? []),
    [anchor, plainPages, anchoredPages],
  );
  // The log's total outlives the window it came with: while a jump's first page is on its way
  // the scroll range stays that of the whole log, rows there shown as placeholders.
  const listId = JSON.stringify(filters);
  const [counted, setCounted] = useState<{ listId: string; total: number } | null>(null);
  if (
    eventWindow.totalCount !== undefined &&
    (counted?.listId !== listId || counted.total !== eventWindow.totalCount)
  ) {
    setCounted({ listId, total: eventWindow.totalCount });
  }
  const total = eventWindow.totalCount ?? (counted?.listId === listId ? counted.total : undefined);
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
    seeks: false,
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
    // Far from the held rows the list seeks (useJump) instead of paging towards them.
    if (state.seeks && isFarFromWindow(visible.current, state.eventWindow, pageSize)) return;
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
      seeks: total !== undefined && jumpTo !== undefined,
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
    total,
    jumpTo,
    maybeFetch,
  ]);

  const rows: EventRows = useMemo(() => {
    if (matches) return { start: 0, events: matches, count: matches.length, origin: 0 };
    const loadedRows = eventWindow.rowCount + (hasNextPage ? 1 : 0);
    return {
      start: eventWindow.start,
      origin: eventWindow.origin,
      // A jump lands by itself (useJump); only a link's moment is centred by the grid.
      anchored: anchor !== undefined && jump === null,
      events: eventWindow.events,
      // Where the backend counts, the scroll range is the whole log's from the first page on.
      count: total === undefined ? loadedRows : Math.max(loadedRows, total),
    };
  }, [matches, eventWindow, hasNextPage, anchor, jump, total]);

  const jumps = useJump({
    adapter,
    deviceId,
    filters,
    pageSize,
    eventWindow,
    absolute: eventWindow.absolute,
    total,
    count: rows.count,
    jump,
    jumpTo,
    scrollerRef,
    textActive,
  });
  const { onRange } = jumps;

  const onVisibleRangeChange = useCallback(
    (first: number, last: number) => {
      visible.current = { first, last };
      onRange({ first, last });
      maybeFetch();
    },
    [maybeFetch, onRange],
  );

  /** The first held event in the rendered range: where a step from "here" starts. */
  const firstVisibleEvent = useCallback(() => {
    const held = snapshot.current.eventWindow;
    return held.events[Math.max(0, visible.current.first - held.start)];
  }, []);

  return {
    query,
    eventWindow,
    rows,
    matches,
    onVisibleRangeChange,
    firstVisibleEvent,
    total,
    onEdgeKey: jumps.onEdgeKey,
  };
}
