/**
 * The filterable fields of Device Management's list calls and the operators each takes (Device
 * Directory API reference, developer.izumanetworks.com: `GET /v3/devices`, `GET /v3/device-events`).
 * One table for both sides: the forwarding allow-list refuses any other filter, and the simulator
 * reads exactly these, so the two cannot drift apart.
 */

export type Operator = 'eq' | 'neq' | 'in' | 'nin' | 'gte' | 'lte';
export type FieldKind = 'string' | 'boolean' | 'date';

export interface FieldSpec {
  kind: FieldKind;
  operators: readonly Operator[];
}

const TEXT: FieldSpec = { kind: 'string', operators: ['eq', 'neq', 'in', 'nin'] };
const DATE: FieldSpec = { kind: 'date', operators: ['in', 'nin', 'lte', 'gte'] };

export const DEVICE_TEXT_FIELDS = [
  'name',
  'id',
  'state',
  'lifecycle_status',
  'endpoint_name',
  'device_class',
  'endpoint_type',
  'host_gateway',
  'serial_number',
  'vendor_id',
  'firmware_checksum',
] as const;

export const DEVICE_DATE_FIELDS = [
  'created_at',
  'updated_at',
  'bootstrapped_timestamp',
  'manifest_timestamp',
] as const;

/** `GET /v3/devices`. */
export const DEVICE_FILTER_FIELDS: Readonly<Record<string, FieldSpec>> = Object.fromEntries([
  ...DEVICE_TEXT_FIELDS.map((field) => [field, TEXT] as const),
  ...DEVICE_DATE_FIELDS.map((field) => [field, DATE] as const),
]);

/** `GET /v3/device-events`. */
export const EVENT_FILTER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  device_id: TEXT,
  event_type: TEXT,
  description: TEXT,
  id: TEXT,
  state_change: { kind: 'boolean', operators: ['eq', 'neq'] },
  date_time: DATE,
};
