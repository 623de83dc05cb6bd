import { fetchJson, parseOrThrow, type Transport } from '../http.ts';
import {
  BackendError,
  type BackendAdapter,
  type BackendInfo,
  type Cursor,
  type Device,
  type DeviceEvent,
  type DeviceListOptions,
  type DevicePage,
  type DeviceQuery,
  type DeviceSortChoice,
  type EventPage,
  type FleetEventQuery,
} from '../types.ts';
import { allColumnSorts, sortChoiceOf, sortDevices } from '../device-sort.ts';
import { PELION_MAX_LIMIT, messageTypesOf, pelionUrls } from './requests.ts';
import { mapPelionDevice, mapPelionEvent, pelionEventId } from './map.ts';
import { PELION_VOCABULARY } from './vocabulary.ts';

export { PELION_VOCABULARY };
import {
  pelionDeviceSchema,
  pelionEventSchema,
  pelionListSchema,
  readPelionEvent,
  type PelionList,
} from './wire.ts';

/**
 * The Izuma/Pelion Device Management adapter. It speaks the API's own REST format to
 * `/api/<backendId>/v3/…`; the Fleetlog server adds the access key on the way out.
 */

const CREDENTIAL_VARIABLE = 'PELION_API_KEY';
const DEVICE_PAGE_SIZE = 50;
/** Ids per `id__in` call of `getDevices`: ~1.7 KB of URL, well within the API's limits. */
const IDS_PER_CALL = 50;
/** Directory pages one search call may scan before handing back a cursor (see `searchDevices`). */
const MAX_SEARCH_SCAN_PAGES = 5;
const HEX_ID = /^[0-9a-f]{32}$/i;

const MODEL_LABEL = 'Class';
const LAST_SEEN_LABEL = 'Last updated';

export const PELION_DEVICE_LIST_OPTIONS: DeviceListOptions = {
  statuses: [
    { value: 'registered', label: 'Registered' },
    { value: 'bootstrapped', label: 'Bootstrapped' },
    { value: 'cloud_enrolling', label: 'Cloud enrolling' },
    { value: 'unenrolled', label: 'Unenrolled' },
    { value: 'deregistered', label: 'Deregistered' },
  ],
  // created_at is the only order the directory offers (`order=ASC|DESC`); the other columns sort
  // here, over the whole directory (see `sortedDirectory`).
  sorts: allColumnSorts({ model: MODEL_LABEL, lastSeen: LAST_SEEN_LABEL }),
  modelLabel: MODEL_LABEL,
  // The directory has no last-contact time: `updated_at` is when the record last changed.
  lastSeenLabel: LAST_SEEN_LABEL,
};

/** Sorting by a column the API cannot order by reads the directory whole, up to this many devices. */
const MAX_SORTED_DIRECTORY = 10_000;
/** A directory read for sorting is reused this long, so "Load more" does not read it again. */
const SORTED_DIRECTORY_TTL_MS = 60_000;

export function createPelionAdapter(
  info: BackendInfo,
  transport?: Transport,
  now: () => number = Date.now,
): BackendAdapter {
  const directoryUrl = (params: Array<[string, string]>) => pelionUrls.devices(info.id, params);
  const init = (signal?: AbortSignal) => ({
    signal,
    credentialVariable: CREDENTIAL_VARIABLE,
    transport,
  });

  /** A list call; the API sometimes answers 404 "Unable to find page." for an empty list. */
  async function getList(
    url: string,
    signal?: AbortSignal,
    priority?: RequestPriority,
  ): Promise<PelionList> {
    try {
      const body = await fetchJson(url, priority ? { ...init(signal), priority } : init(signal));
      return parseOrThrow(pelionListSchema, body, 'list');
    } catch (error) {
      if (isMissingRecord(error)) return { data: [], has_more: false };
      throw error;
    }
  }

  /** A single record, or null when the API says it does not exist. */
  async function getOne(url: string, signal?: AbortSignal): Promise<unknown> {
    try {
      return await fetchJson(url, init(signal));
    } catch (error) {
      if (isMissingRecord(error)) return null;
      throw error;
    }
  }

  function devices(list: PelionList): { devices: Device[]; lastId: string | null } {
    let lastId: string | null = null;
    const mapped: Device[] = [];
    for (const item of list.data) {
      const parsed = pelionDeviceSchema.safeParse(item);
      if (!parsed.success) continue; // a device without an id cannot be linked to
      lastId = parsed.data.id;
      mapped.push(mapPelionDevice(parsed.data));
    }
    return { devices: mapped, lastId };
  }

  function directoryParams(
    query: DeviceQuery,
    cursor: Cursor | null,
    limit: number,
  ): Array<[string, string]> {
    const params: Array<[string, string]> = [
      ['limit', String(limit)],
      ['order', query.sort === 'oldest' ? 'ASC' : 'DESC'],
    ];
    if (cursor) params.push(['after', cursor]);
    if (query.status) params.push(['state__eq', query.status]);
    return params;
  }

  /**
   * The directory has no free-text search, but operators expect substring matches on name or id.
   * A 32-hex text is an exact id (`id__eq`). Anything else scans the directory in pages of 1000
   * and filters here: one request for a demo-sized fleet (hundreds of devices), a few for tens of
   * thousands, each call bounded to MAX_SEARCH_SCAN_PAGES and resumable through the cursor.
   * For very large fleets an exact `name__eq` would be cheaper, at the cost of surprising users.
   */
  async function searchDevices(
    query: DeviceQuery,
    text: string,
    cursor: Cursor | null,
    signal?: AbortSignal,
  ): Promise<DevicePage> {
    if (HEX_ID.test(text)) {
      const list = await getList(
        directoryUrl([
          ...directoryParams(query, null, DEVICE_PAGE_SIZE),
          ['id__eq', text.toLowerCase()],
        ]),
        signal,
      );
      return { devices: devices(list).devices, nextCursor: null };
    }
    const needle = text.toLowerCase();
    const matches: Device[] = [];
    let after = cursor;
    for (let scanned = 0; scanned < MAX_SEARCH_SCAN_PAGES; scanned++) {
      const list = await getList(
        directoryUrl(directoryParams(query, after, PELION_MAX_LIMIT)),
        signal,
      );
      const page = devices(list);
      for (const device of page.devices) {
        if (searchText(device).includes(needle)) matches.push(device);
      }
      after = list.has_more ? page.lastId : null;
      if (after === null || matches.length >= DEVICE_PAGE_SIZE) break;
    }
    return { devices: matches, nextCursor: after };
  }

  let directoryCache: { status: string; loadedAt: number; devices: Promise<Device[]> } | null =
    null;

  /**
   * The whole directory (one state, or all), in pages of 1000; refused beyond MAX_SORTED_DIRECTORY.
   * One read serves every caller within the TTL (clicking Name twice sorts both ways from it), so
   * it runs to its end whoever goes away: a caller's signal only stops that caller's wait.
   */
  function wholeDirectory(status: string | undefined, signal?: AbortSignal): Promise<Device[]> {
    signal?.throwIfAborted();
    const key = status ?? '';
    if (
      !directoryCache ||
      directoryCache.status !== key ||
      now() - directoryCache.loadedAt > SORTED_DIRECTORY_TTL_MS
    ) {
      directoryCache = startDirectoryRead(key, status);
    }
    return untilAborted(directoryCache.devices, signal);
  }

  function startDirectoryRead(key: string, status: string | undefined) {
    const read = async () => {
      const all: Device[] = [];
      let after: string | null = null;
      for (;;) {
        const list = await getList(
          directoryUrl(directoryParams({ sort: 'oldest', status }, after, PELION_MAX_LIMIT)),
        );
        const page = devices(list);
        all.push(...page.devices);
        after = list.has_more ? page.lastId : null;
        if (after === null) return all;
        if (all.length >= MAX_SORTED_DIRECTORY) {
          throw new BackendError(
            `This fleet has more than ${MAX_SORTED_DIRECTORY.toLocaleString('en')} devices, too many to sort here by this column. Sort by creation time (newest or oldest first) instead.`,
            { status: 400, code: 'too_many_to_sort', retryable: false },
          );
        }
      }
    };
    const entry = { status: key, loadedAt: now(), devices: read() };
    // A failed read is not served to the next caller.
    entry.devices.catch(() => {
      if (directoryCache === entry) directoryCache = null;
    });
    return entry;
  }

  /** A sort the API cannot do: the directory read whole, searched and sorted here, paged by offset. */
  async function sortedDirectory(
    query: DeviceQuery,
    choice: DeviceSortChoice,
    cursor: Cursor | null,
    signal?: AbortSignal,
  ): Promise<DevicePage> {
    const needle = query.search?.trim().toLowerCase() ?? '';
    const matches = (await wholeDirectory(query.status, signal)).filter(
      (device) => !needle || searchText(device).includes(needle),
    );
    const sorted = sortDevices(matches, choice, PELION_DEVICE_LIST_OPTIONS.statuses);
    const offset = cursor ? Math.max(0, Number.parseInt(cursor, 10) || 0) : 0;
    const end = offset + DEVICE_PAGE_SIZE;
    return {
      devices: sorted.slice(offset, end),
      nextCursor: end < sorted.length ? String(end) : null,
      totalCount: sorted.length,
    };
  }

  async function readEventList(
    query: FleetEventQuery & { deviceId?: string },
    cursor: Cursor | null,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<EventPage> {
    const list = await getList(pelionUrls.eventList(info.id, query, cursor, pageSize), signal);
    const types = messageTypesOf(query);
    const events: DeviceEvent[] = [];
    let lastId: string | null = null;
    let malformed = 0;
    for (const item of list.data) {
      const record = readPelionEvent(item);
      if (!record) {
        // Nothing to show or link to; count it so the view can say so. The cursor still moves
        // past it when the record has an id, or the next page would start before it again.
        malformed += 1;
        const rawId = rawRecordId(item);
        if (rawId) lastId = rawId;
        continue;
      }
      lastId = pelionEventId(record);
      const event = mapPelionEvent(record);
      // The cursor advances past dropped rows too, so a page may be short (even empty) with more to come.
      if (!types || (types as string[]).includes(event.level)) events.push(event);
    }
    return {
      events,
      nextCursor: list.has_more ? lastId : null,
      ...(typeof list.total_count === 'number' ? { totalCount: list.total_count } : {}),
      ...(malformed > 0 ? { malformed } : {}),
    };
  }

  return {
    info,
    vocabulary: PELION_VOCABULARY,
    deviceListOptions: PELION_DEVICE_LIST_OPTIONS,

    async listDevices(query, cursor, signal) {
      const choice = sortChoiceOf(PELION_DEVICE_LIST_OPTIONS.sorts, query.sort);
      if (choice && choice.column !== 'created') {
        return sortedDirectory(query, choice, cursor, signal);
      }
      const text = query.search?.trim();
      if (text) return searchDevices(query, text, cursor, signal);
      const params = directoryParams(query, cursor, DEVICE_PAGE_SIZE);
      if (!cursor) params.push(['include', 'total_count']);
      const list = await getList(directoryUrl(params), signal);
      const page = devices(list);
      return {
        devices: page.devices,
        nextCursor: list.has_more ? page.lastId : null,
        ...(typeof list.total_count === 'number' ? { totalCount: list.total_count } : {}),
      };
    },

    async getDevice(deviceId, signal) {
      const body = await getOne(pelionUrls.device(info.id, deviceId), signal);
      if (body === null) {
        throw new BackendError(`No device with id ${deviceId} exists on ${info.label}.`, {
          status: 404,
          code: 'not_found',
          retryable: false,
        });
      }
      return mapPelionDevice(parseOrThrow(pelionDeviceSchema, body, 'device'));
    },

    listEvents: (query, cursor, pageSize, signal) => readEventList(query, cursor, pageSize, signal),

    async getDevices(deviceIds, signal) {
      const ids = [...new Set(deviceIds.map((id) => id.toLowerCase()))].filter((id) =>
        HEX_ID.test(id),
      );
      const calls: Array<Promise<PelionList>> = [];
      for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
        const chunk = ids.slice(start, start + IDS_PER_CALL);
        calls.push(
          getList(
            directoryUrl([
              ['limit', String(chunk.length)],
              ['id__in', chunk.join(',')],
            ]),
            signal,
            'low',
          ),
        );
      }
      return (await Promise.all(calls)).flatMap((list) => devices(list).devices);
    },

    // The same API without a device filter lists every device's events.
    listFleetEvents: (query, cursor, pageSize, signal) =>
      readEventList(query, cursor, pageSize, signal),

    async countEvents(query, signal) {
      // Background work: a page of rows asked for meanwhile goes ahead of it in the browser's
      // queue for a connection (Fetch Priority, https://fetch.spec.whatwg.org/#request-priority).
      const list = await getList(pelionUrls.eventCount(info.id, query), signal, 'low');
      if (typeof list.total_count === 'number') return list.total_count;
      // The 404 some list calls answer instead of an empty page (see getList) carries no count.
      if (list.data.length === 0 && !list.has_more) return 0;
      throw new BackendError(`${info.label} did not report a count (total_count).`, {
        status: 502,
        code: 'no_total_count',
        retryable: false,
      });
    },

    async getEvent(deviceId, eventId, signal) {
      const body = await getOne(pelionUrls.event(info.id, eventId), signal);
      if (body === null) return null;
      const event = parseOrThrow(pelionEventSchema, body, 'event');
      // A deep link must not show another device's event under this device.
      if (event.device_id && event.device_id !== deviceId) return null;
      return mapPelionEvent(event);
    },
  };
}

/** `promise`, or its caller's cancellation, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** What a search matches: name, id and endpoint name, lower-cased. */
function searchText(device: Device): string {
  const endpoint = (device.raw as { endpoint_name?: unknown }).endpoint_name;
  return `${device.name ?? ''}\n${device.id}\n${typeof endpoint === 'string' ? endpoint : ''}`.toLowerCase();
}

/** A 404 from the API; Fleetlog's own 404 for an unknown backend is a real error and stays one. */
function isMissingRecord(error: unknown): boolean {
  return (
    error instanceof BackendError &&
    error.details.status === 404 &&
    error.details.code !== 'unknown_backend'
  );
}

/** The id of a record that failed validation, when it still carries a usable one. */
function rawRecordId(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const { id, device_log_id: legacyId } = item as { id?: unknown; device_log_id?: unknown };
  const value = typeof id === 'string' && id ? id : legacyId;
  return typeof value === 'string' && value ? value : null;
}
