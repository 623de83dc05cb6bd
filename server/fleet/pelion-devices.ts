/** Generates the Pelion demo fleet's device directory and each device's history plan. */
import type { Rng } from './prng.ts';
import { hex, pelionDeviceId } from './pelion-ids.ts';
import type { PelionDeviceRecord } from './pelion-model.ts';

const DAY_MS = 86_400_000;

/** What a device's lazily generated history will look like; cheap to decide up front. */
export interface HistoryPlan {
  /** Events to generate (at least; an episode may overshoot by a few). */
  targetEvents: number;
  /** The history ends here (ms); shortly before `now` for devices still connected. */
  endMs: number;
  spanMs: number;
  /** Occasional storms of 50+ events stamped with one millisecond. */
  bursty: boolean;
  /** Leading old-style records (device_log_id, sometimes UNDETERMINED). */
  legacyEvents: number;
  /** A run of events with no failure (a calm spell after a fix), counted from the newest end. */
  calmSpell?: CalmSpell;
}

/** `rows` events in a row, the newest of them `fromNewest` events below the newest, none a FAIL. */
export interface CalmSpell {
  fromNewest: number;
  rows: number;
}

export interface GeneratedDevice {
  index: number;
  record: PelionDeviceRecord;
  plan: HistoryPlan;
}

interface Product {
  family: string;
  endpointType: 'MBED_DEVICE' | 'MBED_GW';
  classId: string;
  vendorId: string;
}

const FAMILIES = [
  'pump-station',
  'cold-chain-sensor',
  'smart-meter',
  'hvac-controller',
  'door-lock',
  'air-quality-monitor',
  'solar-inverter',
  'vibration-monitor',
  'water-level-sensor',
  'ev-charger',
  'street-light',
  'edge-gateway',
] as const;

const SITES = [
  'rotterdam-port',
  'lyon-north',
  'austin-dc2',
  'oulu-plant',
  'osaka-bay',
  'cambridge-lab',
];
const GROUP_IDS = ['017a1f0d2b3c00000000000100100001', '017a1f0d2b3c00000000000100100002'];
const STATES = [
  ['registered', 0.6],
  ['bootstrapped', 0.12],
  ['deregistered', 0.12],
  ['cloud_enrolling', 0.08],
  ['unenrolled', 0.08],
] as const;

const randomHex = (rng: Rng, length: number): string => {
  let out = '';
  while (out.length < length) out += hex(rng.int(0, 0xffff), 4);
  return out.slice(0, length);
};

function pickState(rng: Rng): PelionDeviceRecord['state'] {
  let roll = rng.next();
  for (const [state, weight] of STATES) {
    if (roll < weight) return state;
    roll -= weight;
  }
  return 'registered';
}

/**
 * Devices whose role the tests and the bench rely on; see `NOTABLE_PELION_DEVICES`.
 * The rest of the fleet is random (but seeded).
 */
interface Special {
  name: string | null;
  family: (typeof FAMILIES)[number];
  state?: PelionDeviceRecord['state'];
  targetEvents?: number;
  spanDays?: number;
  bursty?: boolean;
  legacyEvents?: number;
  calmSpell?: CalmSpell;
}

export const SPECIAL_DEVICES: readonly Special[] = [
  {
    name: 'gateway-longhaul-001',
    family: 'edge-gateway',
    state: 'registered',
    targetEvents: 100_000,
    spanDays: 730,
    bursty: true,
    // Long enough that the next failure is more than ten pages of 200 away from its start,
    // which is what "Next failure" must cross without paging through (bench: moment).
    calmSpell: { fromNewest: 30_000, rows: 2_600 },
  },
  {
    name: 'gateway-longhaul-002',
    family: 'edge-gateway',
    state: 'registered',
    targetEvents: 20_000,
    spanDays: 365,
  },
  {
    name: 'burst-logger-001',
    family: 'vibration-monitor',
    state: 'registered',
    targetEvents: 1_500,
    spanDays: 60,
    bursty: true,
  },
  {
    name: 'burst-logger-002',
    family: 'vibration-monitor',
    state: 'registered',
    targetEvents: 900,
    spanDays: 40,
    bursty: true,
  },
  {
    name: 'burst-logger-003',
    family: 'vibration-monitor',
    state: 'registered',
    targetEvents: 600,
    spanDays: 20,
    bursty: true,
  },
  { name: null, family: 'smart-meter', state: 'registered', targetEvents: 240, spanDays: 120 },
  {
    name: 'meter-legacy-001',
    family: 'smart-meter',
    state: 'registered',
    targetEvents: 180,
    spanDays: 1200,
    legacyEvents: 24,
  },
  { name: '', family: 'door-lock', state: 'registered', targetEvents: 120, spanDays: 90 },
  {
    name: 'unprovisioned-kit-001',
    family: 'air-quality-monitor',
    state: 'unenrolled',
    targetEvents: 0,
  },
];

export function generateDevices(
  rng: Rng,
  seedOffsetMs: number,
  count: number,
  now: number,
): GeneratedDevice[] {
  const products = new Map<string, Product>(
    FAMILIES.map((family) => [
      family,
      {
        family,
        endpointType: family === 'edge-gateway' ? 'MBED_GW' : 'MBED_DEVICE',
        classId: randomHex(rng, 32),
        vendorId: randomHex(rng, 32),
      },
    ]),
  );
  const firmwareByFamily = new Map(
    FAMILIES.map((f) => [f, [0, 1, 2].map(() => randomHex(rng, 64))]),
  );
  const counters = new Map<string, number>();
  const accountId = randomHex(rng, 32);
  const caId = randomHex(rng, 32);
  const gatewayIds: string[] = [];
  const devices: GeneratedDevice[] = [];

  for (let index = 0; index < count; index++) {
    const special = SPECIAL_DEVICES[index];
    const family = special?.family ?? rng.pick(FAMILIES);
    const product = products.get(family)!;
    const serialNo = (counters.get(family) ?? 0) + 1;
    counters.set(family, serialNo);
    const id = pelionDeviceId(seedOffsetMs, index);
    if (family === 'edge-gateway') gatewayIds.push(id);

    let name: string | null = `${family}-${String(serialNo).padStart(3, '0')}`;
    if (special) name = special.name;
    else if (rng.chance(0.03)) name = rng.chance(0.5) ? null : '';

    const state = special?.state ?? pickState(rng);
    const plan = historyPlan(rng, state, now, special);
    const createdMs = plan.endMs - plan.spanMs - rng.int(1, 20) * DAY_MS;
    const updatedMs = Math.min(now - rng.int(1, 600) * 1000, plan.endMs + rng.int(0, 3600) * 1000);
    const enrolled = state !== 'unenrolled' && state !== 'cloud_enrolling';
    const firmwares = firmwareByFamily.get(family)!;
    const hostGateway =
      family !== 'edge-gateway' && gatewayIds.length > 0 && rng.chance(0.15)
        ? rng.pick(gatewayIds)
        : '';

    const record: PelionDeviceRecord = {
      object: 'device',
      id,
      name,
      endpoint_name: `${family.slice(0, 3)}-${randomHex(rng, 12)}`,
      description: rng.chance(0.4) ? `${family.replaceAll('-', ' ')} at ${rng.pick(SITES)}` : '',
      state,
      lifecycle_status: rng.chance(0.08) ? 'blocked' : 'enabled',
      operator_suspended: false,
      system_suspended: false,
      device_class: product.classId,
      endpoint_type: product.endpointType,
      host_gateway: hostGateway,
      firmware_checksum: enrolled ? rng.pick(firmwares) : '',
      serial_number: `SN-${family.slice(0, 2).toUpperCase()}-${String(100_000 + index * 37).padStart(7, '0')}`,
      vendor_id: product.vendorId,
      groups: rng.chance(0.2) ? [rng.pick(GROUP_IDS)] : [],
      custom_attributes: rng.chance(0.5)
        ? { site: rng.pick(SITES), rack: String(rng.int(1, 40)) }
        : {},
      component_attributes: {},
      created_at: new Date(createdMs).toISOString(),
      updated_at: new Date(Math.max(updatedMs, createdMs)).toISOString(),
      bootstrapped_timestamp: enrolled
        ? new Date(createdMs + rng.int(60, 3600) * 1000).toISOString()
        : null,
      manifest_timestamp:
        enrolled && plan.targetEvents > 0
          ? new Date(plan.endMs - rng.int(1, 30) * DAY_MS).toISOString()
          : null,
      deployed_state: rng.chance(0.85) ? 'production' : 'development',
      device_execution_mode: rng.pick([0, 0, 0, 1, 5] as const),
      mechanism: 'connector',
      mechanism_url: '',
      auto_update: rng.chance(0.3),
      bootstrap_expiration_date: null,
      connector_expiration_date: null,
      account_id: accountId,
      ca_id: caId,
      etag: new Date(Math.max(updatedMs, createdMs)).toISOString(),
    };
    devices.push({ index, record, plan });
  }
  return devices;
}

function historyPlan(
  rng: Rng,
  state: PelionDeviceRecord['state'],
  now: number,
  special?: Special,
): HistoryPlan {
  // Connected devices logged something minutes ago; deregistered ones went quiet days ago.
  const quietMs = state === 'deregistered' ? rng.int(2, 60) * DAY_MS : rng.int(2, 90) * 60_000;
  const endMs = now - quietMs;
  let targetEvents: number;
  if (special?.targetEvents !== undefined) targetEvents = special.targetEvents;
  else if (state === 'unenrolled') targetEvents = 0;
  else if (state === 'cloud_enrolling') targetEvents = rng.int(0, 3);
  else targetEvents = rng.int(30, 420);
  const spanDays = special?.spanDays ?? rng.int(20, 400);
  return {
    targetEvents,
    endMs,
    spanMs: spanDays * DAY_MS,
    bursty: special?.bursty ?? false,
    legacyEvents:
      special?.legacyEvents ?? (targetEvents > 40 && rng.chance(0.08) ? rng.int(3, 10) : 0),
    ...(special?.calmSpell ? { calmSpell: special.calmSpell } : {}),
  };
}
