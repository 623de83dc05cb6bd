import type { DeviceQuery } from '../../../backends/types.ts';

/** One key factory for the feature: loaders, components and invalidation share it. */
export const deviceKeys = {
  all: (backendId: string) => ['devices', backendId] as const,
  list: (backendId: string, query: DeviceQuery) =>
    [...deviceKeys.all(backendId), 'list', query] as const,
  detail: (backendId: string, deviceId: string) =>
    [...deviceKeys.all(backendId), 'detail', deviceId] as const,
};
