import * as z from 'zod/mini';

/**
 * Device Management wire format (api/pelion.md), validated at the edge. Objects are loose: the API
 * adds fields over time and the details panel shows the whole record, so nothing is stripped.
 * Only what the mapping needs is declared, and as leniently as the docs allow.
 */

const optionalText = z.nullish(z.string());

export const pelionEventSchema = z
  .looseObject({
    // Only `id` and `date_time` are required by the spec; older payloads carry `device_log_id`.
    id: optionalText,
    device_log_id: optionalText,
    date_time: z.string(),
    device_id: optionalText,
    event_type: optionalText,
    event_type_category: optionalText,
    event_type_description: optionalText,
    description: optionalText,
    state_change: z.nullish(z.union([z.boolean(), z.string()])),
    data: z.optional(z.unknown()),
  })
  .check(
    z.refine((event) => Boolean(event.id ?? event.device_log_id), { message: 'event without id' }),
  );

export type PelionEvent = z.infer<typeof pelionEventSchema>;

export const pelionDeviceSchema = z.looseObject({
  id: z.string(),
  name: optionalText,
  state: optionalText,
  lifecycle_status: optionalText,
  endpoint_name: optionalText,
  device_class: optionalText,
  firmware_checksum: optionalText,
  serial_number: optionalText,
  created_at: optionalText,
});

export type PelionDevice = z.infer<typeof pelionDeviceSchema>;

/** The list envelope; items are validated one by one so one odd record cannot sink a page. */
export const pelionListSchema = z.looseObject({
  data: z.array(z.unknown()),
  has_more: z._default(z.boolean(), false),
  total_count: z.nullish(z.number().check(z.nonnegative())),
});

export type PelionList = z.infer<typeof pelionListSchema>;
