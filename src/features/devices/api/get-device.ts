import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import { deviceKeys } from './device-keys.ts';

export const deviceQueryOptions = (adapter: BackendAdapter, deviceId: string) =>
  queryOptions({
    queryKey: deviceKeys.detail(adapter.info.id, deviceId),
    queryFn: ({ signal }) => adapter.getDevice(deviceId, signal),
  });

export function useDevice(adapter: BackendAdapter, deviceId: string) {
  return useQuery(deviceQueryOptions(adapter, deviceId));
}
