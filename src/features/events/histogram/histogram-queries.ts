import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { BackendAdapter, EventCountQuery } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { resolveRange } from '../api/first-page.ts';
import {
  isRelative,
  logEndQueryOptions,
  openEnds,
  prefetchOpenEnds,
  type ListHead,
} from '../api/log-ends.ts';
import { countSlots } from './count-limiter.ts';
import { histogramKeys } from './histogram-keys.ts';
import { planBuckets, zoneOffsetAt } from './bucket-plan.ts';
import { planCounts } from './count-plan.ts';

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
  /**
   * Every event of the window, when the list's first page counted exactly them (the whole log
   * newest-first, read in the same request as its newest end): one bar less to ask for.
   */
  total?: number;
}

const FRESH_MS = 5 * 60_000;

export const histogramQueryKeys = {
  window: (backendId: string, deviceId: string, filters: HistogramFilters) =>
    [...histogramKeys.all(backendId, deviceId), 'window', filters] as const,
  count: (backendId: string, deviceId: string, query: EventCountQuery) =>
    [...histogramKeys.all(backendId, deviceId), 'count', query] as const,
};

export { isRelative };

/**
 * The window the histogram covers: the view's range, its relative bounds resolved once (when the
 * window is first asked for); a side the range leaves open reaches the log's end there (its
 * oldest or newest matching event, read with the list's other users: `log-ends.ts`; the end the
 * list's first row shows is taken from it, `head`), except that a relative `from` without `to`
 * ends now. null: no event matches.
 */
export function histogramWindowOptions(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  filters: HistogramFilters,
  head: ListHead | null = null,
) {
  return queryOptions({
    queryKey: histogramQueryKeys.window(adapter.info.id, deviceId, filters),
    queryFn: async (): Promise<HistogramWindow | null> => {
      const now = Date.now();
      const range = resolveRange({ ...filters, order: 'desc' }, now);
      prefetchOpenEnds(queryClient, adapter, deviceId, filters, head);
      const needed = openEnds(filters);
      const [oldest, newest] = await Promise.all(
        (['oldest', 'newest'] as const).map((end) =>
          needed.includes(end)
            ? queryClient.fetchQuery(logEndQueryOptions(adapter, deviceId, filters, end))
            : undefined,
        ),
      );
      const from = range.from ?? oldest ?? undefined;
      const to = range.to ?? (isRelative(filters.from) ? now : (newest ?? undefined));
      if (from === undefined || to === undefined || from > to) return null;
      // The list's count is the window's when the list is the whole log, unfiltered, and its
      // first row is the window's newest end (so no event arrived between the two).
      const whole =
        filters.from === undefined &&
        filters.to === undefined &&
        filters.levels.length === 0 &&
        filters.code === undefined;
      const counted = whole && head?.end === 'newest' && head.time === to ? head.total : undefined;
      return counted === undefined ? { from, to } : { from, to, total: counted };
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

/**
 * Starts the histogram's reads as soon as its code is in, without waiting for it to render: the
 * window, then every count in the order the limiter serves them (the bars' totals first). The
 * histogram's own queries then find them under way. Stops asking once `signal` aborts (the view's
 * filters changed); what is already under way is cancelled with the queries nobody observes.
 */
export async function prefetchHistogram(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  { levels, code, from, to }: HistogramFilters,
  head: ListHead | null,
  tz: 'utc' | 'local',
  signal: AbortSignal,
): Promise<void> {
  if (!adapter.countEvents) return;
  const filters: HistogramFilters = { levels, code, from, to };
  const span = await queryClient
    .fetchQuery(histogramWindowOptions(queryClient, adapter, deviceId, filters, head))
    .catch(() => null);
  if (!span || signal.aborted) return;
  const plan = planBuckets(span.from, span.to, zoneOffsetAt(span.from, tz));
  const counts = planCounts(
    adapter.vocabulary,
    { deviceId, levels, code },
    plan.buckets,
    span.total,
  );
  for (const request of counts.requests)
    void queryClient.prefetchQuery(countOptions(adapter, request.query));
}

/** Cancels the histogram reads of a device that no view observes any more (see prefetchHistogram). */
export function cancelUnobservedCounts(
  queryClient: QueryClient,
  backendId: string,
  deviceId: string,
): void {
  void queryClient.cancelQueries({
    queryKey: histogramKeys.all(backendId, deviceId),
    predicate: (query) => query.getObserversCount() === 0 && query.state.fetchStatus === 'fetching',
  });
}
