import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { inProcess, type Upstream } from '../backends/types.ts';
import { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from '../fleet/aliyun-fleet.ts';
import { createAliyunBackend } from './proxy.ts';
import { signRpc } from './signer.ts';
import { createAliyunSimulator } from './simulator.ts';

const credentials = {
  accessKeyId: 'proxy-key-id',
  accessKeySecret: 'proxy-secret-value',
  regionId: 'cn-shanghai',
};
const fleet = generateAliyunFleet({ now: Date.now() });

function backendWith(upstream: Upstream, iotInstanceId: string | null = null) {
  return createAliyunBackend({
    id: 'ali',
    label: 'Test Alibaba',
    demo: false,
    endpoint: 'https://iot.example.test',
    ...credentials,
    iotInstanceId,
    upstream,
    timeoutMs: 1000,
  });
}

function appWithSimulator() {
  const simulator = createAliyunSimulator({ fleet, credentials, now: Date.now });
  const seen: Request[] = [];
  const upstream: Upstream = async (url, init) => {
    seen.push(new Request(url, init));
    return inProcess(simulator.fetch)(url, init);
  };
  return { app: createApp({ backends: [backendWith(upstream)] }), seen };
}

function post(app: ReturnType<typeof appWithSimulator>['app'], params: Record<string, string>) {
  return app.request('/api/ali/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
}

describe('Alibaba signing proxy', () => {
  it('signs unsigned browser parameters so the simulator accepts them, and passes the RequestId on', async () => {
    const { app } = appWithSimulator();
    const response = await post(app, {
      Action: 'QueryDeviceEventData',
      IotId: ALIYUN_NOTABLE_DEVICES.tieHeavy,
      StartTime: String(Date.now() - 86_400_000 * 29),
      EndTime: String(Date.now()),
      PageSize: '5',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Success: boolean; RequestId: string };
    expect(body.Success).toBe(true);
    expect(response.headers.get('x-request-id')).toBe(body.RequestId);
  });

  it('drops browser-sent AccessKeyId, Signature and other common parameters', async () => {
    const { app, seen } = appWithSimulator();
    const response = await post(app, {
      Action: 'QueryProductList',
      AccessKeyId: 'attacker',
      Signature: 'forged',
      Timestamp: '2001-01-01T00:00:00Z',
      Version: '2014-05-26',
      IotInstanceId: 'iot-other',
    });
    expect(response.status).toBe(200);
    const sent = new URLSearchParams(await seen[0]!.text());
    expect(sent.get('AccessKeyId')).toBe(credentials.accessKeyId);
    expect(sent.get('Version')).toBe('2018-01-20');
    expect(sent.has('IotInstanceId')).toBe(false);
    expect(sent.get('RegionId')).toBe('cn-shanghai');
    expect(sent.get('Format')).toBe('JSON');
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('https://iot.example.test/');
  });

  it('adds IotInstanceId when configured and signs it', async () => {
    const seen: Request[] = [];
    const backend = backendWith(async (url, init) => {
      seen.push(new Request(url, init));
      return Response.json({ RequestId: 'R1', Success: true, Data: {} });
    }, 'iot-instance-1');
    await backend.forward(
      new Request('http://f/api/ali/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=QueryProductList',
      }),
      '/',
      '',
    );
    const sent = Object.fromEntries(new URLSearchParams(await seen[0]!.text()));
    expect(sent.IotInstanceId).toBe('iot-instance-1');
    expect(sent.Signature).toBe(signRpc('POST', sent, credentials.accessKeySecret));
  });

  it('refuses actions Fleetlog does not use, and non-POST requests', async () => {
    const { app, seen } = appWithSimulator();
    const write = await post(app, { Action: 'DeleteDevice', IotId: 'x' });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ type: 'action_not_allowed', source: 'fleetlog' });
    expect((await post(app, { IotId: 'x' })).status).toBe(400);
    expect((await app.request('/api/ali/?Action=QueryProductList')).status).toBe(405);
    expect(seen).toHaveLength(0);
  });

  it('strips DeviceSecret from device answers', async () => {
    const { app } = appWithSimulator();
    const list = await post(app, { Action: 'QueryDevice', ProductKey: 'a1MeterSh01' });
    const text = await list.text();
    expect(text).toContain('DeviceName');
    expect(text).not.toContain('DeviceSecret');
    const detail = await post(app, {
      Action: 'QueryDeviceDetail',
      IotId: ALIYUN_NOTABLE_DEVICES.longHistory,
    });
    expect(await detail.text()).not.toContain('DeviceSecret');
  });

  it('never puts the secret or key id into a response, even on upstream errors', async () => {
    const backend = backendWith(async () =>
      Response.json(
        {
          RequestId: 'R2',
          Code: 'SignatureDoesNotMatch',
          Message: `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D${credentials.accessKeyId}`,
        },
        { status: 400 },
      ),
    );
    const response = await backend.forward(
      new Request('http://f/api/ali/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=QueryProductList',
      }),
      '/',
      '',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('R2');
    const text = await response.text();
    expect(text).toContain('SignatureDoesNotMatch');
    expect(text).not.toContain(credentials.accessKeyId);
    expect(text).not.toContain(credentials.accessKeySecret);
  });

  it('keeps gateway errors from the simulator (status and code) for the adapter', async () => {
    const simulator = createAliyunSimulator({
      fleet,
      credentials,
      now: Date.now,
      throttlePerSecond: 1,
    });
    const app = createApp({ backends: [backendWith(inProcess(simulator.fetch))] });
    await post(app, { Action: 'QueryProductList' });
    const throttled = await post(app, { Action: 'QueryProductList' });
    expect(throttled.status).toBe(400);
    expect(await throttled.json()).toMatchObject({ Code: 'Throttling.User' });
  });
});
