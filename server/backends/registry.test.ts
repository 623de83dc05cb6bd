import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { buildBackends } from './registry.ts';
import { DEMO_ALIYUN_CREDENTIALS, DEMO_PELION_API_KEY } from '../fleet/demo-credentials.ts';

// One app for the file: the demo fleets are deterministic and histories are built lazily.
const app = createApp({ backends: buildBackends(loadConfig({})) });

describe('demo backends through the production forwarding path', () => {
  it('lists both demo backends and only them when nothing else is configured', async () => {
    const body = (await (await app.request('/api/backends')).json()) as {
      backends: Array<{ id: string; kind: string }>;
    };
    expect(body.backends.map((b) => [b.id, b.kind])).toEqual([
      ['demo-pelion', 'pelion'],
      ['demo-aliyun', 'aliyun'],
    ]);
  });

  it('answers a Pelion device list with the API envelope, credentials added by the server', async () => {
    const response = await app.request('/api/demo-pelion/v3/devices?limit=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const text = await response.text();
    expect(text).not.toContain(DEMO_PELION_API_KEY);
    const body = JSON.parse(text) as {
      object: string;
      data: unknown[];
      limit: number;
      has_more: boolean;
    };
    expect(body).toMatchObject({ object: 'list', limit: 3, has_more: true });
    expect(body.data).toHaveLength(3);
  });

  it('signs Alibaba calls on the server: an unsigned form post from the browser succeeds', async () => {
    const response = await app.request('/api/demo-aliyun/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'QueryProductList',
        CurrentPage: '1',
        PageSize: '10',
      }).toString(),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ Success: true });
    expect(text).not.toContain(DEMO_ALIYUN_CREDENTIALS.accessKeySecret);
    expect(text).not.toContain('Signature=');
  });

  it('lets tests inject an upstream failure in the demo (test aid), passed through with its request id', async () => {
    const response = await app.request('/api/demo-pelion/v3/devices?limit=3&x_sim_fault=throttle');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    const body = (await response.json()) as { request_id: string };
    expect(response.headers.get('x-request-id')).toBe(body.request_id);
  });
});

describe('demo backends and parameters named like Object members', () => {
  it.each(['toString=1', '__proto__=1', 'filter=constructor', 'constructor__eq=x'])(
    'GET /api/demo-pelion/v3/devices?%s is a 400 envelope naming the parameter, not a 500',
    async (search) => {
      const response = await app.request(`/api/demo-pelion/v3/devices?${search}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { type: string; message: string };
      expect(body.type).toBe('parameter_not_allowed');
      expect(body.message).toContain(search.split('=')[0]!);
    },
  );

  it('answers the Alibaba demo fault switch x_sim_fault=throttle as the service does', async () => {
    const response = await app.request('/api/demo-aliyun/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=QueryProductList&x_sim_fault=throttle',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toMatchObject({ Code: 'Throttling.User' });
  });
});
