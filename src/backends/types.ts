/**
 * The backend port: what the features of the SPA know about a backend. One folder per backend kind
 * (`pelion/`, `aliyun/`) implements `BackendAdapter`, validates its wire format at the edge
 * (Pelion with the small readers of wire-check.ts, Alibaba with zod) and maps it to these neutral
 * types right there. Features never see wire types, and never
 * ask which kind a backend is: what differs between kinds is described by the adapter
 * (`vocabulary`, `deviceListOptions`, optional methods) and the backend's `capabilities`.
 */
import type { PublicBackend } from './contract.ts';
import type { EventVocabulary } from './vocabulary.ts';

export type { BackendCapabilities } from './contract.ts';
export type { EventVocabulary } from './vocabulary.ts';

/** One entry of `GET /api/backends` (see contract.ts); `kind` names the adapter that reads it. */
export type BackendInfo = PublicBackend;

/**
 * A level as the backend's vocabulary defines it (Pelion Message type `FAIL`, Alibaba EventType
 * `error`, …). Features never compare it to a literal: they read its description from
 * `adapter.vocabulary`.
 */
export type EventLevel = string;

export interface Device {
  /** The id used in URLs: Pelion `id`, Alibaba `IotId`. */
  id: string;
  /** Display name; null when the device has none (show the id). */
  name: string | null;
  /** Normalised state shown in the list, e.g. `registered` or `ONLINE`. */
  status: string;
  /** Secondary facts for the header and list: label → value (e.g. Class, Firmware, Product). */
  facts: Array<{ label: string; value: string }>;
  createdAt: string | null;
  /**
   * What the device list shows beside the name, as the operator would recognise it: the model
   * (Pelion endpoint type and short class id; Alibaba product name) and firmware, each with the
   * full value for a tooltip; absent when the backend does not say.
   */
  model?: DeviceLabel;
  firmware?: DeviceLabel;
  /** The backend's most recent contact time for the device (ISO 8601); see `lastSeenLabel`. */
  lastSeenAt?: string | null;
  raw: unknown;
}

/** A value as a table cell shows (and sorts) it; `full` is the complete value, for a tooltip. */
export interface DeviceLabel {
  text: string;
  full?: string;
}

export interface DeviceQuery {
  /** Free text (name/id). */
  search?: string;
  status?: string;
  sort?: string;
}

export interface DevicePage {
  devices: Device[];
  nextCursor: string | null;
  totalCount?: number;
  /**
   * Some columns (say firmware, last seen) are still being read: the rows show what is known and
   * the same call a moment later answers with more. Absent when the page is whole.
   */
  incomplete?: boolean;
}

export interface DeviceEvent {
  /** Stable id: Pelion `id`; Alibaba an id the adapter derives from the record. */
  id: string;
  /** Milliseconds since the epoch (UTC). */
  time: number;
  /** The original timestamp text (keeps sub-millisecond precision where the API has it). */
  timeText: string;
  level: EventLevel;
  /** The raw level when it differs from `level` (Pelion UNDETERMINED shown as INFO). */
  rawLevel?: string;
  isFailure: boolean;
  /** Pelion `event_type` (e.g. UPD4_FAIL_101); Alibaba `Identifier`. */
  code: string;
  /** Pelion `event_type_category`; Alibaba: none. */
  category?: string;
  /** Pelion `description`; Alibaba `Name`. */
  description: string;
  stateChange?: boolean;
  /** Structured payload (Pelion `data`; Alibaba parsed `OutputData`, big integers kept exact). */
  payload?: unknown;
  /** The full wire record, for the details panel. */
  raw: unknown;
  /** The device that reported it, when the record says (fleet-wide lists need it). */
  deviceId?: string;
}

export type SortOrder = 'asc' | 'desc';

/** A query across the whole fleet: the same filters without a device. */
export type FleetEventQuery = Omit<EventQuery, 'deviceId'>;

export interface EventQuery {
  deviceId: string;
  /** Levels to show; empty = all. */
  levels: EventLevel[];
  /** Only events with this code (a value of `listEventDefinitions`); needs `codeFilter`. */
  code?: string;
  /** Inclusive range in ms; undefined = unbounded (adapters clamp to retention). */
  from?: number;
  to?: number;
  order: SortOrder;
}

/**
 * Which events to count: the filters of an `EventQuery` in a closed window of milliseconds
 * (`from` and `to` both included, as the list's bounds are). Order does not matter to a count.
 */
export type EventCountQuery = Omit<EventQuery, 'order' | 'from' | 'to'> & {
  from: number;
  to: number;
};

/** Opaque continuation; adapters serialise whatever they need into it. */
export type Cursor = string;

export interface EventPage {
  events: DeviceEvent[];
  /** null once no page is left. */
  nextCursor: Cursor | null;
  totalCount?: number;
  /**
   * Records in the backend's answer that could not be read (no id, no time, wrong types) and were
   * left out, so the view can say so instead of failing the page or hiding them silently.
   */
  malformed?: number;
}

/** A choice the device list offers for `?status=` or `?sort=`; `value` goes in the URL. */
export interface DeviceListChoice {
  value: string;
  label: string;
}

/** Device list columns a backend can sort by. */
export type DeviceSortColumn = 'name' | 'status' | 'model' | 'firmware' | 'lastSeen' | 'created';

/** A sort choice; `column` and `direction` let a column header offer it. */
export interface DeviceSortChoice extends DeviceListChoice {
  column: DeviceSortColumn;
  direction: SortOrder;
}

/** What the device list can filter and sort by on this backend. */
export interface DeviceListOptions {
  /** Every state the backend reports, with the label shown in the filter and in the list. */
  statuses: DeviceListChoice[];
  /** The first one is the default order. */
  sorts: DeviceSortChoice[];
  /** Header of the model column (e.g. `Product`); default `Model`. */
  modelLabel?: string;
  /** Header of the last-contact column, named for what the backend reports; default `Last seen`. */
  lastSeenLabel?: string;
}

export interface BackendAdapter {
  readonly info: BackendInfo;
  /** What this kind calls its levels and event fields; the Event log renders from it. */
  readonly vocabulary: EventVocabulary;
  /**
   * Requests per second the backend allows this client, for work that pages on its own (an
   * export); absent → no documented limit.
   */
  readonly requestsPerSecond?: number;
  /** Status filter and sort choices for the device list; absent → free-text status, no sort. */
  readonly deviceListOptions?: DeviceListOptions;
  listDevices(query: DeviceQuery, cursor: Cursor | null, signal?: AbortSignal): Promise<DevicePage>;
  getDevice(deviceId: string, signal?: AbortSignal): Promise<Device>;
  /**
   * The devices of these ids that exist, in as few calls as the API allows (the fleet feed names
   * the devices of the events it shows); absent when the API reads one device at a time.
   */
  getDevices?(deviceIds: readonly string[], signal?: AbortSignal): Promise<Device[]>;
  /** One page of a device's events; `pageSize` is a hint the adapter clamps to the API's limits. */
  listEvents(
    query: EventQuery,
    cursor: Cursor | null,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<EventPage>;
  /**
   * One page of every device's events (the fleet-wide feed); absent when the backend's API has no
   * query across devices.
   */
  listFleetEvents?(
    query: FleetEventQuery,
    cursor: Cursor | null,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<EventPage>;
  /**
   * How many of a device's events match `query`, as the backend itself counts them (the whole
   * window, not a page); absent when the API cannot count, and views then count what they hold
   * and say so. A level filter counts the events the backend files under those levels.
   */
  countEvents?(query: EventCountQuery, signal?: AbortSignal): Promise<number>;
  /** One event by id, or null when it does not exist (used by event deep links). */
  getEvent(deviceId: string, eventId: string, signal?: AbortSignal): Promise<DeviceEvent | null>;
  /** Event kinds the device's model declares (Alibaba TSL), for the code filter; absent when the backend has none. */
  listEventDefinitions?(deviceId: string, signal?: AbortSignal): Promise<EventDefinition[]>;
  /**
   * A page as an export writes it, each event with its `raw` record, for an adapter whose
   * `listEvents` leaves `raw` out (an opened export reads it from the file on demand); absent →
   * an export pages with `listEvents`.
   */
  listEventsForExport?(
    query: EventQuery,
    cursor: Cursor | null,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<EventPage>;
  /**
   * The backend an export of this log names in its first line, when that is not this adapter's
   * own (an opened export names the backend its file came from, so exporting it again writes a
   * file that opens as that backend's log again); absent → `info`.
   */
  readonly exportOrigin?: { backendId: string; kind: string; backendLabel: string };
}

export interface EventDefinition {
  /** The event's code as the filter sends it (Alibaba: `module:Identifier` in a custom module). */
  code: string;
  name: string;
  level: EventLevel;
  /** The fields of the event's payload the model declares (Alibaba: the TSL's outputData). */
  payloadFields?: PayloadFieldDefinition[];
}

/** One declared payload field: its key in the payload, its name, unit and value labels. */
export interface PayloadFieldDefinition {
  key: string;
  name: string;
  unit?: string;
  /** Labels of coded values (an enum's or a bool's), by the value as text. */
  valueLabels?: Record<string, string>;
}

/**
 * An error from a backend call, carrying what an operator needs to report it: the HTTP status,
 * the backend's error code and its request id.
 */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly details: {
      /** What the failure means, for the app's logic (404: no such device; 429: throttled). */
      status: number;
      /**
       * The status the answer came with over the wire, when it differs from `status` (Alibaba
       * answers throttling with 400 and business errors with 200). Shown to the operator.
       */
      httpStatus?: number;
      code?: string;
      requestId?: string;
      /** Seconds to wait before retrying (throttling), when the backend says. */
      retryAfter?: number;
      /** true when retrying the same request may succeed (timeouts, throttling, 5xx). */
      retryable: boolean;
    },
  ) {
    super(message);
    this.name = 'BackendError';
  }
}
