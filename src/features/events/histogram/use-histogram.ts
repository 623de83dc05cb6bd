import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { BackendAdapter, DeviceEvent, EventLevel } from '../../../backends/types.ts';
import { resolveRange } from '../api/first-page.ts';
import type { ListHead } from '../api/log-ends.ts';
import { useHydrated } from '../../../lib/use-hydrated.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { planBuckets, zoneOffsetAt, type BucketPlan, type HistogramZone } from './bucket-plan.ts';
import { assembleBars, planCounts, shownLevels, type HistogramBar } from './count-plan.ts';
import {
  countOptions,
  histogramWindowOptions,
  isRelative,
  type HistogramFilters,
  type HistogramWindow,
} from './histogram-queries.ts';
import { histogramKeys } from './histogram-keys.ts';
import { loadedBars, timeExtent } from './loaded-bars.ts';

export interface UseHistogramOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: HistogramFilters;
  /** The events the view holds: what a backend that cannot count is counted from. */
  heldEvents: readonly DeviceEvent[];
  tz: TimeZoneSetting;
  /**
   * The rows of these filters are on screen: until then the histogram asks the backend for
   * nothing (its requests would compete with the rows' own for the server and the connections).
   */
  ready: boolean;
  /** What the list's first page tells of the log's end and count (see `log-ends.ts`). */
  head: ListHead | null;
}

export interface HistogramModel {
  /** `counted`: the backend counted the whole window; `loaded`: the held events were counted. */
  mode: 'counted' | 'loaded';
  plan: BucketPlan | null;
  /** The zone the bars are cut and labelled in. */
  zone: HistogramZone;
  bars: HistogramBar[];
  levels: EventLevel[];
  /** Some count is still on its way (or the window is). */
  pending: boolean;
  /** Every bar has its total. */
  drawn: boolean;
  error: Error | null;
  retry: () => void;
}

/** What a server-rendered first screen tells of its histogram (`histogramKeys.firstScreen`). */
export interface FirstScreenHistogram {
  /** The offset from UTC (ms) the server cut and labelled local-time bars in. */
  zoneOffset: number;
}

type CountResults = { answers: Array<number | undefined>; pending: boolean; error: Error | null };

function combineCounts(results: Array<UseQueryResult<number>>): CountResults {
  return {
    answers: results.map((result) => result.data),
    pending: results.some((result) => result.isPending && !result.isError),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

export function useHistogram({
  adapter,
  deviceId,
  filters: viewFilters,
  heldEvents,
  tz,
  ready,
  head,
}: UseHistogramOptions): HistogramModel {
  const { levels: levelFilter, code, from, to } = viewFilters;
  // The key of the window leaves out what does not change it (the order).
  const filters: HistogramFilters = useMemo(
    () => ({ levels: levelFilter, code, from, to }),
    [levelFilter, code, from, to],
  );
  const counting = adapter.countEvents !== undefined;
  const queryClient = useQueryClient();
  const levels = useMemo(
    () => shownLevels(adapter.vocabulary, filters.levels),
    [adapter.vocabulary, filters.levels],
  );

  const windowQuery = useQuery({
    ...histogramWindowOptions(queryClient, adapter, deviceId, filters, head),
    enabled: counting && ready,
  });

  // Without counts, the window is the range where the view sets one, else what is loaded.
  const [mountedAt] = useState(() => Date.now());
  const loadedWindow = useMemo((): HistogramWindow | null => {
    if (counting) return null;
    const range = resolveRange({ ...filters, order: 'desc' }, mountedAt);
    const extent = timeExtent(heldEvents);
    const from = range.from ?? extent?.from;
    const to = range.to ?? (isRelative(filters.from) ? mountedAt : extent?.to);
    return from === undefined || to === undefined || from > to ? null : { from, to };
  }, [counting, filters, heldEvents, mountedAt]);

  // Adopting a server-rendered histogram, the app's first render draws what the server drew: in
  // local time, the server's zone (the bars' edges and words); then the browser's own.
  const hydrated = useHydrated();
  const firstScreen = hydrated
    ? undefined
    : queryClient.getQueryData<FirstScreenHistogram>(
        histogramKeys.firstScreen(adapter.info.id, deviceId, filters),
      );
  const zoneOffset = firstScreen && tz === 'local' ? firstScreen.zoneOffset : null;
  const zone: HistogramZone = useMemo(
    () => (zoneOffset === null ? tz : { offset: zoneOffset }),
    [zoneOffset, tz],
  );

  const span = counting ? windowQuery.data : loadedWindow;
  const plan = useMemo(
    () => (span ? planBuckets(span.from, span.to, zoneOffsetAt(span.from, zone)) : null),
    [span, zone],
  );
  const countPlan = useMemo(
    () =>
      counting && plan
        ? planCounts(
            adapter.vocabulary,
            { deviceId, levels: filters.levels, code: filters.code },
            plan.buckets,
            span?.total,
          )
        : null,
    [counting, plan, span, adapter.vocabulary, deviceId, filters.levels, filters.code],
  );
  const counts = useQueries({
    queries: (countPlan?.requests ?? []).map((request) => ({
      ...countOptions(adapter, request.query),
      enabled: ready,
    })),
    combine: combineCounts,
  });

  const bars = useMemo(() => {
    if (!plan) return [];
    if (!counting) return loadedBars(plan, levels, heldEvents);
    return countPlan ? assembleBars(plan.buckets, countPlan, counts.answers) : [];
  }, [plan, counting, levels, heldEvents, countPlan, counts.answers]);

  const backendId = adapter.info.id;
  // Asks again for what failed; what was counted stays.
  const retry = useCallback(
    () =>
      void queryClient.invalidateQueries({
        queryKey: histogramKeys.all(backendId, deviceId),
        predicate: (query) => query.state.status === 'error',
      }),
    [queryClient, backendId, deviceId],
  );
  const error = windowQuery.error ?? counts.error;
  const windowPending = counting && windowQuery.isPending && !windowQuery.isError;
  return {
    mode: counting ? 'counted' : 'loaded',
    plan,
    zone,
    bars,
    levels,
    pending: windowPending || counts.pending,
    drawn: plan === null ? !windowPending : bars.every((bar) => bar.count !== undefined),
    error,
    retry,
  };
}
