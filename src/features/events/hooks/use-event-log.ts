import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { pageSizeFor, useEventList } from '../api/list-events.ts';
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
  focusEventId: string | undefined;
}

/** Start fetching the next page this many rows before the loaded end comes into view. */
const PREFETCH_ROWS = 60;

/**
 * Joins the bounded infinite query to the grid: the grid reports the rows it renders, and that
 * range alone decides which page to fetch next (down) or again (up, after eviction).
 */
export function useEventLog({
  adapter,
  deviceId,
  filters,
  needle,
  focusEventId,
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
  const window = useMemo(() => buildEventWindow(data?.pages ?? []), [data]);
  const textActive = needle !== undefined && needle !== '';
  const matches = useMemo(
    () => (textActive ? filterEventsByText(window.events, needle) : null),
    [textActive, window.events, needle],
  );

  const [visible, setVisible] = useState({ first: 0, last: -1 });
  const onVisibleRangeChange = useCallback((first: number, last: number) => {
    setVisible((current) =>
      current.first === first && current.last === last ? current : { first, last },
    );
  }, []);

  const focusLoaded =
    focusEventId === undefined || window.events.some((event) => event.id === focusEventId);
  const heldPages = data?.pages.length ?? 0;
  const maxPages = maxPagesFor(pageSizeFor(adapter));

  useEffect(() => {
    // A failed page waits for Retry (or the throttling countdown) instead of being hammered.
    if (isFetching || isError || data === undefined) return;
    if (!focusLoaded && hasNextPage && heldPages < maxPages) {
      void fetchNextPage();
      return;
    }
    // With a text filter the rows are matches, not positions in the log: load more on request only.
    if (textActive) return;
    const direction = decideFetch({
      visibleStart: visible.first,
      visibleEnd: visible.last,
      window,
      hasNextPage,
      hasPreviousPage,
      prefetchRows: PREFETCH_ROWS,
    });
    if (direction === 'next') void fetchNextPage();
    else if (direction === 'previous') void fetchPreviousPage();
  }, [
    visible,
    window,
    data,
    hasNextPage,
    hasPreviousPage,
    isFetching,
    isError,
    textActive,
    focusLoaded,
    heldPages,
    maxPages,
    fetchNextPage,
    fetchPreviousPage,
  ]);

  const rows: EventRows = useMemo(() => {
    if (matches) return { start: 0, events: matches, count: matches.length };
    return {
      start: window.start,
      events: window.events,
      count: window.rowCount + (hasNextPage ? 1 : 0),
    };
  }, [matches, window, hasNextPage]);

  return { query, window, rows, matches, onVisibleRangeChange };
}
