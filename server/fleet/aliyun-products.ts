/**
 * Product catalogue of the demo Alibaba fleet: each product's published thing model (TSL) as the
 * console would export it. Event identifiers and types here drive both the generated event data and
 * `GetThingModelTslPublished`, so the Identifier filter always offers identifiers that have data.
 */
export type AliyunEventType = 'info' | 'alert' | 'error';

export type TslDataType = 'int' | 'float' | 'double' | 'text' | 'enum' | 'bool' | 'date';

export interface TslParam {
  identifier: string;
  name: string;
  dataType: { type: TslDataType; specs: Record<string, string> };
  /** Demo-data hint: this int is a 64-bit counter that goes beyond 2^53. */
  huge?: boolean;
}

export interface TslEvent {
  identifier: string;
  name: string;
  type: AliyunEventType;
  desc: string;
  method: string;
  required: boolean;
  outputData: TslParam[];
}

export interface FunctionBlock {
  functionBlockId: string;
  functionBlockName: string;
  events: TslEvent[];
}

export interface ProductSpec {
  productKey: string;
  productName: string;
  /** 0 = directly connected device, 1 = gateway. */
  nodeType: 0 | 1;
  description: string;
  devicePrefix: string;
  events: TslEvent[];
  functionBlocks: FunctionBlock[];
}

const int = (identifier: string, name: string, min = 0, max = 1000, huge = false): TslParam => ({
  identifier,
  name,
  dataType: { type: 'int', specs: { min: String(min), max: String(max), step: '1' } },
  ...(huge ? { huge } : {}),
});
/** `unit`/`unitName` as the console writes them in a published TSL's number specs. */
const float = (
  identifier: string,
  name: string,
  min: number,
  max: number,
  unit: { unit: string; unitName: string },
): TslParam => ({
  identifier,
  name,
  dataType: {
    type: 'float',
    specs: { min: String(min), max: String(max), step: '0.1', ...unit },
  },
});
const text = (identifier: string, name: string): TslParam => ({
  identifier,
  name,
  dataType: { type: 'text', specs: { length: '64' } },
});
const enumeration = (identifier: string, name: string, values: string[]): TslParam => ({
  identifier,
  name,
  dataType: {
    type: 'enum',
    specs: Object.fromEntries(values.map((label, i) => [String(i), label])),
  },
});
const bool = (identifier: string, name: string): TslParam => ({
  identifier,
  name,
  dataType: { type: 'bool', specs: { '0': 'off', '1': 'on' } },
});
const date = (identifier: string, name: string): TslParam => ({
  identifier,
  name,
  dataType: { type: 'date', specs: {} },
});

function event(
  identifier: string,
  name: string,
  type: AliyunEventType,
  outputData: TslParam[],
): TslEvent {
  return {
    identifier,
    name,
    type,
    desc: name,
    method: `thing.event.${identifier}.post`,
    required: false,
    outputData,
  };
}

/** The built-in property-report event every product has; it carries properties, not events, so UIs hide it. */
const POST_EVENT: TslEvent = {
  identifier: 'post',
  name: 'post',
  type: 'info',
  desc: 'Property report',
  method: 'thing.event.property.post',
  required: true,
  outputData: [],
};

export const ALIYUN_PRODUCTS: readonly ProductSpec[] = [
  {
    productKey: 'a1MeterSh01',
    productName: 'Smart Meter',
    nodeType: 0,
    description: 'Three-phase electricity meter',
    devicePrefix: 'meter',
    events: [
      POST_EVENT,
      event('PowerOff', 'Device shutdown', 'alert', [
        enumeration('reason', 'Reason', ['unknown', 'grid', 'manual']),
      ]),
      event('OverVoltage', 'Over-voltage', 'error', [
        float('voltage', 'Voltage', 0, 500, { unit: 'V', unitName: 'Volt' }),
        int('phase', 'Phase', 1, 3),
      ]),
      event('EnergyReport', 'Energy counter report', 'info', [
        int('energyTotalWh', 'Total energy (Wh, 64-bit)', 0, 0, true),
        date('since', 'Counting since'),
      ]),
      event('ClockSynced', 'Clock synchronised', 'info', [
        int('driftMs', 'Drift (ms)', -5000, 5000),
      ]),
    ],
    functionBlocks: [],
  },
  {
    productKey: 'a1TrackCc02',
    productName: 'Cold-chain Tracker',
    nodeType: 0,
    description: 'Refrigerated container tracker',
    devicePrefix: 'tracker',
    events: [
      POST_EVENT,
      event('TempHigh', 'Temperature above limit', 'alert', [
        float('temperature', 'Temperature', -40, 60, { unit: '°C', unitName: 'Degree Celsius' }),
      ]),
      event('DoorOpen', 'Door opened', 'info', [
        bool('open', 'Open'),
        int('durationS', 'Duration (s)', 0, 3600),
      ]),
      event('SensorFault', 'Sensor fault', 'error', [
        text('sensor', 'Sensor'),
        int('errorCode', 'Error code', 1, 255),
      ]),
      event('BatteryLow', 'Battery low', 'alert', [int('level', 'Battery level (%)', 0, 100)]),
    ],
    functionBlocks: [],
  },
  {
    productKey: 'a1GatewayE3',
    productName: 'Edge Gateway',
    nodeType: 1,
    description: 'Industrial edge gateway',
    devicePrefix: 'gateway',
    events: [
      POST_EVENT,
      event('SubDeviceOffline', 'Sub-device offline', 'alert', [text('subDevice', 'Sub-device')]),
      event('RebootDone', 'Reboot completed', 'info', [
        int('uptimeS', 'Uptime before reboot (s)', 0, 10_000_000),
        int('bootSequence', 'Boot sequence (64-bit)', 0, 0, true),
      ]),
      event('WatchdogReset', 'Watchdog reset', 'error', [text('task', 'Stalled task')]),
    ],
    functionBlocks: [
      {
        functionBlockId: 'modbusFb',
        functionBlockName: 'Modbus bridge',
        events: [
          event('SlaveTimeout', 'Modbus slave timeout', 'error', [
            int('slaveId', 'Slave id', 1, 247),
            int('register', 'Register', 0, 65535),
          ]),
        ],
      },
    ],
  },
  {
    productKey: 'a1LightSt04',
    productName: 'Street Light',
    nodeType: 0,
    description: 'Dimmable LED street light',
    devicePrefix: 'light',
    events: [
      POST_EVENT,
      event('LampFailure', 'Lamp failure', 'error', [
        enumeration('cause', 'Cause', ['driver', 'led', 'power']),
      ]),
      event('LightLevel', 'Light level changed', 'info', [
        int('lux', 'Ambient light (lux)', 0, 100_000),
      ]),
      event('DimmingChanged', 'Dimming changed', 'info', [int('percent', 'Dimming (%)', 0, 100)]),
    ],
    functionBlocks: [],
  },
];

/** The TSL JSON of a product's default module, as `GetThingModelTslPublished` returns it in `TslStr`. */
export function defaultModuleTsl(product: ProductSpec): object {
  return {
    schema: 'https://iotx-tsl.oss-ap-southeast-1.aliyuncs.com/schema.json',
    profile: { version: '1.0', productKey: product.productKey },
    properties: [],
    services: [],
    events: product.events.map(stripHints),
    functionBlocks: product.functionBlocks.map(({ functionBlockId, functionBlockName }) => ({
      functionBlockId,
      functionBlockName,
      productKey: product.productKey,
    })),
  };
}

/** The TSL JSON of one custom module (`FunctionBlockId`). */
export function functionBlockTsl(product: ProductSpec, block: FunctionBlock): object {
  return {
    schema: 'https://iotx-tsl.oss-ap-southeast-1.aliyuncs.com/schema.json',
    profile: { version: '1.0', productKey: product.productKey },
    functionBlockId: block.functionBlockId,
    functionBlockName: block.functionBlockName,
    properties: [],
    services: [],
    events: block.events.map(stripHints),
  };
}

function stripHints(tslEvent: TslEvent): TslEvent {
  return { ...tslEvent, outputData: tslEvent.outputData.map(({ huge: _huge, ...param }) => param) };
}
