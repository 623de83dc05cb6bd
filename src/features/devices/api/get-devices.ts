import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { BackendAdapter, Cursor, DeviceQuery } from '../../../backends/types.ts';
import { deviceKeys } from './device-keys.ts';

export const devicesQueryOptions = (adapter: BackendAdapter, query: DeviceQuery) =>
  infiniteQueryOptions({
    queryKey: deviceKeys.list(adapter.info.id, query),
    queryFn: ({ pageParam, signal }) => adapter.listDevices(query, pageParam, signal),
    initialPageParam: null as Cursor | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

/**
 * While a new search or filter loads, the previous rows stay (marked busy) instead of collapsing
 * into a skeleton: the table does not jump on every keystroke.
 */
export function useDevices(adapter: BackendAdapter, query: DeviceQuery) {
  return useInfiniteQuery({
    ...devicesQueryOptions(adapter, query),
    placeholderData: keepPreviousData,
    // Rows first, then the columns the backend reads more slowly: ask again until they are in.
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.incomplete) ? INCOMPLETE_POLL_MS : false,
  });
}

/** How soon to ask again for a page whose slower columns are still being read. */
export const INCOMPLETE_POLL_MS = 500;
