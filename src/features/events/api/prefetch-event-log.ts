import type { QueryClient } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import { eventLogQueryFromUrl } from '../utils/event-log-query.ts';
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
  const { filters } = eventLogQueryFromUrl(adapter, url.searchParams);
  void queryClient.prefetchInfiniteQuery(listEventsQueryOptions(adapter, deviceId, filters));
  if (eventId !== undefined)
    void queryClient.prefetchQuery(getEventQueryOptions(adapter, deviceId, eventId));
}
