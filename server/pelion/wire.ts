/**
 * zod schemas of the Device Management wire format the simulator produces (api/pelion.md).
 * The simulator's tests parse every answer with them, so a drift from the documented shapes fails
 * a test rather than a client.
 */
import { z } from 'zod';

const hex32 = z.string().regex(/^[0-9a-f]{32}$/);
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const messageType = z.enum(['SUCCESS', 'FAIL', 'SKIPPED', 'INFO', 'UNDETERMINED']);

export const pelionEventSchema = z
  .object({
    object: z.literal('device-event').optional(),
    id: hex32.optional(),
    device_log_id: hex32.optional(),
    date_time: timestamp,
    created_at: timestamp.optional(),
    etag: timestamp.optional(),
    device_id: hex32,
    event_type: z.string().min(1),
    event_type_category: z
      .enum(['FAIL_SERVICE', 'FAIL_NETWORK', 'FAIL_MANIFEST_REJECTED'])
      .optional(),
    event_type_description: messageType,
    description: z.string(),
    state_change: z.boolean(),
    changes: z.object({}).strict(),
    data: z.record(z.string(), z.string()),
  })
  .strict()
  .refine(
    (e) => (e.id === undefined) !== (e.device_log_id === undefined),
    'exactly one of id, device_log_id',
  );

export const pelionDeviceSchema = z
  .object({
    object: z.literal('device'),
    id: hex32,
    name: z.string().nullable(),
    endpoint_name: z.string(),
    state: z.enum(['unenrolled', 'cloud_enrolling', 'bootstrapped', 'registered', 'deregistered']),
    lifecycle_status: z.enum(['enabled', 'blocked']),
    device_class: z.string(),
    firmware_checksum: z.string(),
    serial_number: z.string(),
    vendor_id: z.string(),
    host_gateway: z.string(),
    endpoint_type: z.string(),
    description: z.string(),
    groups: z.array(z.string()),
    custom_attributes: z.record(z.string(), z.string()),
    created_at: timestamp,
    updated_at: timestamp,
    bootstrapped_timestamp: timestamp.nullable(),
    manifest_timestamp: timestamp.nullable(),
  })
  .loose();

export const pelionListSchema = <T extends z.ZodType>(item: T) =>
  z
    .object({
      object: z.literal('list'),
      data: z.array(item),
      limit: z.number().int().min(2).max(1000),
      after: z.string().nullable(),
      order: z.enum(['ASC', 'DESC']),
      has_more: z.boolean(),
      total_count: z.number().int().nonnegative().optional(),
    })
    .strict();

export const pelionErrorSchema = z
  .object({
    object: z.literal('error'),
    code: z.number().int(),
    type: z.string(),
    message: z.string(),
    fields: z.array(z.object({ name: z.string(), message: z.string() }).strict()).optional(),
    request_id: hex32,
  })
  .strict();
