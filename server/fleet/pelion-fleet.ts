/**
 * The Pelion demo fleet: a deterministic device directory (built eagerly, ~320 devices) whose
 * event histories are generated lazily, per device, on first access and then cached, so start-up
 * stays instant even though one device has more than 100,000 events.
 *
 * Deterministic for a given (seed, now): same inputs, byte-identical API answers. Device ids
 * depend on the seed only (not on `now`), which is why `NOTABLE_PELION_DEVICES` can be constants.
 * Event times and ids are anchored to `now`: histories end shortly before it.
 */
import { createRng, hashSeed } from './prng.ts';
import { generateDevices, type GeneratedDevice } from './pelion-devices.ts';
import { generateHistory } from './pelion-history.ts';
import { deviceIndexOfEventId, pelionDeviceId } from './pelion-ids.ts';
import type { PelionDeviceRecord, StoredPelionEvent } from './pelion-model.ts';
import { liveSeries, liveTicksPassed } from './live-ticks.ts';
import { liveDeviceOf, liveTickEvent } from './pelion-live.ts';

export type { PelionDeviceRecord, PelionEventRecord, StoredPelionEvent } from './pelion-model.ts';
export { pelionTimestamp, toWireEvent, wireEventJson } from './pelion-model.ts';

/** The seed of the demo (the date of the API doc's sample event, 2019-07-18). */
export const PELION_DEFAULT_SEED = 20190718;
/** The seeded fleet; the live device (`live-sensor-001`) comes after it, as one more. */
export const PELION_FLEET_SIZE = 320;

export interface PelionFleet {
  readonly seed: number;
  readonly now: number;
  /** Every device, ordered by (created_at, id): the directory's ASC order. */
  readonly devices: readonly PelionDeviceRecord[];
  device(id: string): PelionDeviceRecord | undefined;
  /** One device's events sorted by (date_time, id) ascending, generated on first call; [] for an unknown id. */
  eventsOf(deviceId: string): readonly StoredPelionEvent[];
  /** Finds an event by `id` (or `device_log_id`) without scanning: the device index is packed into the id. */
  event(id: string): StoredPelionEvent | undefined;
  /** The whole fleet's events in (date_time, id) order; built once, on the first unfiltered query. */
  allEvents(): readonly StoredPelionEvent[];
  readonly notable: NotableDevices;
}

/** Devices with a known role, for tests, the bench and demos. */
export interface NotableDevices {
  /** "gateway-longhaul-001": more than 100,000 events over two years, with bursts. */
  longHistory: string;
  /** "gateway-longhaul-002": about 20,000 events. */
  mediumHistory: string;
  /** "burst-logger-001": several storms of 50–120 events sharing one date_time. */
  burst: string;
  /** All devices built to have same-millisecond bursts (the long history one included). */
  bursts: readonly string[];
  /** Name null: the UI shows the id. */
  unnamed: string;
  /** Name "": the UI shows the id as well. */
  emptyName: string;
  /** "meter-legacy-001": its oldest records carry device_log_id instead of id, some UNDETERMINED. */
  legacy: string;
  /** "unprovisioned-kit-001": unenrolled, no events at all. */
  noEvents: string;
  /** "live-sensor-001": a new event every 2 s while the server runs (see live-ticks.ts). */
  live: string;
}

const seedOffsetMs = (seed: number): number => hashSeed(`device-ids:${seed}`) % 1_000_000_000;

export function notableDevicesFor(seed: number): NotableDevices {
  const id = (index: number) => pelionDeviceId(seedOffsetMs(seed), index);
  return {
    longHistory: id(0),
    mediumHistory: id(1),
    burst: id(2),
    bursts: [id(2), id(3), id(4), id(0)],
    unnamed: id(5),
    legacy: id(6),
    emptyName: id(7),
    noEvents: id(8),
    live: id(PELION_FLEET_SIZE),
  };
}

/** The notable devices of the default demo fleet (`PELION_DEFAULT_SEED`), whatever `now` is. */
export const NOTABLE_PELION_DEVICES: NotableDevices = notableDevicesFor(PELION_DEFAULT_SEED);

export function generatePelionFleet(options: {
  now: number;
  seed?: number;
  /** The clock live events are read from; without one (tests), live devices get no new events. */
  clock?: () => number;
}): PelionFleet {
  const seed = options.seed ?? PELION_DEFAULT_SEED;
  const now = options.now;
  const clock = options.clock ?? (() => now);
  const seeded = generateDevices(createRng(seed), seedOffsetMs(seed), PELION_FLEET_SIZE, now);
  const live = liveDeviceOf(seeded[0]!.record, seedOffsetMs(seed), PELION_FLEET_SIZE, now);
  const generated = [...seeded, live];
  const byId = new Map<string, GeneratedDevice>(generated.map((d) => [d.record.id, d]));
  const byIndex = generated;
  const histories = new Map<string, StoredPelionEvent[]>();
  let seededAll: StoredPelionEvent[] | null = null;
  let all: { live: readonly StoredPelionEvent[]; merged: StoredPelionEvent[] } | null = null;

  const liveHistory = () => {
    const history = generateHistory(live, seed);
    return {
      history,
      series: liveSeries(
        () => history,
        (k) => liveTickEvent(live, now, history.length, k),
      ),
    };
  };
  let liveEvents: ReturnType<typeof liveHistory> | null = null;

  const eventsOf = (deviceId: string): readonly StoredPelionEvent[] => {
    if (deviceId === live.record.id) {
      liveEvents ??= liveHistory();
      return liveEvents.series(liveTicksPassed(now, clock()));
    }
    const cached = histories.get(deviceId);
    if (cached) return cached;
    const device = byId.get(deviceId);
    if (!device) return [];
    const events = generateHistory(device, seed);
    histories.set(deviceId, events);
    return events;
  };

  const devices = generated
    .map((d) => d.record)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));

  return {
    seed,
    now,
    devices,
    device: (id) => byId.get(id)?.record,
    eventsOf,
    event(id) {
      const index = deviceIndexOfEventId(id);
      const device = index === undefined ? undefined : byIndex[index];
      if (!device) return undefined;
      const events = eventsOf(device.record.id);
      const at = lowerBound(events, id);
      return events[at]?.key === id ? events[at] : undefined;
    },
    allEvents() {
      seededAll ??= mergeSortedEvents(seeded.map((d) => eventsOf(d.record.id)));
      const liveNow = eventsOf(live.record.id);
      if (all?.live !== liveNow) all = { live: liveNow, merged: mergeTwo(seededAll, liveNow) };
      return all.merged;
    },
    notable: notableDevicesFor(seed),
  };
}

const compareEvents = (a: StoredPelionEvent, b: StoredPelionEvent): number =>
  a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Merges per-device histories (each already sorted) pairwise: cheaper than re-sorting the fleet.
 * Keys start with the ms timestamp, so (time, key) order is the API's (date_time, id) order.
 */
export function mergeSortedEvents(
  lists: ReadonlyArray<readonly StoredPelionEvent[]>,
): StoredPelionEvent[] {
  let level = lists.filter((l) => l.length > 0);
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: StoredPelionEvent[][] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i]!;
      const b = level[i + 1];
      next.push(b ? mergeTwo(a, b) : [...a]);
    }
    level = next;
  }
  return [...level[0]!];
}

function mergeTwo(
  a: readonly StoredPelionEvent[],
  b: readonly StoredPelionEvent[],
): StoredPelionEvent[] {
  const out: StoredPelionEvent[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = compareEvents(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** First position whose key is >= `key` in a key-sorted list. */
export function lowerBound(events: readonly StoredPelionEvent[], key: string): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
