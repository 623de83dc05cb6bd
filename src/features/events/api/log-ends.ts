import { queryOptions } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from './event-queries.ts';
import { eventQueries } from './event-queries.ts';
import { eventQueryFor, resolveRange } from './first-page.ts';

export interface LogEnds {
  /** Time of the list's first row in the display order (null: the list is empty). */
  first: number | null;
  /** Time of its last row. */
  last: number | null;
}

/**
 * The times of a list's first and last rows: the two ends a scrollbar position is measured
 * between (`position-time.ts`). Two one-row reads, one in each order, asked for on the first jump
 * that needs them, never on load. (Pelion's smallest page is 2 rows.)
 */
export function logEndsQueryOptions(
  adapter: BackendAdapter,
  deviceId: string,
  filters: EventListFilters,
) {
  return queryOptions({
    queryKey: [...eventQueries.list(adapter.info.id, deviceId, filters), 'ends'] as const,
    queryFn: async ({ signal }): Promise<LogEnds> => {
      const query = eventQueryFor(deviceId, filters, resolveRange(filters, Date.now()));
      const reversed = { ...query, order: query.order === 'desc' ? 'asc' : 'desc' } as const;
      const [first, last] = await Promise.all([
        adapter.listEvents(query, null, 2, signal),
        adapter.listEvents(reversed, null, 2, signal),
      ]);
      return { first: first.events[0]?.time ?? null, last: last.events[0]?.time ?? null };
    },
    staleTime: 5 * 60_000,
  });
}
