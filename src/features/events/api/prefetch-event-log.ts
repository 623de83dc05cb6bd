import type { QueryClient } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import { parseSearchParams } from '../../../lib/url-state.ts';
import { eventLogParams } from '../utils/event-log-search.ts';
import { eventListFilters } from '../utils/event-list-filters.ts';
import { getEventQueryOptions } from './get-event.ts';
import { listEventsQueryOptions } from './list-events.ts';

/**
 * For a route loader: starts the first page of the log a URL asks for (and the linked event) while
 * the Event log's code downloads, with the same query keys the route then reads. Never awaits.
 */
export function prefetchEventLog(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  url: URL,
  eventId?: string,
): void {
  const { values } = parseSearchParams(eventLogParams, url.searchParams);
  void queryClient.prefetchInfiniteQuery(
    listEventsQueryOptions(adapter, deviceId, eventListFilters(adapter.info, values)),
  );
  if (eventId !== undefined)
    void queryClient.prefetchQuery(getEventQueryOptions(adapter, deviceId, eventId));
}
