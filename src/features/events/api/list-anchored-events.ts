import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { seekQueries } from '../../../backends/seek.ts';
import type { BackendAdapter, EventPage } from '../../../backends/types.ts';
import type { AnchoredPage, AnchoredPageParam } from '../utils/anchored-pages.ts';
import {
  ANCHOR_PAGE_PARAM,
  nextAnchoredParam,
  previousAnchoredParam,
} from '../utils/anchored-pages.ts';
import { maxPagesFor } from '../utils/page-window.ts';
import type { EventListFilters } from './event-queries.ts';
import { eventQueries } from './event-queries.ts';
import { eventQueryFor, pageSizeFor, resolveRange } from './first-page.ts';

const EMPTY: EventPage = { events: [], nextCursor: null };

/** The log opened at `anchor` (ms) with these filters, paged both ways (see anchored-pages.ts). */
export function anchoredEventsQueryOptions(
  adapter: BackendAdapter,
  deviceId: string,
  filters: EventListFilters,
  anchor: number,
  pageSize = pageSizeFor(adapter.info),
) {
  const counts = adapter.info.capabilities.totalCount;
  return infiniteQueryOptions({
    // ±Infinity (the log's ends) would both hash as JSON null.
    queryKey: [
      ...eventQueries.list(adapter.info.id, deviceId, filters),
      'at',
      Number.isFinite(anchor) ? anchor : String(anchor),
    ] as const,
    queryFn: async ({ pageParam, signal }): Promise<AnchoredPage> => {
      const range = pageParam.range ?? resolveRange(filters, Date.now());
      const { below, above } = seekQueries(eventQueryFor(deviceId, filters, range), anchor);
      if (pageParam.index >= 0) {
        const [page, aboveCount] = await Promise.all([
          below ? adapter.listEvents(below, pageParam.cursor, pageSize, signal) : EMPTY,
          // Counted once, beside the anchor's page, so the rows above have their place at once.
          pageParam.index === 0 && counts && above
            ? adapter.listEvents(above, null, 2, signal).then((p) => p.totalCount ?? null)
            : undefined,
        ]);
        return {
          ...pageParam,
          offset: pageParam.offset ?? 0,
          range,
          events: page.events,
          nextCursor: page.nextCursor,
          ...malformedOf(page),
          ...(pageParam.index === 0
            ? {
                aboveCount: above ? (aboveCount ?? null) : 0,
                topReached: pageParam.topReached || above === null,
                // Anchored past the end of the display order (End), nothing is below.
                ...(below === null
                  ? { belowCount: 0 }
                  : page.totalCount !== undefined
                    ? { belowCount: page.totalCount }
                    : {}),
              }
            : {}),
        };
      }
      const page = above
        ? await adapter.listEvents(above, pageParam.cursor, pageSize, signal)
        : EMPTY;
      const offset = (pageParam.endOffset ?? 0) - page.events.length;
      return {
        ...pageParam,
        offset,
        range,
        events: [...page.events].reverse(),
        nextCursor: page.nextCursor,
        ...malformedOf(page),
        reach: Math.min(pageParam.reach, offset),
        topReached: pageParam.topReached || page.nextCursor === null,
      };
    },
    initialPageParam: ANCHOR_PAGE_PARAM as AnchoredPageParam,
    getNextPageParam: nextAnchoredParam,
    getPreviousPageParam: previousAnchoredParam,
    maxPages: maxPagesFor(pageSize),
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    structuralSharing: false,
  });
}

function malformedOf(page: EventPage): { malformed?: number } {
  return page.malformed ? { malformed: page.malformed } : {};
}

/** The anchored window, or an idle query while the log is read from its top (`anchor` undefined). */
export function useAnchoredEventList(
  adapter: BackendAdapter,
  deviceId: string,
  filters: EventListFilters,
  anchor: number | undefined,
) {
  return useInfiniteQuery({
    ...anchoredEventsQueryOptions(adapter, deviceId, filters, anchor ?? 0),
    enabled: anchor !== undefined,
  });
}
