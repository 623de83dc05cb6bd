import { queryOptions, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { BackendAdapter, Device, DevicePage } from '../../../backends/types.ts';
import { deviceKeys } from './device-keys.ts';

export const deviceQueryOptions = (adapter: BackendAdapter, deviceId: string) =>
  queryOptions({
    queryKey: deviceKeys.detail(adapter.info.id, deviceId),
    queryFn: ({ signal }) => adapter.getDevice(deviceId, signal),
  });

/**
 * The device record. Coming from the list, the row already loaded stands in (name in the heading
 * at once) while the record itself is fetched; it is never cached as the record.
 */
export function useDevice(adapter: BackendAdapter, deviceId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...deviceQueryOptions(adapter, deviceId),
    placeholderData: () =>
      deviceFromLists(
        queryClient.getQueriesData<InfiniteData<DevicePage>>({
          queryKey: [...deviceKeys.all(adapter.info.id), 'list'],
        }),
        deviceId,
      ),
  });
}

function deviceFromLists(
  lists: Array<[unknown, InfiniteData<DevicePage> | undefined]>,
  deviceId: string,
): Device | undefined {
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const found = page.devices.find((device) => device.id === deviceId);
      if (found) return found;
    }
  }
  return undefined;
}
