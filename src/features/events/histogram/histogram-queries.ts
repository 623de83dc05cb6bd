import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { BackendAdapter, EventCountQuery } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { resolveRange } from '../api/first-page.ts';
import { logEndsQueryOptions } from '../api/log-ends.ts';
import { countSlots } from './count-limiter.ts';
import { histogramKeys } from './histogram-keys.ts';

/**
 * The histogram's queries. Keys sit under the device's `histogram` key (Refresh invalidates them
 * together); a count's key is its absolute window and filters, so a bar counted once is not asked
 * for again while it is fresh, whichever view needs it.
 */

/** What decides the histogram's window: the list's filters without its order. */
export type HistogramFilters = Omit<EventListFilters, 'order'>;

export interface HistogramWindow {
  from: number;
  to: number;
}

const FRESH_MS = 5 * 60_000;

export const histogramQueryKeys = {
  window: (backendId: string, deviceId: string, filters: HistogramFilters) =>
    [...histogramKeys.all(backendId, deviceId), 'window', filters] as const,
  count: (backendId: string, deviceId: string, query: EventCountQuery) =>
    [...histogramKeys.all(backendId, deviceId), 'count', query] as const,
};

/** `from=now-24h` without `to`: a view of "the last 24 hours", which ends now. */
export const isRelative = (bound: string | undefined) => bound?.startsWith('now') ?? false;

/**
 * The window the histogram covers: the view's range, its relative bounds resolved once (when the
 * window is first asked for); a side the range leaves open reaches the log's end there (its
 * oldest or newest matching event, read with the list's other users: `log-ends.ts`), except that a
 * relative `from` without `to` ends now. null: no event matches.
 */
export function histogramWindowOptions(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  filters: HistogramFilters,
) {
  return queryOptions({
    queryKey: histogramQueryKeys.window(adapter.info.id, deviceId, filters),
    queryFn: async (): Promise<HistogramWindow | null> => {
      const now = Date.now();
      const range = resolveRange({ ...filters, order: 'desc' }, now);
      const toNow = isRelative(filters.from);
      const ends =
        range.from === undefined || (range.to === undefined && !toNow)
          ? await queryClient.fetchQuery(logEndsQueryOptions(adapter, deviceId, filters))
          : undefined;
      const from = range.from ?? ends?.oldest ?? undefined;
      const to = range.to ?? (toNow ? now : (ends?.newest ?? undefined));
      if (from === undefined || to === undefined || from > to) return null;
      return { from, to };
    },
    staleTime: FRESH_MS,
    refetchOnWindowFocus: false,
  });
}

/** One count, queued behind the page's other counts (see count-limiter.ts). */
export function countOptions(adapter: BackendAdapter, query: EventCountQuery) {
  return queryOptions({
    queryKey: histogramQueryKeys.count(adapter.info.id, query.deviceId, query),
    queryFn: ({ signal }) => {
      const count = adapter.countEvents;
      if (!count) throw new Error(`${adapter.info.label} cannot count events.`);
      return countSlots(() => count.call(adapter, query, signal), signal);
    },
    staleTime: FRESH_MS,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}
