import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import RPCClient from '@alicloud/pop-core';
import { createApp } from '../app.ts';
import { inProcess } from '../backends/types.ts';
import { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from '../fleet/aliyun-fleet.ts';
import { rpcTimestamp, signedRequestParams } from './common-params.ts';
import { createAliyunBackend } from './proxy.ts';
import { createAliyunSimulator } from './simulator.ts';

/**
 * The vendor's own Node client (`@alicloud/pop-core`) against the simulator on a loopback port:
 * proves the simulator speaks the real wire format and that Fleetlog signs exactly like the vendor.
 */
const credentials = {
  accessKeyId: 'interop-key',
  accessKeySecret: 'interop-secret',
  regionId: 'cn-shanghai',
};
const account = { ...credentials, iotInstanceId: null };
const fleet = generateAliyunFleet({ now: Date.now() });
const simulator = createAliyunSimulator({ fleet, credentials, now: Date.now });
const received: Array<{ method: string; params: Record<string, string> }> = [];

let server: ServerType;
let endpoint: string;

beforeAll(async () => {
  server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request: Request) => {
      const copy = request.clone();
      const params = Object.fromEntries(new URL(copy.url).searchParams);
      if (copy.method === 'POST')
        Object.assign(params, Object.fromEntries(new URLSearchParams(await copy.text())));
      received.push({ method: request.method, params });
      return simulator.fetch(request);
    },
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function popClient() {
  return new RPCClient({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    endpoint,
    apiVersion: '2018-01-20',
  });
}

const eventParams = {
  IotId: ALIYUN_NOTABLE_DEVICES.tieHeavy,
  StartTime: String(Date.now() - 29 * 86_400_000),
  EndTime: String(Date.now()),
  PageSize: '50',
  EventType: 'error',
  Asc: '1',
};

describe('interoperability with @alicloud/pop-core', () => {
  it('pop-core reads the same event page as the Fleetlog proxy path', async () => {
    const viaVendor = (await popClient().request(
      'QueryDeviceEventData',
      { ...eventParams, RegionId: credentials.regionId },
      { method: 'POST', formatParams: false },
    )) as { Success: boolean; Data: unknown };
    expect(viaVendor.Success).toBe(true);

    const backend = createAliyunBackend({
      id: 'ali',
      label: 'Interop',
      demo: false,
      endpoint,
      ...account,
      upstream: inProcess(simulator.fetch),
      timeoutMs: 2000,
    });
    const app = createApp({ backends: [backend] });
    const viaFleetlog = await app.request('/api/ali/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'QueryDeviceEventData', ...eventParams }).toString(),
    });
    const body = (await viaFleetlog.json()) as { Data: unknown };
    expect(body.Data).toEqual(viaVendor.Data);
    expect((viaVendor.Data as { List: { EventInfo: unknown[] } }).List.EventInfo.length).toBe(50);
  });

  it.each(['GET', 'POST'] as const)(
    'Fleetlog signs %s requests exactly like pop-core for the same nonce and timestamp',
    async (method) => {
      const nonce = crypto.randomUUID();
      const timestamp = rpcTimestamp(Date.now());
      const actionParams = {
        Action: 'QueryDeviceEventData',
        ...eventParams,
        Identifier: 'module:Name with spaces*~',
        RegionId: credentials.regionId,
      };
      await popClient().request(
        'QueryDeviceEventData',
        { ...actionParams, SignatureNonce: nonce, Timestamp: timestamp },
        { method, formatParams: false },
      );
      const vendorRequest = received.find((r) => r.params.SignatureNonce === nonce);
      expect(vendorRequest?.method).toBe(method);
      const ours = signedRequestParams(method, actionParams, account, { nonce, timestamp });
      expect(ours.Signature).toBe(vendorRequest?.params.Signature);
    },
  );

  it('pop-core sees the gateway errors as the vendor client expects', async () => {
    const wrong = new RPCClient({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: 'not-the-secret',
      endpoint,
      apiVersion: '2018-01-20',
    });
    await expect(wrong.request('QueryProductList', {}, { method: 'POST' })).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });
});
