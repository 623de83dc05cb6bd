import { createRng, type Rng } from './prng.ts';
import { ALIYUN_PRODUCTS, type ProductSpec } from './aliyun-products.ts';
import {
  generateDeviceEvents,
  singleEventRecord,
  type AliyunEventRecord,
  type EventPlan,
} from './aliyun-events.ts';
import { liveSeries, liveTicksPassed, liveTickTime } from './live-ticks.ts';

export type { AliyunEventRecord } from './aliyun-events.ts';
export type { AliyunEventType, ProductSpec } from './aliyun-products.ts';

export type AliyunDeviceStatus = 'ONLINE' | 'OFFLINE' | 'UNACTIVE' | 'DISABLE';

export interface AliyunProduct extends ProductSpec {
  createdAt: number;
  deviceCount: number;
}

export interface AliyunDevice {
  iotId: string;
  productKey: string;
  productName: string;
  deviceName: string;
  nickname: string | null;
  status: AliyunDeviceStatus;
  /** Present in the simulator's answers like in the real API; the proxy strips it. */
  deviceSecret: string;
  nodeType: 0 | 1;
  createdAt: number;
  modifiedAt: number;
  activeAt: number | null;
  onlineAt: number | null;
  firmwareVersion: string | null;
  ipAddress: string | null;
}

export interface AliyunFleet {
  now: number;
  products: readonly AliyunProduct[];
  /** Newest first within each product, like `QueryDevice`. */
  devices: readonly AliyunDevice[];
  findDevice(iotId: string): AliyunDevice | undefined;
  findDeviceByName(productKey: string, deviceName: string): AliyunDevice | undefined;
  /** The device's whole stored history (40 days, older than retention included), sorted by time; built on first use. */
  events(iotId: string): readonly AliyunEventRecord[];
}

/**
 * Devices with known histories, fixed across seeds so tests and the bench can name them:
 * - `longHistory`: Smart Meter with 55,000 event moments in the 30-day window (plus older ones).
 * - `tieHeavy`: Cold-chain Tracker whose events mostly come in bursts of up to 20 sharing one
 *   millisecond, exact repeats included; the page-boundary test device.
 * - `empty`: an online Street Light that never reported an event.
 * - `customModule`: an Edge Gateway whose product has a custom TSL module (`modbusFb`), so some
 *   of its events are only returned for `Identifier=modbusFb:SlaveTimeout`.
 */
export const ALIYUN_NOTABLE_DEVICES = {
  longHistory: 'LongHistMeter0000000A00100',
  tieHeavy: 'TieBurstTracker00000B00100',
  empty: 'EmptyStreetLight0000C00100',
  customModule: 'ModbusGateway0000000D00100',
  /** DeviceName `live-meter`: a new event every 2 s while the server runs (live-ticks.ts). */
  live: 'LiveMeter00000000000E00100',
} as const;

const DAY = 86_400_000;
const DEVICES_PER_PRODUCT = 80;
const NICKNAMES = [
  'Pudong substation',
  'Hongqiao depot',
  'Xuhui tower',
  'Minhang plant',
  'Jing\u2019an mall',
  'Port gate',
];
const STATUSES: Array<[AliyunDeviceStatus, number]> = [
  ['ONLINE', 0.55],
  ['OFFLINE', 0.3],
  ['UNACTIVE', 0.1],
  ['DISABLE', 0.05],
];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Planned {
  device: AliyunDevice;
  plan: EventPlan;
}

export function generateAliyunFleet(options: {
  now: number;
  seed?: number;
  /** The clock live events are read from; without one (tests), live devices get no new events. */
  clock?: () => number;
}): AliyunFleet {
  const { now, seed = 20180120, clock = () => now } = options;
  const rng = createRng(seed);
  const planned: Planned[] = [];
  const products: AliyunProduct[] = ALIYUN_PRODUCTS.map((spec, index) => {
    const productDevices = Array.from({ length: DEVICES_PER_PRODUCT }, (_, i) =>
      randomDevice(spec, i, rng, now),
    );
    planned.push(...productDevices);
    return {
      ...spec,
      createdAt: now - (400 - index * 30) * DAY,
      deviceCount: productDevices.length,
    };
  });
  planned.push(...notableDevices(now));
  for (const product of products) {
    product.deviceCount = planned.filter((p) => p.device.productKey === product.productKey).length;
  }
  planned.sort((a, b) => b.device.createdAt - a.device.createdAt);

  const byIotId = new Map(planned.map((p) => [p.device.iotId, p]));
  const byName = new Map(
    planned.map((p) => [`${p.device.productKey}/${p.device.deviceName}`, p.device]),
  );
  const productByKey = new Map(products.map((p) => [p.productKey, p]));
  const histories = new Map<string, readonly AliyunEventRecord[]>();
  const history = (iotId: string): readonly AliyunEventRecord[] => {
    const entry = byIotId.get(iotId);
    const product = entry && productByKey.get(entry.device.productKey);
    return entry && product
      ? generateDeviceEvents(product, createRng(`${seed}:${iotId}`), now, entry.plan)
      : [];
  };
  const liveProduct = productByKey.get(ALIYUN_PRODUCTS[0]!.productKey)!;
  const liveEvents = liveSeries(
    () => history(ALIYUN_NOTABLE_DEVICES.live),
    (k) =>
      singleEventRecord(
        liveProduct,
        createRng(`${seed}:${ALIYUN_NOTABLE_DEVICES.live}:${k}`),
        liveTickTime(now, k),
      ),
  );

  return {
    now,
    products,
    devices: planned.map((p) => p.device),
    findDevice: (iotId) => byIotId.get(iotId)?.device,
    findDeviceByName: (productKey, deviceName) => byName.get(`${productKey}/${deviceName}`),
    events(iotId) {
      if (iotId === ALIYUN_NOTABLE_DEVICES.live) return liveEvents(liveTicksPassed(now, clock()));
      const cached = histories.get(iotId);
      if (cached) return cached;
      const built = history(iotId);
      histories.set(iotId, built);
      return built;
    },
  };
}

function randomDevice(spec: ProductSpec, index: number, rng: Rng, now: number): Planned {
  let status: AliyunDeviceStatus = 'ONLINE';
  let roll = rng.next();
  for (const [candidate, share] of STATUSES) {
    status = candidate;
    if ((roll -= share) < 0) break;
  }
  const createdAt = now - rng.int(45, 380) * DAY - rng.int(0, DAY);
  const device = makeDevice(spec, {
    iotId: `${Array.from({ length: 21 }, () => rng.pick([...ALNUM])).join('')}00100`,
    deviceName: `${spec.devicePrefix}-${String(index + 1).padStart(4, '0')}`,
    nickname: rng.chance(0.6) ? `${rng.pick(NICKNAMES)} ${rng.int(1, 40)}` : null,
    status,
    createdAt,
    secret: Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join(''),
    now,
  });
  const plan: EventPlan =
    status === 'UNACTIVE'
      ? { recent: 0, old: 0, burstChance: 0, maxBurst: 1 }
      : { recent: rng.int(10, 300), old: rng.int(5, 80), burstChance: 0.04, maxBurst: 6 };
  return { device, plan };
}

function notableDevices(now: number): Planned[] {
  const [meter, tracker, gateway, light] = ALIYUN_PRODUCTS as [
    ProductSpec,
    ProductSpec,
    ProductSpec,
    ProductSpec,
  ];
  const common = {
    status: 'ONLINE' as const,
    createdAt: now - 60 * DAY,
    secret: '0'.repeat(32),
    now,
  };
  return [
    {
      device: makeDevice(meter, {
        ...common,
        iotId: ALIYUN_NOTABLE_DEVICES.longHistory,
        deviceName: 'meter-long-history',
        nickname: 'Busiest meter',
      }),
      plan: { recent: 55_000, old: 15_000, burstChance: 0.02, maxBurst: 5 },
    },
    {
      device: makeDevice(tracker, {
        ...common,
        iotId: ALIYUN_NOTABLE_DEVICES.tieHeavy,
        deviceName: 'tracker-burst',
        nickname: 'Burst tracker',
      }),
      plan: { recent: 160, old: 40, burstChance: 0.6, maxBurst: 20 },
    },
    {
      device: makeDevice(light, {
        ...common,
        iotId: ALIYUN_NOTABLE_DEVICES.empty,
        deviceName: 'light-silent',
        nickname: 'Silent light',
      }),
      plan: { recent: 0, old: 0, burstChance: 0, maxBurst: 1 },
    },
    {
      device: makeDevice(gateway, {
        ...common,
        iotId: ALIYUN_NOTABLE_DEVICES.customModule,
        deviceName: 'gateway-modbus',
        nickname: 'Modbus gateway',
      }),
      plan: { recent: 2_000, old: 300, burstChance: 0.05, maxBurst: 8 },
    },
    {
      device: makeDevice(meter, {
        ...common,
        iotId: ALIYUN_NOTABLE_DEVICES.live,
        deviceName: 'live-meter',
        nickname: 'Live meter',
      }),
      plan: { recent: 120, old: 0, burstChance: 0, maxBurst: 1 },
    },
  ];
}

interface DeviceSeed {
  iotId: string;
  deviceName: string;
  nickname: string | null;
  status: AliyunDeviceStatus;
  createdAt: number;
  secret: string;
  now: number;
}

function makeDevice(spec: ProductSpec, seed: DeviceSeed): AliyunDevice {
  const activated = seed.status !== 'UNACTIVE';
  const activeAt = activated ? seed.createdAt + 3_600_000 : null;
  return {
    iotId: seed.iotId,
    productKey: spec.productKey,
    productName: spec.productName,
    deviceName: seed.deviceName,
    nickname: seed.nickname,
    status: seed.status,
    deviceSecret: seed.secret,
    nodeType: spec.nodeType,
    createdAt: seed.createdAt,
    modifiedAt: activeAt ?? seed.createdAt,
    activeAt,
    onlineAt: seed.status === 'ONLINE' ? seed.now - 2 * 3_600_000 : activeAt,
    firmwareVersion: activated ? `2.${seed.createdAt % 7}.${seed.createdAt % 13}` : null,
    ipAddress:
      seed.status === 'ONLINE'
        ? `10.${(seed.createdAt >> 8) & 255}.${seed.createdAt & 255}.${seed.iotId.length}`
        : null,
  };
}
