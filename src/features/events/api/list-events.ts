import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventPageParam, LoadedEventPage } from '../utils/page-window.ts';
import {
  FIRST_PAGE_PARAM,
  maxPagesFor,
  nextPageParam,
  previousPageParam,
} from '../utils/page-window.ts';
import type { EventListFilters } from './event-queries.ts';
import { eventQueries } from './event-queries.ts';
import { eventQueryFor, pageSizeFor, resolveRange } from './first-page.ts';

export function listEventsQueryOptions(
  adapter: BackendAdapter,
  deviceId: string,
  filters: EventListFilters,
) {
  const pageSize = pageSizeFor(adapter.info);
  return infiniteQueryOptions({
    queryKey: eventQueries.list(adapter.info.id, deviceId, filters),
    queryFn: async ({ pageParam, signal }): Promise<LoadedEventPage> => {
      const range = pageParam.range ?? resolveRange(filters, Date.now());
      const page = await adapter.listEvents(
        eventQueryFor(deviceId, filters, range),
        pageParam.cursor,
        pageSize,
        signal,
      );
      return {
        ...pageParam,
        range,
        events: page.events,
        nextCursor: page.nextCursor,
        totalCount: page.totalCount ?? pageParam.totalCount,
        malformed: (pageParam.malformedBefore ?? 0) + (page.malformed ?? 0),
      };
    },
    initialPageParam: FIRST_PAGE_PARAM as EventPageParam,
    getNextPageParam: nextPageParam,
    getPreviousPageParam: previousPageParam,
    // Bounds memory on long logs; evicted pages come back through their remembered cursors.
    maxPages: maxPagesFor(pageSize),
    // A stale infinite query refetches every held page in sequence: keep views fresh for a while
    // instead, and let the reader reload on purpose.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    // Pages are immutable once fetched; deep-comparing every held page (up to 4,000 events) each
    // time one arrives cost a long task per page during a fling.
    structuralSharing: false,
  });
}

export function useEventList(adapter: BackendAdapter, deviceId: string, filters: EventListFilters) {
  return useInfiniteQuery(listEventsQueryOptions(adapter, deviceId, filters));
}
