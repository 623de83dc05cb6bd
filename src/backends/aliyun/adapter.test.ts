import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- test only: checks the adapter against the real server path in-process; never bundled
import * as harness from '../../../server/aliyun/test-harness.ts';
import { BackendError, type BackendAdapter, type DeviceEvent, type EventQuery } from '../types.ts';
import { createAliyunAdapter, type AliyunAdapterOptions } from './adapter.ts';
import { fakeAliyunInfo } from '../../testing/fake-event-adapter.ts';

/**
 * The adapter against the real server path: the SPA's fetch is routed into `createApp` with the
 * signing proxy and the in-process simulator, so paging is checked against the simulator's data.
 */
const DAY = 86_400_000;
const NOW = Date.now();
const { ALIYUN_NOTABLE_DEVICES } = harness;
const fleet = harness.generateAliyunFleet({ now: NOW });
const info = fakeAliyunInfo;

const sent: URLSearchParams[] = [];

function routeFetchToServer() {
  const server = harness.createAliyunServerFetch({ backendId: info.id, fleet });
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    sent.push(new URLSearchParams(String(init.body)));
    return server.fetch(input, init);
  });
}

function adapterWith(options: AliyunAdapterOptions = {}): BackendAdapter {
  return createAliyunAdapter(info, { now: () => NOW, ...options });
}

async function readAll(
  adapter: BackendAdapter,
  query: EventQuery,
  pageSize = 50,
): Promise<DeviceEvent[]> {
  const events: DeviceEvent[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await adapter.listEvents(query, cursor, pageSize);
    events.push(...page.events);
    cursor = page.nextCursor;
    if (cursor === null) return events;
  }
  throw new Error('paging did not end');
}

const signature = (r: {
  time: number;
  identifier: string;
  eventType: string;
  outputData: string;
}) => `${r.time}|${r.identifier}|${r.eventType}|${r.outputData}`;
const fromEvent = (e: DeviceEvent) => {
  const raw = e.raw as { Identifier: string; EventType: string; OutputData: string };
  return signature({
    time: e.time,
    identifier: raw.Identifier,
    eventType: raw.EventType,
    outputData: raw.OutputData,
  });
};

function expectedRecords(
  iotId: string,
  filter: (r: harness.AliyunEventRecord) => boolean,
  from = NOW - 30 * DAY,
  to = NOW,
) {
  return fleet.events(iotId).filter((r) => r.time >= from && r.time <= to && filter(r));
}

beforeAll(() => routeFetchToServer());
afterEach(() => {
  sent.length = 0;
});

describe('Alibaba adapter: tie-safe event paging', () => {
  const device = ALIYUN_NOTABLE_DEVICES.tieHeavy;

  it.each(['desc', 'asc'] as const)(
    'reads every event exactly once across bursts cut by page boundaries (%s)',
    async (order) => {
      const expected = expectedRecords(device, (r) => r.module === null)
        .map(signature)
        .sort();
      // API pages of 21 put many boundaries inside bursts of up to 20 same-millisecond events
      // (a millisecond holding more records than a page cannot be paged through at all).
      const events = await readAll(
        adapterWith({ apiPageSize: 21 }),
        { deviceId: device, levels: [], order },
        13,
      );
      expect(events.map(fromEvent).sort()).toEqual(expected);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      const times = events.map((e) => e.time);
      expect(times).toEqual([...times].sort((a, b) => (order === 'asc' ? a - b : b - a)));
    },
  );

  it('merges one stream per EventType in time order, with the same ids in both orders', async () => {
    const adapter = adapterWith({ apiPageSize: 22 });
    const expected = expectedRecords(device, (r) => r.module === null && r.eventType !== 'info')
      .map(signature)
      .sort();
    const desc = await readAll(
      adapter,
      { deviceId: device, levels: ['error', 'alert'], order: 'desc' },
      20,
    );
    const asc = await readAll(
      adapter,
      { deviceId: device, levels: ['alert', 'error'], order: 'asc' },
      50,
    );
    expect(desc.map(fromEvent).sort()).toEqual(expected);
    expect(asc.map((e) => e.id).sort()).toEqual(desc.map((e) => e.id).sort());
    expect(desc.map((e) => e.time)).toEqual(asc.map((e) => e.time).reverse());
    const types = new Set(sent.map((p) => p.get('EventType')));
    expect(types).toEqual(new Set(['error', 'alert']));
  });

  it('sends no EventType when all three are wanted', async () => {
    await adapterWith().listEvents(
      { deviceId: device, levels: ['info', 'alert', 'error'], order: 'desc' },
      null,
      50,
    );
    expect(sent.every((p) => !p.has('EventType'))).toBe(true);
  });

  it('clamps the window to the 30-day retention and skips windows older than it', async () => {
    const adapter = adapterWith();
    await adapter.listEvents(
      { deviceId: device, levels: [], from: NOW - 60 * DAY, order: 'asc' },
      null,
      50,
    );
    expect(Number(sent[0]!.get('StartTime'))).toBe(NOW - 30 * DAY);
    expect(Number(sent[0]!.get('EndTime'))).toBe(NOW);
    sent.length = 0;
    const old = await adapter.listEvents(
      { deviceId: device, levels: [], from: NOW - 40 * DAY, to: NOW - 31 * DAY, order: 'desc' },
      null,
      50,
    );
    expect(old).toEqual({ events: [], nextCursor: null });
    expect(sent).toHaveLength(0);
  });

  it('finds an event by its id, including one inside a burst and a custom-module event', async () => {
    const adapter = adapterWith({ apiPageSize: 21 });
    const events = await readAll(adapter, { deviceId: device, levels: ['error'], order: 'desc' });
    const perMs = new Map<number, number>();
    for (const e of events) perMs.set(e.time, (perMs.get(e.time) ?? 0) + 1);
    const inBurst = events.filter((e) => (perMs.get(e.time) ?? 0) > 3).at(-1)!;
    expect(await adapter.getEvent(device, inBurst.id)).toMatchObject({
      id: inBurst.id,
      time: inBurst.time,
    });
    expect(await adapter.getEvent(device, `${inBurst.time}-error-Nope-abc-0`)).toBeNull();

    const gateway = ALIYUN_NOTABLE_DEVICES.customModule;
    const page = await adapter.listEvents(
      { deviceId: gateway, levels: [], code: 'modbusFb:SlaveTimeout', order: 'desc' },
      null,
      3,
    );
    const moduleEvent = page.events[0]!;
    expect(moduleEvent.code).toBe('modbusFb:SlaveTimeout');
    expect(moduleEvent.id).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect((await adapter.getEvent(gateway, moduleEvent.id))?.id).toBe(moduleEvent.id);
  });

  it('keeps integers beyond 2^53 in OutputData exact', async () => {
    const page = await adapterWith().listEvents(
      {
        deviceId: ALIYUN_NOTABLE_DEVICES.longHistory,
        levels: [],
        code: 'EnergyReport',
        order: 'desc',
      },
      null,
      5,
    );
    const event = page.events[0]!;
    const digits = /"energyTotalWh":(\d+)/.exec(
      (event.raw as { OutputData: string }).OutputData,
    )![1]!;
    const payload = event.payload as { energyTotalWh: bigint; since: string };
    expect(payload.energyTotalWh).toBe(BigInt(digits));
    expect(payload.energyTotalWh > 2n ** 53n).toBe(true);
    expect(typeof payload.since).toBe('string');
  });
});

describe('Alibaba adapter: devices and definitions', () => {
  it('lists devices across products with cursor paging, search and status filter', async () => {
    const adapter = adapterWith();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await adapter.listDevices({}, cursor);
      seen.push(...page.devices.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(fleet.devices.map((d) => d.iotId).sort());

    const found = await adapter.listDevices({ search: 'burst' }, null);
    expect(found.devices.map((d) => d.id)).toContain(ALIYUN_NOTABLE_DEVICES.tieHeavy);
    const tracker = found.devices.find((d) => d.id === ALIYUN_NOTABLE_DEVICES.tieHeavy)!;
    expect(tracker.facts).toContainEqual({ label: 'Product', value: 'Cold-chain Tracker' });
    expect(JSON.stringify(found)).not.toContain('DeviceSecret');

    const disabled = await adapter.listDevices({ status: 'DISABLE' }, null);
    expect(disabled.devices.length).toBeGreaterThan(0);
    expect(disabled.devices.every((d) => d.status === 'DISABLE')).toBe(true);
  });

  it('reads a device and its event definitions without the built-in post event', async () => {
    const adapter = adapterWith();
    const gateway = ALIYUN_NOTABLE_DEVICES.customModule;
    const [device, definitions] = await Promise.all([
      adapter.getDevice(gateway),
      adapter.listEventDefinitions!(gateway),
    ]);
    expect(device).toMatchObject({ name: 'Modbus gateway', status: 'ONLINE' });
    expect(device.facts).toContainEqual({ label: 'Product', value: 'Edge Gateway' });
    // Instants read like the Pelion device's, to the minute in UTC.
    const activated = device.facts.find((f) => f.label === 'Activated');
    expect(activated?.value).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    const identifiers = definitions.map((d) => d.code);
    expect(identifiers).not.toContain('post');
    expect(identifiers).toContain('modbusFb:SlaveTimeout');
    expect(definitions.find((d) => d.code === 'WatchdogReset')?.level).toBe('error');
    // The device page and the Identifier filter share one QueryDeviceDetail.
    expect(sent.filter((p) => p.get('Action') === 'QueryDeviceDetail')).toHaveLength(1);
  });
});

describe('Alibaba adapter: errors', () => {
  function stubAnswers(...answers: Array<() => Response>) {
    let call = 0;
    vi.stubGlobal('fetch', async () =>
      (answers[Math.min(call++, answers.length - 1)] as () => Response)(),
    );
    return () => call;
  }
  const gateway = (code: string, status: number) => () =>
    Response.json(
      { RequestId: 'REQ-1', HostId: 'h', Code: code, Message: 'm', Recommend: '' },
      { status },
    );
  const query: EventQuery = { deviceId: 'x', levels: [], order: 'desc' };

  afterEach(() => routeFetchToServer());

  it('maps throttling to a retryable "slow down" error after retrying', async () => {
    const calls = stubAnswers(gateway('Throttling.User', 400));
    const error = await adapterWith({ throttleRetryDelaysMs: [0, 0] })
      .listEvents(query, null, 50)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    const { message, details } = error as BackendError;
    expect(message).toMatch(/slow down/i);
    expect(details).toMatchObject({ code: 'Throttling.User', requestId: 'REQ-1', retryable: true });
    expect(calls()).toBe(3);
  });

  it('succeeds when a throttled call passes on retry', async () => {
    stubAnswers(gateway('Throttling.User', 400), () =>
      Response.json({
        RequestId: 'R',
        Success: true,
        Data: { NextValid: false, NextTime: 1, List: { EventInfo: [] } },
      }),
    );
    const page = await adapterWith({ throttleRetryDelaysMs: [0] }).listEvents(query, null, 50);
    expect(page).toEqual({ events: [], nextCursor: null });
  });

  it('names the server setting to fix on a signature error, and does not retry it', async () => {
    stubAnswers(gateway('SignatureDoesNotMatch', 400));
    const error = (await adapterWith()
      .getDevice('x')
      .catch((e: unknown) => e)) as BackendError;
    expect(error.message).toContain('ALIYUN_ACCESS_KEY_SECRET');
    expect(error.details).toMatchObject({ retryable: false, requestId: 'REQ-1' });
  });

  it('maps business errors sent with HTTP 200', async () => {
    stubAnswers(() =>
      Response.json({
        RequestId: 'REQ-2',
        Success: false,
        Code: 'iot.device.NotExistedDevice',
        ErrorMessage: 'x',
      }),
    );
    const error = (await adapterWith()
      .getDevice('x')
      .catch((e: unknown) => e)) as BackendError;
    expect(error.details).toMatchObject({
      status: 404,
      code: 'iot.device.NotExistedDevice',
      requestId: 'REQ-2',
    });
  });

  it('reports a malformed event page instead of showing wrong data', async () => {
    stubAnswers(() =>
      Response.json({
        RequestId: 'R',
        Success: true,
        Data: { List: { EventInfo: [{ Time: 'x' }] } },
      }),
    );
    const error = (await adapterWith()
      .listEvents(query, null, 50)
      .catch((e: unknown) => e)) as BackendError;
    expect(error.details.code).toBe('invalid_response');
  });

  it('leaves out a malformed record, counts it, and keeps the rest of the page', async () => {
    stubAnswers(() =>
      Response.json({
        RequestId: 'R',
        Success: true,
        Data: {
          NextValid: false,
          NextTime: 0,
          List: {
            EventInfo: [
              { Time: String(NOW - 1000), Identifier: 'Fault', Name: 'Fault', EventType: 'error' },
              { Time: 'yesterday', Identifier: 'Fault', EventType: 'error' },
              { Time: String(NOW - 2000), Identifier: 'Boot', EventType: 'mystery' },
            ],
          },
        },
      }),
    );
    const page = await adapterWith().listEvents(query, null, 50);
    expect(page.events.map((event) => event.code)).toEqual(['Fault']);
    expect(page.malformed).toBe(2);
  });
});
