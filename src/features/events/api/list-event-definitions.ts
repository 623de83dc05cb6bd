import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import { eventQueries } from './event-queries.ts';

export function eventDefinitionsQueryOptions(adapter: BackendAdapter, deviceId: string) {
  return queryOptions({
    queryKey: eventQueries.definitions(adapter.info.id, deviceId),
    queryFn: ({ signal }) =>
      adapter.listEventDefinitions?.(deviceId, signal) ?? Promise.resolve([]),
    staleTime: 30 * 60_000,
  });
}

export function useEventDefinitions(adapter: BackendAdapter, deviceId: string) {
  const enabled =
    adapter.info.capabilities.codeFilter && adapter.listEventDefinitions !== undefined;
  return useQuery({ ...eventDefinitionsQueryOptions(adapter, deviceId), enabled });
}
