import { describe, expect, it } from 'vitest';
import { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from '../fleet/aliyun-fleet.ts';
import { rpcTimestamp, signedRequestParams } from './common-params.ts';
import { callSimulator } from './sim-client.ts';
import { createAliyunSimulator } from './simulator.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const credentials = {
  accessKeyId: 'sim-key',
  accessKeySecret: 'sim-secret',
  regionId: 'cn-shanghai',
};
const account = { ...credentials, iotInstanceId: null };
const fleet = generateAliyunFleet({ now: NOW });

function setup(throttlePerSecond = 1000) {
  const clock = { now: NOW };
  const app = createAliyunSimulator({
    fleet,
    credentials,
    now: () => clock.now,
    throttlePerSecond,
    faultInjection: true,
  });
  const call = (
    params: Record<string, string>,
    options: Parameters<typeof callSimulator>[3] = {},
  ) => callSimulator(app, account, params, { timestamp: rpcTimestamp(clock.now), ...options });
  return { app, clock, call };
}

interface EventInfo {
  Time: string;
  Identifier: string;
  EventType: string;
  OutputData: string;
  Name: string;
}
interface EventData {
  NextValid: boolean;
  NextTime: number;
  List: { EventInfo: EventInfo[] };
}

const window30d = { StartTime: String(NOW - 30 * DAY), EndTime: String(NOW) };

describe('Alibaba simulator gateway', () => {
  it('answers correctly signed GET and POST requests', async () => {
    const { call } = setup();
    for (const method of ['GET', 'POST'] as const) {
      const { status, body } = await call({ Action: 'QueryProductList' }, { method });
      expect(status).toBe(200);
      expect(body).toMatchObject({ Success: true, Code: '', Data: { Total: 4 } });
    }
  });

  it('rejects a tampered signature, or one made for another method, with the gateway envelope', async () => {
    const { call } = setup();
    const tampered = await call(
      { Action: 'QueryProductList' },
      { overrides: { Signature: 'AAAA' } },
    );
    expect(tampered.status).toBe(400);
    expect(Object.keys(tampered.body).sort()).toEqual([
      'Code',
      'HostId',
      'Message',
      'Recommend',
      'RequestId',
    ]);
    expect(tampered.body.Code).toBe('SignatureDoesNotMatch');

    const signedForGet = signedRequestParams('GET', { Action: 'QueryProductList' }, account, {
      timestamp: rpcTimestamp(NOW),
    });
    const crossMethod = await call(
      { Action: 'QueryProductList' },
      {
        method: 'POST',
        nonce: signedForGet.SignatureNonce,
        overrides: { Signature: signedForGet.Signature! },
      },
    );
    expect(crossMethod.body.Code).toBe('SignatureDoesNotMatch');
  });

  it('rejects an unknown AccessKeyId with 404', async () => {
    const { clock, app } = setup();
    const { status, body } = await callSimulator(
      app,
      { ...account, accessKeyId: 'nobody' },
      { Action: 'QueryProductList' },
      { timestamp: rpcTimestamp(clock.now) },
    );
    expect(status).toBe(404);
    expect(body.Code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('rejects a reused nonce for 15 minutes', async () => {
    const { call, clock } = setup();
    expect((await call({ Action: 'QueryProductList' }, { nonce: 'n-1' })).status).toBe(200);
    const replay = await call({ Action: 'QueryProductList' }, { nonce: 'n-1' });
    expect([replay.status, replay.body.Code]).toEqual([400, 'SignatureNonceUsed']);
    clock.now += 15 * 60_000 + 1000;
    expect((await call({ Action: 'QueryProductList' }, { nonce: 'n-1' })).status).toBe(200);
  });

  it('rejects stale and future timestamps', async () => {
    const { call } = setup();
    for (const offset of [-16 * 60_000, 16 * 60_000]) {
      const { status, body } = await call(
        { Action: 'QueryProductList' },
        { timestamp: rpcTimestamp(NOW + offset) },
      );
      expect([status, body.Code]).toEqual([400, 'InvalidTimeStamp.Expired']);
    }
  });

  it('names a missing parameter, refuses non-JSON formats and unknown actions', async () => {
    const { call } = setup();
    const missing = await call({
      Action: 'QueryDeviceEventData',
      IotId: ALIYUN_NOTABLE_DEVICES.tieHeavy,
      EndTime: String(NOW),
    });
    expect([missing.status, missing.body.Code]).toEqual([400, 'MissingStartTime']);
    const xml = await call({ Action: 'QueryProductList' }, { overrides: { Format: 'XML' } });
    expect([xml.status, xml.body.Code]).toEqual([400, 'InvalidParameter.Format']);
    const unknown = await call({ Action: 'DeleteDevice' });
    expect([unknown.status, unknown.body.Code]).toEqual([404, 'InvalidAction.NotFound']);
  });

  it('throttles the account at the configured queries per second', async () => {
    const { call, clock } = setup(3);
    for (let i = 0; i < 3; i++)
      expect((await call({ Action: 'QueryProductList' })).status).toBe(200);
    const throttled = await call({ Action: 'QueryProductList' });
    expect([throttled.status, throttled.body.Code]).toEqual([400, 'Throttling.User']);
    clock.now += 1000;
    expect((await call({ Action: 'QueryProductList' })).status).toBe(200);
  });

  it('answers an Action named like an Object member as an unknown action, not a 500', async () => {
    const { call } = setup();
    for (const action of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const { status, body } = await call({ Action: action });
      expect([status, body.Code]).toEqual([404, 'InvalidAction.NotFound']);
    }
  });

  it('looks devices and products named like Object members up as plain names', async () => {
    const { call } = setup();
    for (const name of ['toString', '__proto__', 'constructor']) {
      const detail = await call({ Action: 'QueryDeviceDetail', IotId: name });
      expect(detail.body).toMatchObject({ Success: false, Code: 'iot.device.NotExistedDevice' });
      const tsl = await call({ Action: 'GetThingModelTslPublished', ProductKey: name });
      expect(tsl.body).toMatchObject({ Success: false, Code: 'iot.prod.NotExistedProduct' });
    }
  });

  it('answers x_sim_fault=throttle as the service answers flow control: 400 Throttling.User, no Retry-After', async () => {
    const { app } = setup();
    const response = await app.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        signedRequestParams(
          'POST',
          { Action: 'QueryProductList', x_sim_fault: 'throttle' },
          account,
          {
            timestamp: rpcTimestamp(NOW),
          },
        ),
      ).toString(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toMatchObject({ Code: 'Throttling.User' });
  });

  it('injects faults only through x_sim_fault', async () => {
    const { call } = setup();
    const fault = await call({ Action: 'QueryProductList', x_sim_fault: 'error' });
    expect([fault.status, fault.body.Code]).toEqual([503, 'ServiceUnavailable']);
  });
});

describe('Alibaba simulator actions', () => {
  it('QueryDevice pages with top-level fields, newest first, with DeviceSecret', async () => {
    const { call } = setup();
    const { body } = await call({
      Action: 'QueryDevice',
      ProductKey: 'a1TrackCc02',
      PageSize: '50',
    });
    expect(body).toMatchObject({ Success: true, Page: 1, PageSize: 50 });
    expect(body.Total).toBeGreaterThan(50);
    expect(body.NextToken).toEqual(expect.any(String));
    const devices = (body.Data as { DeviceInfo: Array<Record<string, string>> }).DeviceInfo;
    expect(devices).toHaveLength(50);
    expect(devices[0]!.DeviceSecret).toMatch(/^[0-9a-f]{32}$/);
    const created = devices.map((d) => Date.parse(d.UtcCreate!));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const tooBig = await call({ Action: 'QueryDevice', ProductKey: 'a1TrackCc02', PageSize: '51' });
    expect(tooBig.body).toMatchObject({ Success: false, Code: 'iot.common.InvalidPageParams' });
  });

  it('publishes TSL with the post event, event types and the custom module', async () => {
    const { call } = setup();
    const { body } = await call({ Action: 'GetThingModelTslPublished', ProductKey: 'a1GatewayE3' });
    const tsl = JSON.parse((body.Data as { TslStr: string }).TslStr) as {
      events: Array<{ identifier: string; type: string }>;
      functionBlocks: Array<{ functionBlockId: string }>;
    };
    expect(tsl.events.map((e) => e.identifier)).toContain('post');
    expect(tsl.events.find((e) => e.identifier === 'WatchdogReset')?.type).toBe('error');
    expect(tsl.functionBlocks.map((b) => b.functionBlockId)).toEqual(['modbusFb']);
    const block = await call({
      Action: 'GetThingModelTslPublished',
      ProductKey: 'a1GatewayE3',
      FunctionBlockId: 'modbusFb',
    });
    expect((block.body.Data as { TslStr: string }).TslStr).toContain('SlaveTimeout');
  });

  it('returns event data as documented: Time and OutputData strings, default page of 10', async () => {
    const { call } = setup();
    const { body } = await call({
      Action: 'QueryDeviceEventData',
      IotId: ALIYUN_NOTABLE_DEVICES.longHistory,
      ...window30d,
    });
    const data = body.Data as EventData;
    expect(data.List.EventInfo).toHaveLength(10);
    const [first, second] = data.List.EventInfo;
    expect(typeof first!.Time).toBe('string');
    expect(typeof first!.OutputData).toBe('string');
    expect(Number(first!.Time)).toBeGreaterThanOrEqual(Number(second!.Time));
    expect(data.NextValid).toBe(true);
    expect(data.NextTime).toBe(Number(data.List.EventInfo[9]!.Time) - 1);
  });

  it('accepts the window in either order and serves nothing older than 30 days', async () => {
    const { call } = setup();
    const base = { Action: 'QueryDeviceEventData', IotId: ALIYUN_NOTABLE_DEVICES.longHistory };
    const forward = await call({ ...base, ...window30d, PageSize: '50' });
    const reversed = await call({
      ...base,
      StartTime: window30d.EndTime,
      EndTime: window30d.StartTime,
      PageSize: '50',
    });
    expect(reversed.body.Data).toEqual(forward.body.Data);

    const old = await call({
      ...base,
      StartTime: String(NOW - 40 * DAY),
      EndTime: String(NOW - 31 * DAY),
    });
    const oldData = old.body.Data as EventData;
    expect(oldData.List.EventInfo).toEqual([]);
    expect(oldData.NextValid).toBe(false);
    expect(oldData.NextTime).toEqual(expect.any(Number));
    expect(fleet.events(ALIYUN_NOTABLE_DEVICES.longHistory)[0]!.time).toBeLessThan(NOW - 31 * DAY);
  });

  it('loses same-millisecond events for a client that trusts NextTime, like the service', async () => {
    const { call } = setup();
    const iotId = ALIYUN_NOTABLE_DEVICES.tieHeavy;
    const expected = fleet.events(iotId).filter((e) => e.time >= NOW - 30 * DAY).length;
    for (const asc of ['0', '1']) {
      let window = { ...window30d };
      let seen = 0;
      for (;;) {
        const { body } = await call({
          Action: 'QueryDeviceEventData',
          IotId: iotId,
          ...window,
          PageSize: '7',
          Asc: asc,
        });
        const data = body.Data as EventData;
        seen += data.List.EventInfo.length;
        if (!data.NextValid) break;
        const last = Number(data.List.EventInfo.at(-1)!.Time);
        expect(data.NextTime).toBe(asc === '1' ? last + 1 : last - 1);
        window =
          asc === '1'
            ? { ...window, StartTime: String(data.NextTime) }
            : { ...window, EndTime: String(data.NextTime) };
      }
      expect(seen).toBeLessThan(expected);
    }
  });

  it('filters by one EventType and by Identifier, custom modules only by name', async () => {
    const { call } = setup();
    const base = {
      Action: 'QueryDeviceEventData',
      IotId: ALIYUN_NOTABLE_DEVICES.customModule,
      ...window30d,
      PageSize: '50',
    };
    const errors = (await call({ ...base, EventType: 'error' })).body.Data as EventData;
    expect(new Set(errors.List.EventInfo.map((e) => e.EventType))).toEqual(new Set(['error']));
    expect(errors.List.EventInfo.some((e) => e.Identifier.includes(':'))).toBe(false);

    const moduleEvents = (await call({ ...base, Identifier: 'modbusFb:SlaveTimeout' })).body
      .Data as EventData;
    expect(moduleEvents.List.EventInfo.length).toBe(50);
    expect(new Set(moduleEvents.List.EventInfo.map((e) => e.Identifier))).toEqual(
      new Set(['modbusFb:SlaveTimeout']),
    );
    const badType = await call({ ...base, EventType: 'fatal' });
    expect(badType.body.Success).toBe(false);
  });

  it('lets IotId win over ProductKey+DeviceName and reports unknown devices as business errors', async () => {
    const { call } = setup();
    const detail = await call({
      Action: 'QueryDeviceDetail',
      IotId: ALIYUN_NOTABLE_DEVICES.empty,
      ProductKey: 'a1MeterSh01',
      DeviceName: 'meter-long-history',
    });
    expect((detail.body.Data as { DeviceName: string }).DeviceName).toBe('light-silent');
    const missing = await call({ Action: 'QueryDeviceDetail', IotId: 'nope' });
    expect([missing.status, missing.body.Success, missing.body.Code]).toEqual([
      200,
      false,
      'iot.device.NotExistedDevice',
    ]);
  });

  it('answers the batch actions with the firmware and last-online time QueryDevice lacks', async () => {
    const { call } = setup();
    const [a, b] = fleet.devices.filter(
      (d) => d.productKey === fleet.devices[0]!.productKey && d.firmwareVersion && d.onlineAt,
    );
    const details = await call({
      Action: 'BatchQueryDeviceDetail',
      ProductKey: a!.productKey,
      'DeviceName.1': a!.deviceName,
      'DeviceName.2': 'no-such-device',
      'DeviceName.3': b!.deviceName,
    });
    const list = (details.body.Data as { Data: Array<Record<string, unknown>> }).Data;
    // Unknown names are left out, as documented.
    expect(list.map((d) => [d.DeviceName, d.FirmwareVersion])).toEqual([
      [a!.deviceName, a!.firmwareVersion],
      [b!.deviceName, b!.firmwareVersion],
    ]);
    const states = await call({ Action: 'BatchGetDeviceState', 'IotId.1': b!.iotId });
    const [state] = (
      states.body.DeviceStatusList as { DeviceStatus: Array<Record<string, unknown>> }
    ).DeviceStatus;
    expect(state).toMatchObject({ IotId: b!.iotId, Status: b!.status });
    // Wall-clock text in UTC+8.
    expect(Date.parse(`${String(state!.LastOnlineTime).replace(' ', 'T')}+08:00`)).toBe(
      Math.floor(b!.onlineAt! / 1000) * 1000,
    );
    const missing = await call({ Action: 'BatchGetDeviceState' });
    expect(missing.status).toBe(400);
  });
});
