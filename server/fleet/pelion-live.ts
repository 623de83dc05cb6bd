/**
 * `live-sensor-001`, the Pelion demo's live device: a short history before the server started,
 * then one event every 2 s (see live-ticks.ts). It is the last device of the directory, after the
 * seeded fleet, so adding it changed no other device.
 */
import { describeEventCode, messageTypeOfCode } from '../../src/backends/pelion/event-codes.ts';
import type { GeneratedDevice } from './pelion-devices.ts';
import { eventIdMinter, pelionDeviceId } from './pelion-ids.ts';
import type { PelionDeviceRecord, StoredPelionEvent } from './pelion-model.ts';
import { liveTickTime } from './live-ticks.ts';

export const LIVE_PELION_DEVICE_NAME = 'live-sensor-001';

const DAY_MS = 86_400_000;

/** What the live device reports, tick by tick: mostly readings, a failure every 10th tick. */
const TICK_CODES = [
  'SYS_105',
  'SYS_106',
  'SYS_107',
  'SYS_108',
  'SYS_113',
  'SYS_114',
  'UPD4_OK_100',
  'SYS_115',
  'SYS_116',
  'UPD4_FAIL_101',
] as const;

export function liveDeviceOf(
  template: PelionDeviceRecord,
  seedOffsetMs: number,
  index: number,
  now: number,
): GeneratedDevice {
  const createdMs = now - 3 * DAY_MS;
  const record: PelionDeviceRecord = {
    ...template,
    id: pelionDeviceId(seedOffsetMs, index),
    name: LIVE_PELION_DEVICE_NAME,
    endpoint_name: 'air-live000000001',
    description: 'Demo device that reports every 2 seconds while the server runs',
    state: 'registered',
    lifecycle_status: 'enabled',
    host_gateway: '',
    serial_number: 'SN-LI-0000001',
    groups: [],
    custom_attributes: {},
    created_at: new Date(createdMs).toISOString(),
    updated_at: new Date(now).toISOString(),
    etag: new Date(now).toISOString(),
    bootstrapped_timestamp: new Date(createdMs + 60_000).toISOString(),
    manifest_timestamp: null,
    deployed_state: 'production',
  };
  return {
    index,
    record,
    plan: {
      targetEvents: 120,
      endMs: now - 60_000,
      spanMs: 2 * DAY_MS,
      bursty: false,
      legacyEvents: 0,
    },
  };
}

/** The event of tick `k`; `firstSequence` continues the ids after the device's history. */
export function liveTickEvent(
  device: GeneratedDevice,
  now: number,
  firstSequence: number,
  k: number,
): StoredPelionEvent {
  const time = liveTickTime(now, k);
  const code = TICK_CODES[(k - 1) % TICK_CODES.length]!;
  const messageType = messageTypeOfCode(code) ?? 'INFO';
  return {
    key: eventIdMinter(device.index)(time, firstSequence + k - 1),
    legacy: false,
    time,
    storedAfterMs: 40 + (k % 7) * 10,
    deviceId: device.record.id,
    eventType: code,
    messageType,
    category: messageType === 'FAIL' ? 'FAIL_NETWORK' : undefined,
    description: describeEventCode(code),
    stateChange: messageType === 'FAIL',
    campaignId: undefined,
  };
}
