import type * as z from 'zod/mini';
import { allColumnSorts, sortChoiceOf, sortDevices } from '../device-sort.ts';
import type { Cursor, Device, DeviceListOptions, DevicePage, DeviceQuery } from '../types.ts';
import { mapListedDevice, withFirmware, withLastOnline } from './map.ts';
import type { TypedCall } from './typed-call.ts';
import {
  batchDeviceDetailSchema,
  batchDeviceStateSchema,
  deviceListSchema,
  productListDataSchema,
} from './wire.ts';

/**
 * The device list across all products. QueryDevice needs a ProductKey and cannot search, so the
 * directory is read whole (QueryProductList, then QueryDevice per product in pages of 50) and
 * searched, filtered and sorted here; the cursor is an offset into that list. Fine for hundreds to
 * a few thousand devices; a fleet of 100,000 would need a search service instead.
 *
 * QueryDevice carries neither firmware nor last-online time (the device page has them from
 * QueryDeviceDetail, one call per device). The directory adds them in batches: firmware from
 * BatchQueryDeviceDetail (100 devices of one product a call, 5 calls/s per account, so one call at
 * a time) and last online from BatchGetDeviceState (50 devices of any product a call). See
 * https://www.alibabacloud.com/help/en/iot/developer-reference/api-da4b7d (BatchQueryDeviceDetail)
 * and https://www.alibabacloud.com/help/en/iot/developer-reference/api-8088d7 (BatchGetDeviceState).
 */

const PAGE_SIZE = 50;
/** Reused for this long, so typing in the search box does not re-read the directory. */
const DIRECTORY_TTL_MS = 60_000;

const BATCH_DETAIL_SIZE = 100;
const BATCH_STATE_SIZE = 50;
const STATE_CALLS_AT_ONCE = 4;
const MODEL_LABEL = 'Product';
const LAST_SEEN_LABEL = 'Last online';

export const ALIYUN_DEVICE_LIST_OPTIONS: DeviceListOptions = {
  statuses: [
    { value: 'ONLINE', label: 'Online' },
    { value: 'OFFLINE', label: 'Offline' },
    { value: 'UNACTIVE', label: 'Not activated' },
    { value: 'DISABLE', label: 'Disabled' },
  ],
  sorts: allColumnSorts({ model: MODEL_LABEL, lastSeen: LAST_SEEN_LABEL }),
  modelLabel: MODEL_LABEL,
  lastSeenLabel: LAST_SEEN_LABEL,
};

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

const deviceNameOf = (device: Device) => (device.raw as { DeviceName: string }).DeviceName;

type ProductInfo = z.output<typeof productListDataSchema>['List'][number];

export function createDeviceDirectory(call: TypedCall, now: () => number) {
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

  /** Firmware per IotId, one product's devices at a time. */
  async function firmwareOf(
    byProduct: ReadonlyArray<{ product: ProductInfo; devices: Device[] }>,
    signal: AbortSignal,
  ): Promise<Map<string, string>> {
    const firmware = new Map<string, string>();
    for (const { product, devices } of byProduct) {
      const idByName = new Map(devices.map((device) => [deviceNameOf(device), device.id]));
      for (const names of chunks([...idByName.keys()], BATCH_DETAIL_SIZE)) {
        const params: Record<string, string> = {
          Action: 'BatchQueryDeviceDetail',
          ProductKey: product.ProductKey,
        };
        names.forEach((name, index) => (params[`DeviceName.${index + 1}`] = name));
        const details = await call(batchDeviceDetailSchema, params, 'device details', signal);
        for (const detail of details) {
          const id = detail.IotId ?? idByName.get(detail.DeviceName);
          if (id && detail.FirmwareVersion) firmware.set(id, detail.FirmwareVersion);
        }
      }
    }
    return firmware;
  }

  /** Last-online time text per IotId. */
  async function lastOnlineOf(
    devices: Device[],
    signal: AbortSignal,
  ): Promise<Map<string, string>> {
    const lastOnline = new Map<string, string>();
    const batches = chunks(devices, BATCH_STATE_SIZE);
    // A few calls at a time: quick for hundreds of devices, well inside the 50 calls/s quota.
    for (const group of chunks(batches, STATE_CALLS_AT_ONCE)) {
      const answers = await Promise.all(
        group.map((batch) => {
          const params: Record<string, string> = { Action: 'BatchGetDeviceState' };
          batch.forEach((device, index) => (params[`IotId.${index + 1}`] = device.id));
          return call(batchDeviceStateSchema, params, 'device states', signal, 'body');
        }),
      );
      for (const state of answers.flat()) {
        if (state.LastOnlineTime) lastOnline.set(state.IotId, state.LastOnlineTime);
      }
    }
    return lastOnline;
  }

  async function readListed(signal: AbortSignal) {
    const byProduct = await Promise.all(
      (await products(signal)).map(async (product) => ({
        product,
        devices: await devicesOf(product, signal),
      })),
    );
    return { byProduct, all: byProduct.flatMap((entry) => entry.devices) };
  }

  /**
   * The directory with firmware and last online added. These columns are extras: when a batch
   * call fails (say an older Fleetlog server that does not forward it) the list still loads and
   * shows "—" there, rather than failing as a whole.
   */
  async function addExtras(
    { byProduct, all }: Awaited<ReturnType<typeof readListed>>,
    signal: AbortSignal,
  ): Promise<Device[]> {
    const optional = <T>(promise: Promise<T>, fallback: T) =>
      promise.catch((error: unknown) => {
        if (signal.aborted) throw error;
        return fallback;
      });
    const [firmware, lastOnline] = await Promise.all([
      optional(firmwareOf(byProduct, signal), new Map<string, string>()),
      optional(lastOnlineOf(all, signal), new Map<string, string>()),
    ]);
    return all.map((device) =>
      withLastOnline(withFirmware(device, firmware.get(device.id)), lastOnline.get(device.id)),
    );
  }

  /**
   * One read of the directory: `listed` once QueryDevice has answered for every product (the rows
   * can show), `complete` once the batch calls have added firmware and last online (at 5 calls/s
   * for BatchQueryDeviceDetail that can take seconds on a large fleet, so the list does not wait
   * for it unless it is sorted by one of those columns).
   */
  interface DirectoryRead {
    loadedAt: number;
    listed: Promise<Device[]>;
    complete: Promise<Device[]>;
    /** `complete`'s value once it is in. */
    completed?: Device[];
  }

  let cache: DirectoryRead | null = null;

  function startLoad(): DirectoryRead {
    const controller = new AbortController();
    const listedRead = readListed(controller.signal);
    const complete = listedRead.then((listed) => addExtras(listed, controller.signal));
    const entry: DirectoryRead = {
      loadedAt: now(),
      listed: listedRead.then((listed) => listed.all),
      complete,
    };
    cache = entry;
    shared = { controller, waiting: 0 };
    const current = shared;
    // A failed or cancelled load must not be served to the next caller.
    complete.then(
      (devices) => {
        entry.completed = devices;
        if (shared === current) shared = null;
      },
      () => {
        if (cache === entry) cache = null;
        if (shared === current) shared = null;
      },
    );
    return entry;
  }

  /** The directory's devices, and whether firmware and last online are still to come. */
  async function load(
    signal: AbortSignal | undefined,
    needsExtras: boolean,
  ): Promise<{ devices: Device[]; incomplete: boolean }> {
    signal?.throwIfAborted();
    const entry = cache && now() - cache.loadedAt <= DIRECTORY_TTL_MS ? cache : startLoad();
    if (entry.completed) return { devices: entry.completed, incomplete: false };
    const devices = needsExtras ? entry.complete : entry.listed;
    const settle = async () => {
      const listed = await devices;
      return entry.completed
        ? { devices: entry.completed, incomplete: false }
        : { devices: listed, incomplete: !needsExtras };
    };
    const pending = shared;
    if (!signal || !pending) return settle();
    pending.waiting += 1;
    try {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        devices
          .then(() => resolve(), reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
      return await settle();
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
      const choice = sortChoiceOf(ALIYUN_DEVICE_LIST_OPTIONS.sorts, query.sort);
      const { devices, incomplete } = await load(
        signal,
        choice?.column === 'firmware' || choice?.column === 'lastSeen',
      );
      const matches = devices.filter((device) => {
        if (query.status && device.status !== query.status) return false;
        if (!needle) return true;
        const raw = device.raw as { DeviceName: string; Nickname?: string | null; IotId: string };
        return [raw.DeviceName, raw.Nickname ?? '', raw.IotId].some((text) =>
          text.toLowerCase().includes(needle),
        );
      });
      const sorted = choice
        ? sortDevices(matches, choice, ALIYUN_DEVICE_LIST_OPTIONS.statuses)
        : matches;
      const offset = cursor ? Math.max(0, Number.parseInt(cursor, 10) || 0) : 0;
      const end = offset + PAGE_SIZE;
      return {
        devices: sorted.slice(offset, end),
        nextCursor: end < sorted.length ? String(end) : null,
        totalCount: sorted.length,
        ...(incomplete ? { incomplete } : {}),
      };
    },
  };
}
