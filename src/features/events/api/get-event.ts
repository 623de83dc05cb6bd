import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import { eventQueries } from './event-queries.ts';

export function getEventQueryOptions(adapter: BackendAdapter, deviceId: string, eventId: string) {
  return queryOptions({
    queryKey: eventQueries.detail(adapter.info.id, deviceId, eventId),
    queryFn: ({ signal }) => adapter.getEvent(deviceId, eventId, signal),
    staleTime: 10 * 60_000,
  });
}

export function useEventDetail(
  adapter: BackendAdapter,
  deviceId: string,
  eventId: string | undefined,
) {
  return useQuery({
    ...getEventQueryOptions(adapter, deviceId, eventId ?? ''),
    enabled: eventId !== undefined,
  });
}
