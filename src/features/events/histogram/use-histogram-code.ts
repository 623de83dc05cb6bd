import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { BackendAdapter, DeviceEvent } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { prefetchOpenEnds, type ListHead } from '../api/log-ends.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { loadHistogram, type HistogramModule } from './histogram-code.ts';

// The histogram's code loads after the first rows. Not through lazy() and Suspense: React holds
// back a boundary's content for up to 300 ms after its fallback was shown, and the histogram's
// counts start when it renders; it is rendered once its module is in instead. (A histogram the
// server drew is the exception: histogram-slot.tsx.)

export interface HistogramCodeOptions {
  /** The app shows its own rows for the current filters (nothing of the histogram before). */
  rowsPainted: boolean;
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** The list's first row when it is read from its top: the log's end in its order. */
  headEvent: DeviceEvent | undefined;
  /** The list's total, where the backend counts. */
  total: number | undefined;
  tz: TimeZoneSetting;
}

/**
 * The Event histogram's code, loaded once the rows are painted, and its reads started as early as
 * they can: the log's ends with the code, its counts as soon as the code is in (not once it has
 * rendered); a filter change cancels those nobody shows any more. `head` is what the list already
 * tells of the log's end, so the histogram's window needs not read it again.
 */
export function useHistogramCode({
  rowsPainted,
  adapter,
  deviceId,
  filters,
  headEvent,
  total,
  tz,
}: HistogramCodeOptions): { histogram: HistogramModule | null; head: ListHead | null } {
  const queryClient = useQueryClient();
  const [histogram, setHistogram] = useState<HistogramModule | null>(null);
  useEffect(() => {
    if (!rowsPainted || histogram) return;
    let current = true;
    loadHistogram().then(
      (loaded) => current && setHistogram(loaded),
      () => undefined, // The placeholder stays; the next view tries again.
    );
    return () => {
      current = false;
    };
  }, [rowsPainted, histogram]);
  const head: ListHead | null = useMemo(
    () =>
      headEvent
        ? { end: filters.order === 'desc' ? 'newest' : 'oldest', time: headEvent.time, total }
        : null,
    [headEvent, filters.order, total],
  );
  const counting = adapter.countEvents !== undefined;
  useEffect(() => {
    if (rowsPainted && counting) prefetchOpenEnds(queryClient, adapter, deviceId, filters, head);
  }, [rowsPainted, counting, queryClient, adapter, deviceId, filters, head]);
  useEffect(() => {
    if (!rowsPainted || !histogram || !counting) return;
    const controller = new AbortController();
    void histogram.prefetchHistogram(
      queryClient,
      adapter,
      deviceId,
      filters,
      head,
      tz,
      controller.signal,
    );
    return () => {
      controller.abort();
      histogram.cancelUnobservedCounts(queryClient, adapter.info.id, deviceId);
    };
  }, [rowsPainted, histogram, counting, queryClient, adapter, deviceId, filters, head, tz]);
  return { histogram, head };
}
