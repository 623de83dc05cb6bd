import { describe, expect, it } from 'vitest';
import { createPelionBackend } from './proxy.ts';
import type { Upstream } from '../backends/types.ts';

const KEY = 'ak_test_key_0001';

function backendWith(upstream: Upstream, timeoutMs = 1000) {
  return createPelionBackend({
    id: 'p',
    label: 'Test Pelion',
    demo: false,
    apiUrl: 'https://api.example.test',
    apiKey: KEY,
    upstream,
    timeoutMs,
  });
}

function recordingUpstream(
  response: () => Response = () => Response.json({ object: 'list', data: [] }),
) {
  const seen: Request[] = [];
  const upstream: Upstream = async (url, init) => {
    seen.push(new Request(url, init));
    return response();
  };
  return { seen, upstream };
}

describe('Pelion forwarding', () => {
  it('adds the Bearer key and forwards path and query unchanged', async () => {
    const { seen, upstream } = recordingUpstream();
    const browser = new Request('http://fleetlog/api/p/v3/device-events?device_id__eq=abc&limit=5');
    const response = await backendWith(upstream).forward(
      browser,
      '/v3/device-events',
      '?device_id__eq=abc&limit=5',
    );
    expect(response.status).toBe(200);
    expect(seen[0]?.url).toBe(
      'https://api.example.test/v3/device-events?device_id__eq=abc&limit=5',
    );
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
  });

  it('drops the Authorization and cookies a browser sends', async () => {
    const { seen, upstream } = recordingUpstream();
    const browser = new Request('http://fleetlog/api/p/v3/devices', {
      headers: { authorization: 'Bearer ak_attacker', cookie: 'session=1' },
    });
    await backendWith(upstream).forward(browser, '/v3/devices', '');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.headers.get('cookie')).toBeNull();
  });

  it.each([
    '/v3/accounts/me',
    '/v3/api-keys',
    '/v2/endpoints',
    '/v3/devices/abc/logs',
    '/v3/device-events/../api-keys',
  ])('refuses %s, outside the allow-list, without calling upstream', async (path) => {
    const { seen, upstream } = recordingUpstream();
    const response = await backendWith(upstream).forward(
      new Request('http://fleetlog/x'),
      path,
      '',
    );
    expect(response.status).toBe(404);
    expect(seen).toHaveLength(0);
  });

  it('refuses writes', async () => {
    const { seen, upstream } = recordingUpstream();
    const response = await backendWith(upstream).forward(
      new Request('http://fleetlog/x', { method: 'DELETE' }),
      '/v3/devices/abc',
      '',
    );
    expect(response.status).toBe(405);
    expect(seen).toHaveLength(0);
  });

  it('passes status, body and X-Request-ID back, and nothing that names the key', async () => {
    const { upstream } = recordingUpstream(() =>
      Response.json(
        {
          object: 'error',
          code: 400,
          type: 'validation_error',
          message: 'bad',
          request_id: 'r123',
        },
        {
          status: 400,
          headers: { 'x-request-id': 'r123', 'set-cookie': 'a=b', 'www-authenticate': 'Bearer' },
        },
      ),
    );
    const response = await backendWith(upstream).forward(
      new Request('http://fleetlog/x'),
      '/v3/devices',
      '',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('r123');
    expect(response.headers.get('set-cookie')).toBeNull();
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ type: 'validation_error', request_id: 'r123' });
    expect(text).not.toContain(KEY);
  });

  it('answers 504 with a readable envelope when upstream is too slow', async () => {
    // Like an in-process simulator: never answers and ignores the abort signal.
    const hanging: Upstream = () => new Promise(() => {});
    const response = await backendWith(hanging, 100).forward(
      new Request('http://fleetlog/x'),
      '/v3/devices',
      '',
    );
    expect(response.status).toBe(504);
    const body = (await response.json()) as { type: string; message: string; request_id: string };
    expect(body.type).toBe('upstream_timeout');
    expect(body.message).toMatch(/did not answer/);
    expect(response.headers.get('x-request-id')).toBe(body.request_id);
  });

  it('answers 502 when upstream cannot be reached', async () => {
    const refused: Upstream = () => Promise.reject(new TypeError('fetch failed'));
    const response = await backendWith(refused).forward(
      new Request('http://fleetlog/x'),
      '/v3/devices',
      '',
    );
    expect(response.status).toBe(502);
    expect(((await response.json()) as { type: string }).type).toBe('upstream_unreachable');
  });
});
