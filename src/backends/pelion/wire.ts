import {
  array,
  boolean,
  looseObject,
  nullish,
  number,
  optional,
  string,
  union,
  unknown,
  wireSchema,
  withDefault,
  type Read,
} from '../wire-check.ts';

/**
 * Device Management wire format (api/pelion.md), validated at the edge. Objects are loose: the API
 * adds fields over time and the details panel shows the whole record, so nothing is stripped.
 * Only what the mapping needs is declared, and as leniently as the docs allow. Checked by the
 * small readers of wire-check.ts (same messages as the zod schemas they replaced; this adapter is
 * on every Pelion deep link's start-up path).
 */

const optionalText = nullish(string());

const readPelionEventRecord = looseObject(
  {
    // Only `id` and `date_time` are required by the spec; older payloads carry `device_log_id`.
    id: optionalText,
    device_log_id: optionalText,
    date_time: string(),
    device_id: optionalText,
    event_type: optionalText,
    event_type_category: optionalText,
    event_type_description: optionalText,
    description: optionalText,
    state_change: nullish(union<boolean | string>(boolean, string())),
    data: optional(unknown),
  },
  { valid: (event) => Boolean(event.id ?? event.device_log_id), message: 'event without id' },
);

export const pelionEventSchema = wireSchema(readPelionEventRecord);

type Output<R> = R extends Read<infer T> ? T : never;

export type PelionEvent = Output<typeof readPelionEventRecord>;

const OPTIONAL_TEXT_FIELDS = [
  'id',
  'device_log_id',
  'device_id',
  'event_type',
  'event_type_category',
  'event_type_description',
  'description',
] as const;

/**
 * `pelionEventSchema`'s verdict on one record of a list page, without building a copy of it: a
 * long log runs 200 records per page through here while the reader scrolls, and the schema's
 * parse (which clones every record) was most of a page's cost. Accepts exactly what the schema
 * accepts (wire.test.ts compares the two); returns the record itself, or null.
 */
export function readPelionEvent(item: unknown): PelionEvent | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const record = item as Record<string, unknown>;
  if (typeof record.date_time !== 'string') return null;
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return null;
  }
  const stateChange = record.state_change;
  if (
    stateChange !== undefined &&
    stateChange !== null &&
    typeof stateChange !== 'boolean' &&
    typeof stateChange !== 'string'
  )
    return null;
  if (!(record.id ?? record.device_log_id)) return null;
  return record as PelionEvent;
}

export const pelionDeviceSchema = wireSchema(
  looseObject({
    id: string(),
    name: optionalText,
    state: optionalText,
    lifecycle_status: optionalText,
    endpoint_name: optionalText,
    device_class: optionalText,
    endpoint_type: optionalText,
    firmware_checksum: optionalText,
    serial_number: optionalText,
    created_at: optionalText,
    updated_at: optionalText,
  }),
);

export type PelionDevice = ReturnType<typeof pelionDeviceSchema.parse>;

/** The list envelope; items are validated one by one so one odd record cannot sink a page. */
export const pelionListSchema = wireSchema(
  looseObject({
    data: array(unknown),
    has_more: withDefault(boolean, false),
    total_count: nullish(number({ atLeast: 0 })),
  }),
);

export type PelionList = ReturnType<typeof pelionListSchema.parse>;
