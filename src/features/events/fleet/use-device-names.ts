import { useQueries } from '@tanstack/react-query';
import type { BackendAdapter, EventPage } from '../../../backends/types.ts';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** The distinct device ids of a page of events, sorted (the page's query key). */
export function deviceIdsOf(page: EventPage): string[] {
  const ids = new Set<string>();
  for (const event of page.events) if (event.deviceId) ids.add(event.deviceId);
  return [...ids].sort();
}

/**
 * Names of the devices behind a fleet feed's events (device id → name), for an adapter that reads
 * devices by id: one read per loaded page, since a page's devices do not change while the feed
 * pages on. Until a read answers, or if it fails, or for a device without a name, the feed shows
 * the id, which links to the same log.
 */
export function useDeviceNames(
  adapter: BackendAdapter,
  pages: readonly EventPage[],
): ReadonlyMap<string, string> {
  const getDevices = adapter.getDevices?.bind(adapter);
  return useQueries({
    queries: getDevices
      ? pages.map((page) => {
          const ids = deviceIdsOf(page);
          return {
            queryKey: ['devices', adapter.info.id, 'by-id', ids] as const,
            queryFn: ({ signal }: { signal: AbortSignal }) => getDevices(ids, signal),
            enabled: ids.length > 0,
            staleTime: 5 * 60_000,
          };
        })
      : [],
    combine: (results) => {
      if (results.every((result) => !result.data)) return NO_NAMES;
      const names = new Map<string, string>();
      for (const result of results)
        for (const device of result.data ?? []) if (device.name) names.set(device.id, device.name);
      return names;
    },
  });
}
