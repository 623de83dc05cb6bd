/**
 * The Event histogram's bars for a server-rendered first screen: its window (the log's ends) and
 * every bar's total, read through the app's own adapter into the first screen's cache, under the
 * keys and with the plan the browser's histogram uses (src/features/events/histogram/), so the
 * page comes with the bars drawn and the app adopts them (histogram-slot.tsx) instead of counting
 * again after it has taken the page over. The levels within the bars stay the browser's to count.
 *
 * Never at the rows' expense: the reads get `waitMs` once the rows are in; what is not in by then
 * is cancelled and left out (its queries dropped from the cache), and the page goes out with the
 * histogram's placeholder, as without this. Only where the backend counts (Izuma/Pelion); an
 * Alibaba histogram counts the loaded events, in the browser.
 */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { BackendAdapter } from '../../src/backends/types.ts';
import type { EventListFilters } from '../../src/features/events/api/event-queries.ts';
import { eventQueries } from '../../src/features/events/api/event-queries.ts';
import type { ListHead } from '../../src/features/events/api/log-ends.ts';
import { planBuckets, zoneOffsetAt } from '../../src/features/events/histogram/bucket-plan.ts';
import { planCounts } from '../../src/features/events/histogram/count-plan.ts';
import { histogramKeys } from '../../src/features/events/histogram/histogram-keys.ts';
import {
  countOptions,
  histogramWindowOptions,
  type HistogramFilters,
} from '../../src/features/events/histogram/histogram-queries.ts';
import type { FirstScreenHistogram } from '../../src/features/events/histogram/use-histogram.ts';
import type { TimeZoneSetting } from '../../src/features/events/utils/format-time.ts';
import type { LoadedEventPage } from '../../src/features/events/utils/page-window.ts';

export interface FirstScreenHistogramRequest {
  queryClient: QueryClient;
  adapter: BackendAdapter;
  deviceId: string;
  /** The view's filters; the list of them is in the cache already. */
  filters: EventListFilters;
  tz: TimeZoneSetting;
  /** How long the reads may take in all. */
  waitMs: number;
  /** The page's own deadline. */
  signal?: AbortSignal;
}

/** true: the bars are in the cache, with the marker the app reads (`histogramKeys.firstScreen`). */
export async function prefetchFirstScreenHistogram({
  queryClient,
  adapter,
  deviceId,
  filters: view,
  tz,
  waitMs,
  signal,
}: FirstScreenHistogramRequest): Promise<boolean> {
  if (!adapter.countEvents || waitMs <= 0 || signal?.aborted) return false;
  const backendId = adapter.info.id;
  const filters: HistogramFilters = {
    levels: view.levels,
    code: view.code,
    from: view.from,
    to: view.to,
  };
  const list = queryClient.getQueryData<InfiniteData<LoadedEventPage>>(
    eventQueries.list(backendId, deviceId, view),
  );
  const first = list?.pages[0];
  const top = first?.events[0];
  // The list's first page is read from its top: its first row is the log's end in its order.
  const head: ListHead | null =
    first && top && first.index === 0
      ? {
          end: view.order === 'desc' ? 'newest' : 'oldest',
          time: top.time,
          total: first.totalCount,
        }
      : null;

  const late = new AbortController();
  const timer = setTimeout(() => late.abort(), waitMs);
  const onPageLate = () => late.abort();
  signal?.addEventListener('abort', onPageLate, { once: true });
  const stopped = new Promise<false>((resolve) =>
    late.signal.addEventListener('abort', () => resolve(false), { once: true }),
  );

  const read = async (): Promise<boolean> => {
    const span = await queryClient.fetchQuery(
      histogramWindowOptions(queryClient, adapter, deviceId, filters, head),
    );
    // The server's zone stands for the browser's until the app has taken the page over.
    const zoneOffset = span && tz === 'local' ? zoneOffsetAt(span.from, 'local') : 0;
    if (span) {
      const plan = planBuckets(span.from, span.to, zoneOffset);
      const counts = planCounts(
        adapter.vocabulary,
        { deviceId, levels: filters.levels, code: filters.code },
        plan.buckets,
        span.total,
      );
      await Promise.all(
        counts.requests
          .filter((request) => request.level === null)
          .map((request) =>
            queryClient.fetchQuery({ ...countOptions(adapter, request.query), retry: false }),
          ),
      );
    }
    if (late.signal.aborted) return false;
    const marker: FirstScreenHistogram = { zoneOffset };
    queryClient.setQueryData(histogramKeys.firstScreen(backendId, deviceId, filters), marker);
    return true;
  };

  try {
    const drawn = await Promise.race([read().catch(() => false), stopped]);
    if (drawn) return true;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onPageLate);
  }
  // Not in time (or a read failed): nothing of it may hold the page back or go out half done.
  const ours = [histogramKeys.all(backendId, deviceId), eventQueries.ends(backendId, deviceId)];
  await Promise.all(ours.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  for (const queryKey of ours)
    queryClient.removeQueries({
      queryKey,
      predicate: (query) => query.state.status !== 'success',
    });
  queryClient.removeQueries({ queryKey: histogramKeys.firstScreen(backendId, deviceId, filters) });
  return false;
}
