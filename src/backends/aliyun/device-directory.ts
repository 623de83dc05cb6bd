import type * as z from 'zod/mini';
import type { Cursor, Device, DeviceListOptions, DevicePage, DeviceQuery } from '../types.ts';
import { mapListedDevice } from './map.ts';
import type { TypedCall } from './typed-call.ts';
import { deviceListSchema, productListDataSchema } from './wire.ts';

/**
 * The device list across all products. QueryDevice needs a ProductKey and cannot search, so the
 * directory is read whole (QueryProductList, then QueryDevice per product in pages of 50) and
 * searched, filtered and sorted here; the cursor is an offset into that list. Fine for hundreds to
 * a few thousand devices; a fleet of 100,000 would need a search service instead.
 */

const PAGE_SIZE = 50;
/** Reused for this long, so typing in the search box does not re-read the directory. */
const DIRECTORY_TTL_MS = 60_000;

export const ALIYUN_DEVICE_LIST_OPTIONS: DeviceListOptions = {
  statuses: [
    { value: 'ONLINE', label: 'Online' },
    { value: 'OFFLINE', label: 'Offline' },
    { value: 'UNACTIVE', label: 'Not activated' },
    { value: 'DISABLE', label: 'Disabled' },
  ],
  sorts: [
    { value: 'newest', label: 'Newest first' },
    { value: 'oldest', label: 'Oldest first' },
    { value: 'name', label: 'DeviceName' },
  ],
};

type ProductInfo = z.output<typeof productListDataSchema>['List'][number];

export function createDeviceDirectory(call: TypedCall, now: () => number) {
  let cache: { loadedAt: number; devices: Promise<Device[]> } | null = null;

  async function products(signal?: AbortSignal): Promise<ProductInfo[]> {
    const all: ProductInfo[] = [];
    for (let page = 1; ; page++) {
      const data = await call(
        productListDataSchema,
        { Action: 'QueryProductList', CurrentPage: String(page), PageSize: '200' },
        'product list',
        signal,
      );
      all.push(...data.List);
      if (page >= data.PageCount || data.List.length === 0) return all;
    }
  }

  async function devicesOf(product: ProductInfo, signal?: AbortSignal): Promise<Device[]> {
    const devices: Device[] = [];
    let nextToken: string | null | undefined;
    for (let page = 1; ; page++) {
      const params: Record<string, string> = {
        Action: 'QueryDevice',
        ProductKey: product.ProductKey,
        PageSize: String(PAGE_SIZE),
        CurrentPage: String(page),
      };
      // Required by the service beyond the first 10,000 devices of a product.
      if (nextToken) params.NextToken = nextToken;
      const list = await call(deviceListSchema, params, 'device list', signal, 'body');
      devices.push(...list.Data.map((device) => mapListedDevice(device, product.ProductName)));
      nextToken = list.NextToken;
      if (list.Data.length === 0 || page >= (list.PageCount ?? page)) return devices;
    }
  }

  /**
   * One directory read shared by every caller (typing in the search box fires a query per pause).
   * It runs on its own controller, not on the first caller's signal: that caller going away (a newer
   * search replaced it) must not fail the read the newer search is waiting on. It is cancelled only
   * when every caller waiting on it has gone.
   */
  let shared: { controller: AbortController; waiting: number } | null = null;

  function startLoad(): { loadedAt: number; devices: Promise<Device[]> } {
    const controller = new AbortController();
    const devices = products(controller.signal).then(async (list) =>
      (await Promise.all(list.map((product) => devicesOf(product, controller.signal)))).flat(),
    );
    const entry = { loadedAt: now(), devices };
    cache = entry;
    shared = { controller, waiting: 0 };
    const current = shared;
    // A failed or cancelled load must not be served to the next caller.
    devices.then(
      () => {
        if (shared === current) shared = null;
      },
      () => {
        if (cache === entry) cache = null;
        if (shared === current) shared = null;
      },
    );
    return entry;
  }

  async function load(signal?: AbortSignal): Promise<Device[]> {
    signal?.throwIfAborted();
    const entry = cache && now() - cache.loadedAt <= DIRECTORY_TTL_MS ? cache : startLoad();
    const devices = entry.devices;
    const pending = shared;
    if (!signal || !pending) return devices;
    pending.waiting += 1;
    try {
      return await new Promise<Device[]>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        devices.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    } finally {
      pending.waiting -= 1;
      if (pending.waiting === 0 && signal.aborted && shared === pending) {
        // Nobody waits any more: stop reading, and let the next caller start afresh.
        shared = null;
        if (cache === entry) cache = null;
        pending.controller.abort();
      }
    }
  }

  return {
    async list(
      query: DeviceQuery,
      cursor: Cursor | null,
      signal?: AbortSignal,
    ): Promise<DevicePage> {
      const needle = query.search?.trim().toLowerCase() ?? '';
      const matches = (await load(signal)).filter((device) => {
        if (query.status && device.status !== query.status) return false;
        if (!needle) return true;
        const raw = device.raw as { DeviceName: string; Nickname?: string | null; IotId: string };
        return [raw.DeviceName, raw.Nickname ?? '', raw.IotId].some((text) =>
          text.toLowerCase().includes(needle),
        );
      });
      const sorted = sortDevices(matches, query.sort);
      const offset = cursor ? Math.max(0, Number.parseInt(cursor, 10) || 0) : 0;
      const end = offset + PAGE_SIZE;
      return {
        devices: sorted.slice(offset, end),
        nextCursor: end < sorted.length ? String(end) : null,
        totalCount: sorted.length,
      };
    },
  };
}

function sortDevices(devices: Device[], sort: string | undefined): Device[] {
  const name = (device: Device) => (device.raw as { DeviceName: string }).DeviceName;
  const created = (device: Device) => (device.createdAt ? Date.parse(device.createdAt) : 0);
  const sorted = [...devices];
  if (sort === 'name') sorted.sort((a, b) => name(a).localeCompare(name(b)));
  else if (sort === 'oldest') sorted.sort((a, b) => created(a) - created(b));
  else sorted.sort((a, b) => created(b) - created(a));
  return sorted;
}
