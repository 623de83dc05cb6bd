import { invalidResponse, parseOrThrow } from '../http.ts';
import {
  BackendError,
  type BackendAdapter,
  type BackendInfo,
  type EventDefinition,
  type EventQuery,
} from '../types.ts';
import { ALIYUN_DEVICE_LIST_OPTIONS, createDeviceDirectory } from './device-directory.ts';
import { parseEventId } from './event-id.ts';
import {
  STREAM_RANK,
  decodeCursor,
  encodeCursor,
  initialState,
  nextMergedPage,
  type StreamRequest,
} from './event-paging.ts';
import { mapDeviceDetail, mapEvent, mapPayloadFields } from './map.ts';
import { createRpc, DEFAULT_RPC_OPTIONS, type RpcCall, type RpcOptions } from './rpc.ts';
import { createTypedCall } from './typed-call.ts';
import {
  deviceDetailSchema,
  eventDataSchema,
  tslDataSchema,
  tslSchema,
  type AliyunDeviceDetail,
  type AliyunEventType,
} from './wire.ts';
import { ALIYUN_VOCABULARY } from './vocabulary.ts';

export { ALIYUN_VOCABULARY };

export { ALIYUN_DEVICE_LIST_OPTIONS } from './device-directory.ts';

/**
 * The Alibaba Cloud IoT Platform adapter. Speaks the RPC API's own parameters (unsigned) to
 * `/api/<backendId>/`; the Fleetlog server signs. Paging is tie-safe (see event-paging.ts);
 * several EventTypes are one stream each, merged in time order.
 */

const DAY = 86_400_000;
const API_PAGE_SIZE = 50;
const DEVICE_DETAIL_MAX_AGE_MS = 10_000;

export interface AliyunAdapterOptions extends Partial<RpcOptions> {
  now?: () => number;
  /** PageSize sent to QueryDeviceEventData (1–50); tests lower it to put page boundaries inside bursts. */
  apiPageSize?: number;
}

/** The EventType streams to read: one without a filter when the query means all types. */
export function streamTypesOf(levels: readonly string[]): Array<AliyunEventType | null> {
  const wanted = STREAM_RANK.filter((type) => levels.includes(type));
  return wanted.length === 0 || wanted.length === STREAM_RANK.length ? [null] : wanted;
}

/** The query window clamped to what the service keeps (the last 30 days); null when nothing is left. */
export function queryWindow(
  query: Pick<EventQuery, 'from' | 'to'>,
  now: number,
  retentionDays: number,
): { start: number; end: number } | null {
  const start = Math.max(query.from ?? 0, now - retentionDays * DAY);
  const end = Math.min(query.to ?? now, now);
  return start <= end ? { start: Math.ceil(start), end: Math.floor(end) } : null;
}

export function createAliyunAdapter(
  info: BackendInfo,
  options: AliyunAdapterOptions = {},
): BackendAdapter {
  const rpc: RpcCall = createRpc(info.id, {
    throttleRetryDelaysMs:
      options.throttleRetryDelaysMs ?? DEFAULT_RPC_OPTIONS.throttleRetryDelaysMs,
    transport: options.transport,
  });
  const now = options.now ?? Date.now;
  const retentionDays = info.capabilities.retentionDays ?? 30;
  const apiPageSize = Math.min(50, Math.max(1, options.apiPageSize ?? API_PAGE_SIZE));
  const details = new Map<string, { loadedAt: number; detail: Promise<AliyunDeviceDetail> }>();

  const call = createTypedCall(rpc);
  const directory = createDeviceDirectory(call, now);

  /**
   * QueryDeviceDetail, shared by the device page and the Identifier filter (which needs only the
   * ProductKey) so a deep link asks once; the device page takes an answer at most 10 s old.
   */
  function deviceDetail(
    deviceId: string,
    signal?: AbortSignal,
    maxAgeMs = Number.POSITIVE_INFINITY,
  ): Promise<AliyunDeviceDetail> {
    const cached = details.get(deviceId);
    if (cached && now() - cached.loadedAt <= maxAgeMs) return cached.detail;
    const detail = call(
      deviceDetailSchema,
      { Action: 'QueryDeviceDetail', IotId: deviceId },
      'device',
      signal,
    );
    const entry = { loadedAt: now(), detail };
    details.set(deviceId, entry);
    detail.catch(() => {
      if (details.get(deviceId) === entry) details.delete(deviceId);
    });
    return detail;
  }

  function fetchEventPage(deviceId: string, signal?: AbortSignal) {
    return (request: StreamRequest) => {
      const params: Record<string, string> = {
        Action: 'QueryDeviceEventData',
        IotId: deviceId,
        StartTime: String(request.startTime),
        EndTime: String(request.endTime),
        PageSize: String(apiPageSize),
        Asc: request.asc ? '1' : '0',
      };
      if (request.type) params.EventType = request.type;
      if (request.identifier) params.Identifier = request.identifier;
      return call(eventDataSchema, params, 'event page', signal);
    };
  }

  async function eventDefinitionsOf(
    productKey: string,
    functionBlockId: string | null,
    signal?: AbortSignal,
  ) {
    const params: Record<string, string> = {
      Action: 'GetThingModelTslPublished',
      ProductKey: productKey,
    };
    if (functionBlockId) params.FunctionBlockId = functionBlockId;
    const data = await call(tslDataSchema, params, 'thing model', signal);
    let json: unknown;
    try {
      json = JSON.parse(data.TslStr);
    } catch {
      throw invalidResponse('thing model', 'TslStr is not JSON');
    }
    return parseOrThrow(tslSchema, json, 'thing model');
  }

  return {
    info,
    vocabulary: ALIYUN_VOCABULARY,
    // 50 queries per second per account, shared by its RAM users; keep some for everyone else.
    // https://www.alibabacloud.com/help/en/iot/product-overview/limits
    requestsPerSecond: 40,
    deviceListOptions: ALIYUN_DEVICE_LIST_OPTIONS,

    listDevices: (query, cursor, signal) => directory.list(query, cursor, signal),

    async getDevice(deviceId, signal) {
      return mapDeviceDetail(await deviceDetail(deviceId, signal, DEVICE_DETAIL_MAX_AGE_MS));
    },

    async listEvents(query, cursor, pageSize, signal) {
      const types = streamTypesOf(query.levels);
      let state;
      if (cursor) {
        state = decodeCursor(cursor);
        const sameQuery =
          state !== null &&
          state.asc === (query.order === 'asc') &&
          state.identifier === (query.code || null) &&
          state.streams.map((s) => s.type).join() === types.join();
        if (!state || !sameQuery) {
          throw new BackendError('This page link no longer matches the filters. Reload the log.', {
            status: 400,
            code: 'invalid_cursor',
            retryable: false,
          });
        }
      } else {
        const window = queryWindow(query, now(), retentionDays);
        if (!window) return { events: [], nextCursor: null };
        state = initialState(
          window.start,
          window.end,
          query.order === 'asc',
          query.code || null,
          types,
        );
      }
      const page = await nextMergedPage(
        state,
        Math.max(1, Math.round(pageSize) || API_PAGE_SIZE),
        fetchEventPage(query.deviceId, signal),
      );
      const finished = page.state.streams.every((stream) => stream.done);
      return {
        events: page.records.map(mapEvent),
        nextCursor: finished ? null : encodeCursor(page.state),
        ...(page.malformed > 0 ? { malformed: page.malformed } : {}),
      };
    },

    async getEvent(deviceId, eventId, signal) {
      const parsed = parseEventId(eventId);
      if (!parsed) return null;
      const window = queryWindow({ from: parsed.time, to: parsed.time }, now(), retentionDays);
      if (!window) return null;
      const state = initialState(window.start, window.end, true, parsed.identifier, [
        parsed.eventType,
      ]);
      const fetchPage = fetchEventPage(deviceId, signal);
      // Walk the millisecond (normally one call) until the id shows up.
      for (let current = state; ;) {
        const page = await nextMergedPage(current, API_PAGE_SIZE, fetchPage);
        const found = page.records.find((record) => record.id === eventId);
        if (found) return mapEvent(found);
        if (page.records.length === 0 || page.state.streams.every((s) => s.done)) return null;
        current = page.state;
      }
    },

    async listEventDefinitions(deviceId, signal): Promise<EventDefinition[]> {
      const { ProductKey } = await deviceDetail(deviceId, signal);
      const main = await eventDefinitionsOf(ProductKey, null, signal);
      const modules = await Promise.all(
        (main.functionBlocks ?? []).map(async (block) => ({
          block,
          tsl: await eventDefinitionsOf(ProductKey, block.functionBlockId, signal),
        })),
      );
      const definitions: EventDefinition[] = main.events
        // `post` is the property report, not an event an operator filters on.
        .filter((event) => event.identifier !== 'post')
        .map((event) => ({
          code: event.identifier,
          name: event.name || event.identifier,
          level: event.type,
          payloadFields: mapPayloadFields(event.outputData),
        }));
      for (const { block, tsl } of modules) {
        for (const event of tsl.events) {
          if (event.identifier === 'post') continue;
          definitions.push({
            code: `${block.functionBlockId}:${event.identifier}`,
            name: `${event.name || event.identifier} (${block.functionBlockName || block.functionBlockId})`,
            level: event.type,
            payloadFields: mapPayloadFields(event.outputData),
          });
        }
      }
      return definitions;
    },
  };
}
