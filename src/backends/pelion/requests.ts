import type { Cursor, EventCountQuery, EventQuery, FleetEventQuery } from '../types.ts';
import {
  EVENT_CODES_BY_MESSAGE_TYPE,
  MESSAGE_TYPES,
  codesOtherThan,
  type MessageType,
} from './event-codes.ts';

/**
 * The URLs the Pelion adapter requests from the Fleetlog server. Pure, and shared with the server,
 * which names a deep link's first requests in the HTML it serves (`<link rel="preload">`): the
 * browser only reuses a preloaded response for a byte-identical URL, so both build it here.
 */

const MIN_LIMIT = 2;
/** The most records one list call returns. */
export const PELION_MAX_LIMIT = 1000;

function clampLimit(size: number): number {
  return Math.min(PELION_MAX_LIMIT, Math.max(MIN_LIMIT, Math.round(size) || MIN_LIMIT));
}

/** RFC 3339 in UTC with millisecond precision, as the API's `date_time__*` filters take. */
export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Query strings are built by hand so comma lists stay literal commas (codes and ids are
 * `[A-Za-z0-9_]`): `%2C` would triple the length of a long `event_type__nin`.
 */
export function queryString(params: Array<[string, string]>): string {
  return params
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(value).replaceAll('%2C', ',')}`,
    )
    .join('&');
}

/** The Message types to request, or null when the query means "all". */
export function messageTypesOf(query: Pick<EventQuery, 'levels'>): MessageType[] | null {
  const wanted = MESSAGE_TYPES.filter((type) => query.levels.includes(type));
  return wanted.length === 0 || wanted.length === MESSAGE_TYPES.length ? null : wanted;
}

/** `deviceId` absent: every device's events (the API lists the whole account without the filter). */
export function eventListParams(
  query: FleetEventQuery & { deviceId?: string },
  cursor: Cursor | null,
  pageSize: number,
): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ...(query.deviceId === undefined
      ? []
      : [['device_id__eq', query.deviceId] as [string, string]]),
    ['order', query.order === 'asc' ? 'ASC' : 'DESC'],
    ['limit', String(clampLimit(pageSize))],
  ];
  if (cursor) params.push(['after', cursor]);
  else params.push(['include', 'total_count']);
  if (query.from !== undefined) params.push(['date_time__gte', toRfc3339(query.from)]);
  if (query.to !== undefined) params.push(['date_time__lte', toRfc3339(query.to)]);
  const types = messageTypesOf(query);
  // No server-side filter on Message type exists; excluding every code of the other types gets
  // close, and the client drops the rest (codes missing from the table).
  if (types) params.push(['event_type__nin', codesOtherThan(types).join(',')]);
  return params;
}

/**
 * A count: the smallest page (`limit=2`, the API's floor) with `include=total_count`, whose
 * `total_count` covers every matching event, however many pages they would fill. A Message type
 * filter counts by code (`event_type__in` of the published codes of those types): exact for every
 * code in the table, where the list's `event_type__nin` would count an unknown code under every
 * type. An unfiltered count takes every event, unknown codes included.
 */
export function eventCountParams(query: EventCountQuery): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ['device_id__eq', query.deviceId],
    ['limit', String(MIN_LIMIT)],
    ['include', 'total_count'],
    ['date_time__gte', toRfc3339(query.from)],
    ['date_time__lte', toRfc3339(query.to)],
  ];
  const types = messageTypesOf(query);
  if (types) {
    const codes = types.flatMap((type) => EVENT_CODES_BY_MESSAGE_TYPE[type].map((c) => c.code));
    params.push(['event_type__in', codes.join(',')]);
  }
  return params;
}

/** Where the Fleetlog server forwards a Pelion backend's API (it adds the access key). */
export function pelionApiBase(backendId: string): string {
  return `/api/${encodeURIComponent(backendId)}/v3`;
}

export const pelionUrls = {
  /** A page of the device directory. */
  devices: (backendId: string, params: Array<[string, string]>) =>
    `${pelionApiBase(backendId)}/devices?${queryString(params)}`,
  device: (backendId: string, deviceId: string) =>
    `${pelionApiBase(backendId)}/devices/${encodeURIComponent(deviceId)}`,
  event: (backendId: string, eventId: string) =>
    `${pelionApiBase(backendId)}/device-events/${encodeURIComponent(eventId)}`,
  eventCount: (backendId: string, query: EventCountQuery) =>
    `${pelionApiBase(backendId)}/device-events?${queryString(eventCountParams(query))}`,
  eventList: (
    backendId: string,
    query: FleetEventQuery & { deviceId?: string },
    cursor: Cursor | null,
    pageSize: number,
  ) =>
    `${pelionApiBase(backendId)}/device-events?${queryString(eventListParams(query, cursor, pageSize))}`,
};
