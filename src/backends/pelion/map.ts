import type { Device, DeviceEvent, DeviceLabel } from '../types.ts';
import { formatFactInstant } from '../fact-instant.ts';
import {
  describeEventCode,
  messageTypeOfCode,
  normaliseMessageType,
  type MessageType,
} from './event-codes.ts';
import type { PelionDevice, PelionEvent } from './wire.ts';

/** Mapping from the validated wire records to the neutral model. Pure, so it is unit-tested alone. */

export function pelionEventId(event: PelionEvent): string {
  // The schema guarantees one of them.
  return (event.id ?? event.device_log_id)!;
}

function levelOf(event: PelionEvent): MessageType {
  const wire = event.event_type_description;
  return (
    (wire ? normaliseMessageType(wire) : undefined) ??
    messageTypeOfCode(event.event_type ?? '') ??
    'INFO'
  );
}

function parseStateChange(value: PelionEvent['state_change']): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return undefined;
}

export function mapPelionEvent(event: PelionEvent): DeviceEvent {
  const level = levelOf(event);
  const rawLevel = event.event_type_description ?? undefined;
  const code = event.event_type ?? '';
  const time = Date.parse(event.date_time);
  return {
    id: pelionEventId(event),
    time: Number.isNaN(time) ? 0 : time,
    timeText: event.date_time,
    level,
    ...(rawLevel !== undefined && rawLevel !== level ? { rawLevel } : {}),
    isFailure: level === 'FAIL',
    code,
    ...(event.event_type_category ? { category: event.event_type_category } : {}),
    description: event.description || (code ? describeEventCode(code) : ''),
    ...(parseStateChange(event.state_change) !== undefined
      ? { stateChange: parseStateChange(event.state_change) }
      : {}),
    ...(event.data !== undefined ? { payload: event.data } : {}),
    raw: event,
    ...(event.device_id ? { deviceId: event.device_id } : {}),
  };
}

/** Checksums are 64 hex digits; the first 12 identify a build well enough at a glance. */
export function shortChecksum(checksum: string): string {
  return checksum.length > 12 ? `${checksum.slice(0, 12)}…` : checksum;
}

/** Device Management's own endpoint types; anything else is a type the account defined. */
const ENDPOINT_TYPE_NAMES: Record<string, string> = {
  MBED_DEVICE: 'Device',
  MBED_GW: 'Gateway',
};

/**
 * `device_class` is a 32-hex id with no name anywhere in the API. The list shows what an operator
 * can tell apart at a glance: the endpoint type in words and the class's first 8 digits (enough to
 * tell a fleet's classes apart; the full id is in the tooltip and sorts the column).
 */
export function pelionModel(device: PelionDevice): DeviceLabel | undefined {
  const type = device.endpoint_type
    ? (ENDPOINT_TYPE_NAMES[device.endpoint_type] ?? device.endpoint_type)
    : null;
  const deviceClass = device.device_class || null;
  if (!type && !deviceClass) return undefined;
  const shortClass =
    deviceClass && deviceClass.length > 8 ? `${deviceClass.slice(0, 8)}…` : deviceClass;
  const text = [type, shortClass].filter(Boolean).join(' · ');
  const full = [
    deviceClass ? `device_class ${deviceClass}` : null,
    device.endpoint_type ? `endpoint_type ${device.endpoint_type}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return { text, full };
}

function modelOf(device: PelionDevice): { model?: DeviceLabel } {
  const model = pelionModel(device);
  return model ? { model } : {};
}

export function mapPelionDevice(device: PelionDevice): Device {
  const facts: Array<{ label: string; value: string }> = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) facts.push({ label, value });
  };
  add('Class', device.device_class);
  add('Firmware', device.firmware_checksum ? shortChecksum(device.firmware_checksum) : null);
  add('Endpoint', device.endpoint_name);
  add('Lifecycle', device.lifecycle_status);
  add('Serial', device.serial_number);
  add('Created', device.created_at ? formatFactInstant(device.created_at) : null);
  return {
    id: device.id,
    name: device.name || null,
    status: device.state || 'unknown',
    facts,
    createdAt: device.created_at ?? null,
    ...modelOf(device),
    ...(device.firmware_checksum
      ? {
          firmware: {
            text: shortChecksum(device.firmware_checksum),
            full: device.firmware_checksum,
          },
        }
      : {}),
    // The directory has no last-contact time; updated_at (the record's last change) is what it offers.
    lastSeenAt: device.updated_at ?? null,
    raw: device,
  };
}
