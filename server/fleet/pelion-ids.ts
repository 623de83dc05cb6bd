/**
 * Id shapes of the demo fleet. Real Device Management ids are 32 lowercase hex characters whose
 * first 12 digits are a millisecond timestamp; the demo keeps that shape and packs the device's
 * index into event ids so a single event can be found without scanning the fleet.
 */

export const hex = (value: number, width: number): string =>
  value.toString(16).padStart(width, '0');

/** Device ids depend only on the seed and the index, so notable ids are constants for a seed. */
export function pelionDeviceId(seedOffsetMs: number, index: number): string {
  const createdMs = DEVICE_ID_EPOCH_MS + seedOffsetMs + index * 3_601_000;
  return `${hex(createdMs, 12)}0000000000010010${hex(index, 4)}`;
}

/** 2019-01-01T00:00:00Z: device ids are minted from here on. */
const DEVICE_ID_EPOCH_MS = Date.UTC(2019, 0, 1);

/** Event id: ms timestamp (12) + 0000 + device index (6) + per-device sequence (10). */
export function pelionEventId(timeMs: number, deviceIndex: number, sequence: number): string {
  return eventIdMinter(deviceIndex)(timeMs, sequence);
}

/** The same ids, minted faster for a whole history: the device part is formatted once. */
export function eventIdMinter(deviceIndex: number): (timeMs: number, sequence: number) => string {
  const devicePart = `0000${hex(deviceIndex, 6)}`;
  return (timeMs, sequence) => hex(timeMs, 12) + devicePart + hex(sequence, 10);
}

const EVENT_ID = /^[0-9a-f]{32}$/;

/** The device index packed into an event id, or undefined for an id this fleet never minted. */
export function deviceIndexOfEventId(id: string): number | undefined {
  if (!EVENT_ID.test(id)) return undefined;
  return Number.parseInt(id.slice(16, 22), 16);
}
