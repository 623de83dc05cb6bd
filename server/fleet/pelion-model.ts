/** The in-memory model of the Pelion demo fleet, shared by the generator and the simulator. */
import type { WireMessageType } from '../../src/backends/pelion/event-codes.ts';

/** A device exactly as `GET /v3/devices/{id}` returns it. */
export interface PelionDeviceRecord {
  object: 'device';
  id: string;
  name: string | null;
  endpoint_name: string;
  description: string;
  state: 'unenrolled' | 'cloud_enrolling' | 'bootstrapped' | 'registered' | 'deregistered';
  lifecycle_status: 'enabled' | 'blocked';
  operator_suspended: boolean;
  system_suspended: boolean;
  device_class: string;
  endpoint_type: string;
  host_gateway: string;
  firmware_checksum: string;
  serial_number: string;
  vendor_id: string;
  groups: string[];
  custom_attributes: Record<string, string>;
  component_attributes: Record<string, string>;
  created_at: string;
  updated_at: string;
  bootstrapped_timestamp: string | null;
  manifest_timestamp: string | null;
  deployed_state: 'development' | 'production';
  device_execution_mode: 0 | 1 | 5;
  mechanism: 'connector';
  mechanism_url: string;
  auto_update: boolean;
  bootstrap_expiration_date: string | null;
  connector_expiration_date: string | null;
  account_id: string;
  ca_id: string;
  etag: string;
}

/**
 * One event, stored compactly (the 100k-event device would otherwise hold 100k nested JSON
 * objects); `toWireEvent` renders the API record on the way out, and `wireEventJson` its JSON text.
 */
export interface StoredPelionEvent {
  /** `id`, or `device_log_id` for an old-style record: the same 32-hex shape either way. */
  key: string;
  /** Old-style record: carries `device_log_id` instead of `id`. */
  legacy: boolean;
  /** `date_time` in ms since the epoch. */
  time: number;
  /** Delay between the event and its storage (`created_at`). */
  storedAfterMs: number;
  deviceId: string;
  eventType: string;
  messageType: WireMessageType;
  category: string | undefined;
  description: string;
  stateChange: boolean;
  campaignId: string | undefined;
}

export interface PelionEventRecord {
  object?: 'device-event';
  id?: string;
  device_log_id?: string;
  date_time: string;
  created_at?: string;
  etag?: string;
  device_id: string;
  event_type: string;
  event_type_category?: string;
  event_type_description: WireMessageType;
  description: string;
  state_change: boolean;
  changes: Record<string, never>;
  data: Record<string, string>;
}

const DAY_MS = 86_400_000;
/** One-entry cache of the date part: a page's events mostly share a few days. */
let cachedDay = Number.NaN;
let cachedDayPrefix = '';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * Pelion timestamps carry microseconds: 2019-07-18T06:45:23.662000Z.
 * A page of 1,000 events formats 2,000 of them and `Date#toISOString` costs ~1 µs a call on
 * Node 20, so only the date part goes through it (once per day); the time part is arithmetic.
 */
export function pelionTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    // toISOString also covers the extended-year forms, should a timestamp ever need one.
    cachedDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, -13);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = Math.floor(rest - seconds * 1000);
  return `${cachedDayPrefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(millis)}000Z`;
}

export function toWireEvent(event: StoredPelionEvent): PelionEventRecord {
  const dateTime = pelionTimestamp(event.time);
  const data: Record<string, string> =
    event.campaignId === undefined ? {} : { campaign_id: event.campaignId };
  if (event.legacy) {
    // Shape of the pre-2017 payloads: no object/id/created_at, the key is device_log_id.
    return {
      date_time: dateTime,
      device_id: event.deviceId,
      device_log_id: event.key,
      event_type: event.eventType,
      event_type_description: event.messageType,
      ...(event.category === undefined ? {} : { event_type_category: event.category }),
      state_change: event.stateChange,
      description: event.description,
      changes: {},
      data,
    };
  }
  const createdAt = pelionTimestamp(event.time + event.storedAfterMs);
  return {
    object: 'device-event',
    id: event.key,
    date_time: dateTime,
    created_at: createdAt,
    etag: createdAt,
    device_id: event.deviceId,
    event_type: event.eventType,
    ...(event.category === undefined ? {} : { event_type_category: event.category }),
    event_type_description: event.messageType,
    description: event.description,
    state_change: event.stateChange,
    changes: {},
    data,
  };
}

/** `JSON.stringify` of a field that is not hex or a timestamp (codes and texts could hold quotes). */
const quote = JSON.stringify;

/**
 * Exactly `JSON.stringify(toWireEvent(event))`, byte for byte (a test pins that down), without
 * building the intermediate object: the 1,000-event page is ~400 KB of JSON and generic
 * serialisation of fresh objects dominated its cost. Ids, device ids and campaign ids are hex by
 * construction and timestamps are fixed-shape, so only the text fields need escaping.
 */
export function wireEventJson(event: StoredPelionEvent): string {
  const dateTime = pelionTimestamp(event.time);
  const category =
    event.category === undefined ? '' : `"event_type_category":${quote(event.category)},`;
  const data = event.campaignId === undefined ? '{}' : `{"campaign_id":"${event.campaignId}"}`;
  if (event.legacy) {
    // The pre-2017 shape and key order, as toWireEvent builds it.
    return (
      `{"date_time":"${dateTime}","device_id":"${event.deviceId}","device_log_id":"${event.key}",` +
      `"event_type":${quote(event.eventType)},"event_type_description":"${event.messageType}",` +
      `${category}"state_change":${event.stateChange},"description":${quote(event.description)},` +
      `"changes":{},"data":${data}}`
    );
  }
  const createdAt = pelionTimestamp(event.time + event.storedAfterMs);
  return (
    `{"object":"device-event","id":"${event.key}","date_time":"${dateTime}",` +
    `"created_at":"${createdAt}","etag":"${createdAt}","device_id":"${event.deviceId}",` +
    `"event_type":${quote(event.eventType)},${category}` +
    `"event_type_description":"${event.messageType}",` +
    `"description":${quote(event.description)},"state_change":${event.stateChange},` +
    `"changes":{},"data":${data}}`
  );
}
