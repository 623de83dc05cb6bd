import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { BackendAdapter, Cursor, DeviceQuery } from '../../../backends/types.ts';
import { deviceKeys } from './device-keys.ts';

export const devicesQueryOptions = (adapter: BackendAdapter, query: DeviceQuery) =>
  infiniteQueryOptions({
    queryKey: deviceKeys.list(adapter.info.id, query),
    queryFn: ({ pageParam, signal }) => adapter.listDevices(query, pageParam, signal),
    initialPageParam: null as Cursor | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

export function useDevices(adapter: BackendAdapter, query: DeviceQuery) {
  return useInfiniteQuery(devicesQueryOptions(adapter, query));
}
