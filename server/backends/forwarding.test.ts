/**
 * Strict forwarding through the real server (createApp) to a stand-in upstream on 127.0.0.1 that
 * misbehaves the ways an upstream (or whoever answers in its place) can: redirects, HTML, endless
 * bodies, silence. The server's own `fetch` does the calls, as for a real account.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createAliyunBackend } from '../aliyun/proxy.ts';
import { createPelionBackend } from '../pelion/proxy.ts';
import { MAX_REQUEST_BODY_BYTES } from './forwarding.ts';

const KEY = 'ak_standin_key_never_elsewhere';
const ALIYUN_KEY_ID = 'standin-key-id';
const ALIYUN_SECRET = 'standin-secret-value';
const MAX_BODY = 1024 * 1024;
/** Deadline of the hang tests; the others get a generous one, as the machine may be busy. */
const HANG_TIMEOUT_MS = 400;

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** What the stand-in does next; each test sets it. */
let behaviour: Behaviour = (_req, res) => res.end();
const seen: Seen[] = [];
/** Bytes the stand-in wrote into an answer before the connection went away. */
let bytesWritten = 0;
let base = '';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: Buffer.concat(chunks).toString(),
    });
    behaviour(req, res);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  bytesWritten = 0;
});

function app(demo = false, timeoutMs = 10_000) {
  const upstream = (url: string, init: RequestInit) => fetch(url, init);
  return createApp({
    backends: [
      createPelionBackend({
        id: 'p',
        label: 'Stand-in Pelion',
        demo,
        apiUrl: base,
        apiKey: KEY,
        upstream,
        timeoutMs,
        maxBodyBytes: MAX_BODY,
      }),
      createAliyunBackend({
        id: 'a',
        label: 'Stand-in Alibaba',
        demo,
        endpoint: base,
        regionId: 'cn-shanghai',
        accessKeyId: ALIYUN_KEY_ID,
        accessKeySecret: ALIYUN_SECRET,
        iotInstanceId: null,
        upstream,
        timeoutMs,
        maxBodyBytes: MAX_BODY,
      }),
    ],
  });
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Behaviour =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

function postForm(target: ReturnType<typeof app>, params: Record<string, string> | string) {
  return target.request('/api/a/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: typeof params === 'string' ? params : new URLSearchParams(params).toString(),
  });
}

async function envelope(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await response.text();
  return {
    text,
    body: JSON.parse(text) as { type: string; message: string; source?: string; code: number },
  };
}

/** Streams `total` bytes in 64 KiB chunks, as fast as the reader takes them, counting what left. */
function endless(total: number, headers: Record<string, string> = {}): Behaviour {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let closed = false;
    res.on('close', () => (closed = true));
    const pump = () => {
      while (!closed && bytesWritten < total) {
        bytesWritten += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    res.write('{"object":"list","data":"');
    pump();
  };
}

describe('upstream redirects are not followed', () => {
  it('Pelion: a 307 to /steal is a 502, and the key is never sent there', async () => {
    behaviour = (_req, res) => {
      if (_req.url === '/steal') return json({ stolen: true })(_req, res);
      res.writeHead(307, { location: `${base}/steal` });
      res.end();
    };
    const response = await app().request('/api/p/v3/devices?limit=5');
    expect(response.status).toBe(502);
    const { body } = await envelope(response);
    expect(body).toMatchObject({ type: 'upstream_redirect', source: 'fleetlog' });
    expect(body.message).toMatch(/redirect \(HTTP 307\)/);
    expect(seen.map((s) => s.path)).toEqual(['/v3/devices?limit=5']);
  });

  it('Pelion: a 302 to an allowed-looking path is not fetched either', async () => {
    behaviour = (req, res) => {
      if (req.url?.startsWith('/v3/devices')) {
        res.writeHead(302, { location: '/v3/device-events?access_token=x' });
        return res.end();
      }
      json({ object: 'list', data: ['walked around the allow-list'] })(req, res);
    };
    const response = await app().request('/api/p/v3/devices');
    expect(response.status).toBe(502);
    expect((await envelope(response)).text).not.toContain('walked around');
    expect(seen).toHaveLength(1);
  });

  it('Alibaba: a redirect of the signed request is a 502 and goes nowhere', async () => {
    behaviour = (_req, res) => {
      res.writeHead(308, { location: `${base}/steal` });
      res.end();
    };
    const response = await postForm(app(), { Action: 'QueryProductList' });
    expect(response.status).toBe(502);
    expect((await envelope(response)).body.type).toBe('upstream_redirect');
    expect(seen.map((s) => s.path)).toEqual(['/']);
  });
});

describe('answers are JSON from Fleetlog, whatever the upstream sent', () => {
  const page =
    '<html><body><h1>502 from lb-internal-07.corp.example</h1><script>fetch("/api/p/v3/devices")</script></body></html>';

  it.each([
    ['text/html', 200],
    ['text/html; charset=utf-8', 503],
    ['application/javascript', 200],
    ['text/plain', 404],
  ])(
    'Pelion: %s (HTTP %i) becomes a 502 envelope without the upstream body',
    async (type, status) => {
      behaviour = (_req, res) => {
        res.writeHead(status, {
          'content-type': type,
          'cache-control': 'public, max-age=31536000',
        });
        res.end(page);
      };
      const response = await app().request('/api/p/v3/devices');
      expect(response.status).toBe(502);
      const { text, body } = await envelope(response);
      expect(body.type).toBe('upstream_bad_response');
      expect(body.message).toContain(`HTTP ${status}`);
      expect(text).not.toMatch(/<script|lb-internal|<html/);
    },
  );

  it('Pelion: an HTML page labelled application/json is refused too', async () => {
    behaviour = (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(page);
    };
    const response = await app().request('/api/p/v3/devices');
    expect(response.status).toBe(502);
    expect((await envelope(response)).text).not.toMatch(/<script|lb-internal/);
  });

  it('Alibaba: an HTML page is a 502 envelope without the upstream body', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    };
    const response = await postForm(app(), { Action: 'QueryProductList' });
    expect(response.status).toBe(502);
    const { text } = await envelope(response);
    expect(text).not.toMatch(/<script|lb-internal/);
  });

  it('keeps status, body and request id of JSON answers, never the upstream caching', async () => {
    behaviour = json(
      { object: 'error', code: 404, type: 'not_found', message: 'Unable to find page.' },
      404,
      { 'cache-control': 'public, max-age=31536000', 'x-request-id': 'up-1', etag: '"e"' },
    );
    const response = await app().request('/api/p/v3/device-events?device_id__eq=x');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('up-1');
    expect(response.headers.get('etag')).toBeNull();
    expect((await envelope(response)).body.type).toBe('not_found');
  });

  it('puts Cache-Control: no-store on every /api/<backendId> answer, refusals included', async () => {
    behaviour = json({ RequestId: 'R', Success: true, Data: {} });
    const target = app();
    const answers = await Promise.all([
      target.request('/api/p/v3/devices'),
      target.request('/api/p/v3/api-keys'),
      target.request('/api/p/v3/devices', { method: 'DELETE' }),
      target.request('/api/p/v3/devices?api_key=x'),
      target.request('/api/nope/v3/devices'),
      postForm(target, { Action: 'QueryProductList' }),
      postForm(target, { Action: 'DeleteDevice' }),
      target.request('/api/a/'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 405, 400, 404, 200, 403, 405]);
    for (const answer of answers) await envelope(answer);
  });
});

describe('bodies are bounded', () => {
  it('refuses an endless upstream body past the cap, having read only about that much', async () => {
    const total = 400 * 1024 * 1024;
    behaviour = endless(total);
    const response = await app().request('/api/p/v3/device-events');
    expect(response.status).toBe(502);
    const { body } = await envelope(response);
    expect(body.type).toBe('upstream_too_large');
    expect(body.message).toContain('1 MiB');
    // The stand-in stopped when the server hung up: socket buffers, not 400 MB, beyond the cap.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bytesWritten).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses an upstream body whose declared length is over the cap without reading it', async () => {
    behaviour = endless(8 * MAX_BODY, { 'content-length': String(8 * MAX_BODY + 26) });
    const response = await postForm(app(), { Action: 'QueryProductList' });
    expect(response.status).toBe(502);
    expect((await envelope(response)).body.type).toBe('upstream_too_large');
  });

  it('passes an answer just under the cap', async () => {
    const data = 'x'.repeat(MAX_BODY - 100);
    behaviour = json({ object: 'list', data: [data] });
    const response = await app().request('/api/p/v3/devices');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: string[] }).data[0]).toHaveLength(data.length);
  });

  it('answers 413 to a request body over the cap and sends nothing upstream', async () => {
    behaviour = json({ RequestId: 'R', Success: true });
    const big = `Action=QueryProductList&PageSize=${'9'.repeat(MAX_REQUEST_BODY_BYTES)}`;
    const response = await postForm(app(), big);
    expect(response.status).toBe(413);
    expect((await envelope(response)).body.type).toBe('request_too_large');
    expect(seen).toHaveLength(0);
  });

  it('stops reading a streamed request body soon after the cap (no length declared)', async () => {
    behaviour = json({ RequestId: 'R', Success: true });
    let pulled = 0;
    const chunk = new TextEncoder().encode('PageSize=' + '1'.repeat(16 * 1024 - 9));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 100 MB on offer; only what the server asks for is made.
        if (pulled >= 100 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await app().request('/api/a/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
    expect(seen).toHaveLength(0);
  });
});

describe('an upstream that hangs', () => {
  it('answers 504 when no answer comes at all', async () => {
    behaviour = () => {}; // never answers
    const response = await app(false, HANG_TIMEOUT_MS).request('/api/p/v3/devices');
    expect(response.status).toBe(504);
    expect((await envelope(response)).body.type).toBe('upstream_timeout');
  });

  it('answers 504 when the body stops halfway', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"object":"list","data":[');
    };
    const response = await postForm(app(false, HANG_TIMEOUT_MS), { Action: 'QueryProductList' });
    expect(response.status).toBe(504);
    expect((await envelope(response)).body.type).toBe('upstream_timeout');
  });
});

describe('only documented parameters reach the upstream', () => {
  it.each([
    ['/v3/devices?access_token=abc', 'access_token'],
    ['/v3/devices?limit=5&api_key=ak_other', 'api_key'],
    ['/v3/device-events?device_id__eq=x&filter=access_token%3Dy', 'filter: access_token'],
    ['/v3/device-events?name__eq=x', 'name__eq'],
    ['/v3/devices?date_time__gte=2020-01-01T00:00:00Z', 'date_time__gte'],
    ['/v3/devices/0168264e9f9900000000000100100000?include=total_count', 'include'],
    ['/v3/devices?x_sim_fault=throttle', 'x_sim_fault'],
    ['/v3/devices?toString=1', 'toString'],
    ['/v3/devices?__proto__=1', '__proto__'],
  ])('Pelion: %s is a 400 naming %s, and nothing is sent', async (path, name) => {
    behaviour = json({ object: 'list', data: [] });
    const response = await app().request(`/api/p${path}`);
    expect(response.status).toBe(400);
    const { body } = await envelope(response);
    expect(body.type).toBe('parameter_not_allowed');
    expect(body.message).toContain(`"${name}"`);
    expect(seen).toHaveLength(0);
  });

  it('Pelion: the documented parameters go through as they were checked, with the key', async () => {
    behaviour = json({ object: 'list', data: [] });
    const search =
      '?device_id__eq=abc&order=DESC&limit=1000&include=total_count&date_time__gte=2024-01-01T00%3A00%3A00.000Z&event_type__nin=SYS_101,SYS_103&filter=state_change%3Dtrue';
    const response = await app().request(`/api/p/v3/device-events${search}`);
    expect(response.status).toBe(200);
    expect(seen).toEqual([
      {
        method: 'GET',
        path: `/v3/device-events${search}`,
        authorization: `Bearer ${KEY}`,
        body: '',
      },
    ]);
  });

  it('Pelion: the demo fault switch passes on demo backends only', async () => {
    behaviour = json({ object: 'list', data: [] });
    expect((await app(true).request('/api/p/v3/devices?x_sim_fault=throttle')).status).toBe(200);
    expect(seen.map((s) => s.path)).toEqual(['/v3/devices?x_sim_fault=throttle']);
  });

  it.each([
    ['Action=QueryProductList&action=DeleteDevice', 'action'],
    ['Action=QueryProductList&constructor=y', 'constructor'],
    ['Action=QueryProductList&__proto__=y', '__proto__'],
    ['Action=QueryProductList&IotId=x', 'IotId'],
    ['Action=QueryDeviceDetail&IotId=x&DeviceSecret=y', 'DeviceSecret'],
    ['Action=QueryDeviceEventData&IotId=x&format=XML', 'format'],
    ['Action=QueryDevice&ProductKey=x&x_sim_fault=error', 'x_sim_fault'],
  ])('Alibaba: %s is a 400 naming %s, and nothing is signed or sent', async (form, name) => {
    behaviour = json({ RequestId: 'R', Success: true });
    const response = await postForm(app(), form);
    expect(response.status).toBe(400);
    const { body } = await envelope(response);
    expect(body.type).toBe('parameter_not_allowed');
    expect(body.message).toContain(`"${name}"`);
    expect(seen).toHaveLength(0);
  });

  it('Alibaba: a parameter given twice is refused rather than one copy signed', async () => {
    behaviour = json({ RequestId: 'R', Success: true });
    const response = await postForm(app(), 'Action=QueryDeviceDetail&IotId=a&IotId=b');
    expect(response.status).toBe(400);
    expect((await envelope(response)).body.type).toBe('duplicate_parameter');
    expect(seen).toHaveLength(0);
  });

  it('Alibaba: common parameters from the browser are replaced by the server’s own', async () => {
    behaviour = json({ RequestId: 'R', Success: true, Data: {} });
    const response = await postForm(app(), {
      Action: 'QueryDeviceEventData',
      IotId: 'dev',
      StartTime: '1',
      EndTime: '2',
      Format: 'XML',
      AccessKeyId: 'attacker',
      Signature: 'forged',
    });
    expect(response.status).toBe(200);
    const sent = new URLSearchParams(seen[0]!.body);
    expect(sent.get('Format')).toBe('JSON');
    expect(sent.get('AccessKeyId')).toBe(ALIYUN_KEY_ID);
    expect(sent.get('Signature')).not.toBe('forged');
    expect([...sent.keys()].sort()).toEqual(
      [
        'AccessKeyId',
        'Action',
        'EndTime',
        'Format',
        'IotId',
        'RegionId',
        'Signature',
        'SignatureMethod',
        'SignatureNonce',
        'SignatureVersion',
        'StartTime',
        'Timestamp',
        'Version',
      ].sort(),
    );
  });
});
