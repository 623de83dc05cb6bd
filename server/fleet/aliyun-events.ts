import type { Rng } from './prng.ts';
import type { AliyunEventType, ProductSpec, TslEvent, TslParam } from './aliyun-products.ts';

/** One stored event record, in the shape the service reports it (Identifier of a custom module: `module:Identifier`). */
export interface AliyunEventRecord {
  time: number;
  identifier: string;
  name: string;
  eventType: AliyunEventType;
  /** JSON text of the output parameters, exactly as `OutputData` carries it (big integers unquoted). */
  outputData: string;
  /** Custom module id, or null for the default module. */
  module: string | null;
}

export interface EventPlan {
  /** Event "moments" inside the 30-day retention window. */
  recent: number;
  /** Event moments 30.5–40 days old: stored, but never returned by a query. */
  old: number;
  /** Probability that a moment is a burst of several events in the same millisecond. */
  burstChance: number;
  /** Largest burst (events sharing one millisecond). */
  maxBurst: number;
}

const DAY = 86_400_000;
const TWO_POW_53 = 2n ** 53n;
const LEVEL_WEIGHT: Record<AliyunEventType, number> = { info: 6, alert: 3, error: 2 };
const WORDS = [
  'door',
  'probe-a',
  'probe-b',
  'modbus-1',
  'uplink',
  'sensor "north"',
  'ctl/main',
  'caf\u00e9-7',
];

interface Candidate {
  def: TslEvent;
  module: string | null;
}

/** Device history sorted by time (ties keep generation order), deterministic for the rng's seed. */
export function generateDeviceEvents(
  product: ProductSpec,
  rng: Rng,
  now: number,
  plan: EventPlan,
): AliyunEventRecord[] {
  const pool = weightedPool(product);
  // A typed array sorts numerically without a comparator: several times faster for 70,000 moments.
  const moments = new Float64Array(plan.recent + plan.old);
  for (let i = 0; i < plan.recent; i++) {
    moments[i] = now - 60_000 - Math.floor(rng.next() * (29.5 * DAY - 60_000));
  }
  for (let i = plan.recent; i < moments.length; i++) {
    moments[i] = now - 30.5 * DAY - Math.floor(rng.next() * 9.5 * DAY);
  }
  moments.sort();

  const records: AliyunEventRecord[] = [];
  for (const time of moments) {
    const size = rng.chance(plan.burstChance) ? rng.int(2, plan.maxBurst) : 1;
    let previous: AliyunEventRecord | null = null;
    for (let i = 0; i < size; i++) {
      // Exact repeats inside a burst happen on real devices (retransmissions); clients must not merge them.
      const record: AliyunEventRecord =
        previous && rng.chance(0.25) ? { ...previous } : makeRecord(rng.pick(pool), rng, time);
      records.push(record);
      previous = record;
    }
  }
  return records;
}

/**
 * One event of the product's default module, as a live device reports it at `time`: the pick
 * depends only on `rng`, so a record seeded by its tick is the same on every call.
 */
export function singleEventRecord(product: ProductSpec, rng: Rng, time: number): AliyunEventRecord {
  const pool = weightedPool(product).filter((candidate) => candidate.module === null);
  return makeRecord(rng.pick(pool), rng, time);
}

function weightedPool(product: ProductSpec): Candidate[] {
  const candidates: Candidate[] = [
    ...product.events.filter((e) => e.identifier !== 'post').map((def) => ({ def, module: null })),
    ...product.functionBlocks.flatMap((block) =>
      block.events.map((def) => ({ def, module: block.functionBlockId })),
    ),
  ];
  return candidates.flatMap((c) => Array.from({ length: LEVEL_WEIGHT[c.def.type] }, () => c));
}

function makeRecord({ def, module }: Candidate, rng: Rng, time: number): AliyunEventRecord {
  const fields = def.outputData.map(
    (param) => `${JSON.stringify(param.identifier)}:${valueJson(param, rng, time)}`,
  );
  return {
    time,
    identifier: module ? `${module}:${def.identifier}` : def.identifier,
    name: def.name,
    eventType: def.type,
    outputData: `{${fields.join(',')}}`,
    module,
  };
}

function valueJson(param: TslParam, rng: Rng, time: number): string {
  const specs = param.dataType.specs;
  switch (param.dataType.type) {
    case 'int':
      if (param.huge)
        return (TWO_POW_53 + BigInt(rng.int(1, 2_000_000_000)) * 1_000_003n).toString();
      return String(rng.int(Number(specs.min ?? 0), Number(specs.max ?? 100)));
    case 'float':
    case 'double': {
      const min = Number(specs.min ?? 0);
      const max = Number(specs.max ?? 100);
      return String(Math.round((min + rng.next() * (max - min)) * 10) / 10);
    }
    case 'enum':
      return String(rng.int(0, Object.keys(specs).length - 1));
    case 'bool':
      return rng.chance(0.5) ? '1' : '0';
    case 'date':
      // TSL dates travel as strings of milliseconds.
      return JSON.stringify(String(time - rng.int(0, 90) * DAY));
    case 'text':
      return JSON.stringify(rng.pick(WORDS));
  }
}
