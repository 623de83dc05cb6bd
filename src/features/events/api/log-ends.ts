import { queryOptions } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from './event-queries.ts';
import { eventQueries } from './event-queries.ts';
import { eventQueryFor, resolveRange } from './first-page.ts';

export interface LogEnds {
  /** Time of the oldest event the filters match (null: none matches). */
  oldest: number | null;
  /** Time of the newest. */
  newest: number | null;
}

/**
 * The times of the oldest and newest events a view's filters match, whatever its order: the ends
 * a scrollbar position is measured between (`position-time.ts`) and the window of a histogram
 * whose range leaves a side open. One cache entry for both, so the log's ends are read once: two
 * one-row reads, one in each order. (Pelion's smallest page is 2 rows.)
 */
export function logEndsQueryOptions(
  adapter: BackendAdapter,
  deviceId: string,
  { levels, code, from, to }: Omit<EventListFilters, 'order'>,
) {
  const filters = { levels, code, from, to };
  return queryOptions({
    queryKey: [...eventQueries.ends(adapter.info.id, deviceId), filters] as const,
    queryFn: async ({ signal }): Promise<LogEnds> => {
      const view = { ...filters, order: 'asc' as const };
      const query = eventQueryFor(deviceId, view, resolveRange(view, Date.now()));
      const [oldest, newest] = await Promise.all([
        adapter.listEvents(query, null, 2, signal),
        adapter.listEvents({ ...query, order: 'desc' }, null, 2, signal),
      ]);
      return { oldest: oldest.events[0]?.time ?? null, newest: newest.events[0]?.time ?? null };
    },
    staleTime: 5 * 60_000,
  });
}
