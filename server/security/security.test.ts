/**
 * Who may come in, through a real listening server: Host names (DNS rebinding), other sites'
 * requests to /api, HTTP Basic and a trusted sign-in proxy, and the headers every answer carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '../app.ts';
import { PELION_CAPABILITIES, type ConfiguredBackend } from '../backends/types.ts';
import { newNonce } from './headers.ts';
import { defaultAllowedHosts } from './hosts.ts';
import { hashPassword, parsePasswordHash } from './password.ts';
import { freePort, listen, rawRequest, type Listening } from './test-server.ts';

/** A backend that records what reached it. */
function recordingBackend(calls: string[]): ConfiguredBackend {
  return {
    id: 'one',
    kind: 'pelion',
    label: 'One',
    demo: false,
    capabilities: PELION_CAPABILITIES,
    async forward(request, subPath) {
      calls.push(`${request.method} ${subPath}`);
      return Response.json({ ok: true });
    },
  };
}

let staticDir: string;
beforeAll(() => {
  staticDir = mkdtempSync(path.join(tmpdir(), 'fleetlog-security-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8"></head><body><div id="root"></div>' +
      '<script type="module" crossorigin src="/assets/index-1.js"></script></body></html>',
  );
  writeFileSync(path.join(staticDir, 'assets', 'index-1.js'), 'console.log("app")');
});

const servers: Listening[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function start(options: Partial<AppOptions> = {}, calls: string[] = [], port = 0) {
  const server = await listen(
    createApp({ backends: [recordingBackend(calls)], staticDir, firstScreen: false, ...options }),
    port,
  );
  servers.push(server);
  return server;
}

describe('Host names (DNS rebinding)', () => {
  it('answers the loopback names on its port and refuses any other name with 421', async () => {
    // The default list for PORT, as server/config.ts builds it.
    const port = await freePort();
    const server = await start({ allowedHosts: defaultAllowedHosts('127.0.0.1', port) }, [], port);
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `[::1]:${server.port}`,
    ]) {
      const answer = await rawRequest(server.port, '/api/backends', { host });
      expect(answer.status, host).toBe(200);
    }
    // A rebinding page reaches the same socket under its own name.
    for (const host of [
      `attacker.example:${server.port}`,
      'attacker.example',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const api = await rawRequest(server.port, '/api/backends', { host });
      expect(api.status, host).toBe(421);
      expect(api.body).toContain('ALLOWED_HOSTS');
      expect(api.body).not.toContain('"backends"');
      expect((await rawRequest(server.port, '/one/devices', { host })).status).toBe(421);
    }
  });

  it('answers a configured name on any port when the entry has none', async () => {
    const server = await start({ allowedHosts: [{ hostname: 'fleetlog.example', port: null }] });
    expect(
      (await rawRequest(server.port, '/one/devices', { host: 'FLEETLOG.example.:8443' })).status,
    ).toBe(200);
    expect(
      (await rawRequest(server.port, '/one/devices', { host: `127.0.0.1:${server.port}` })).status,
    ).toBe(421);
  });
});

describe('other sites on /api', () => {
  it('refuses a cross-site Origin on GET and POST without reaching the backend', async () => {
    const calls: string[] = [];
    const server = await start({}, calls);
    const host = `127.0.0.1:${server.port}`;
    const get = await rawRequest(server.port, '/api/backends', {
      host,
      origin: 'https://attacker.example',
    });
    expect(get.status).toBe(403);
    expect(JSON.parse(get.body)).toMatchObject({
      type: 'cross_origin_refused',
      source: 'fleetlog',
    });
    // What a plain HTML form on another site sends: no script, no CORS preflight.
    const post = await rawRequest(
      server.port,
      '/api/one/',
      {
        host,
        origin: 'https://attacker.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      { method: 'POST', body: 'Action=QueryDeviceEventData' },
    );
    expect(post.status).toBe(403);
    const nullOrigin = await rawRequest(server.port, '/api/one/v3/devices', {
      host,
      origin: 'null',
    });
    expect(nullOrigin.status).toBe(403);
    // No Origin, but the browser says where the request comes from.
    for (const site of ['cross-site', 'same-site']) {
      const fetched = await rawRequest(
        server.port,
        '/api/one/',
        { host, 'sec-fetch-site': site },
        { method: 'POST', body: 'Action=QueryDeviceEventData' },
      );
      expect(fetched.status, site).toBe(403);
    }
    expect(calls).toEqual([]);
  });

  it('answers its own pages, and lets any site link to a page', async () => {
    const calls: string[] = [];
    const server = await start({}, calls);
    const host = `127.0.0.1:${server.port}`;
    const own = await rawRequest(
      server.port,
      '/api/one/',
      { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' },
      { method: 'POST', body: 'Action=QueryDeviceEventData' },
    );
    expect(own.status).toBe(200);
    expect(calls).toEqual(['POST /']);
    const linked = await rawRequest(server.port, '/one/devices', {
      host,
      'sec-fetch-site': 'cross-site',
      referer: 'https://chat.example/',
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toContain('<div id="root">');
  });
});

describe('HTTP Basic sign-in', () => {
  const password = 'correct horse battery staple';
  let server: Listening;
  const calls: string[] = [];
  beforeAll(async () => {
    // Cheap parameters: the format and the check are the same, the test just runs faster.
    const hash = parsePasswordHash(await hashPassword(password, { N: 2 ** 12, r: 8, p: 1 }))!;
    server = await start({ signIn: { mode: 'basic', users: [{ name: 'ops', hash }] } }, calls);
  });
  const basic = (user: string, secret: string) =>
    `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
  const paths = ['/one/devices', '/assets/index-1.js', '/api/backends', '/api/one/v3/devices'];

  it('asks for credentials on pages, assets and /api alike', async () => {
    for (const target of paths) {
      const response = await fetch(`${server.origin}${target}`);
      expect(response.status, target).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        'Basic realm="Fleetlog", charset="UTF-8"',
      );
    }
    const api = await fetch(`${server.origin}/api/backends`);
    expect(await api.json()).toMatchObject({ type: 'sign_in_required' });
    expect(calls).toEqual([]);
  });

  it('refuses a wrong password and an unknown user', async () => {
    for (const authorization of [
      basic('ops', 'wrong password!'),
      basic('eve', password),
      'Basic !!!',
      'Bearer x',
    ]) {
      const response = await fetch(`${server.origin}/api/one/v3/devices`, {
        headers: { authorization },
      });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Basic');
    }
    expect(calls).toEqual([]);
  });

  it('lets the user in everywhere with the right password', async () => {
    for (const target of paths) {
      const response = await fetch(`${server.origin}${target}`, {
        headers: { authorization: basic('ops', password) },
      });
      expect(response.status, target).toBe(200);
    }
    expect(calls).toEqual(['GET /v3/devices']);
  });

  it('checks the same credentials arriving at once (a page and its assets) only once', async () => {
    // A fresh server: nothing verified yet, and more requests than concurrent checks allowed.
    const hash = parsePasswordHash(await hashPassword(password, { N: 2 ** 12, r: 8, p: 1 }))!;
    const fresh = await start({ signIn: { mode: 'basic', users: [{ name: 'ops', hash }] } });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${fresh.origin}/assets/index-1.js`, {
          headers: { authorization: basic('ops', password) },
        }).then((response) => response.status),
      ),
    );
    expect(statuses).toEqual(Array(12).fill(200));
  });
});

describe('behind a sign-in proxy', () => {
  const proxy = (trustedProxies: string[]) => ({
    signIn: { mode: 'proxy' as const, header: 'X-Forwarded-User', trustedProxies },
  });

  it('honours the user header from a trusted peer', async () => {
    const server = await start(proxy(['127.0.0.0/8', '::1']));
    const page = await fetch(`${server.origin}/one/devices`, {
      headers: { 'x-forwarded-user': 'ops@example.com' },
    });
    expect(page.status).toBe(200);
    const api = await fetch(`${server.origin}/api/backends`, {
      headers: { 'x-forwarded-user': 'ops@example.com' },
    });
    expect(api.status).toBe(200);
    // From the proxy but without a user: it let something through that it should not have.
    const anonymous = await fetch(`${server.origin}/api/backends`);
    expect(anonymous.status).toBe(403);
    expect(((await anonymous.json()) as { message: string }).message).toContain('X-Forwarded-User');
  });

  it('ignores the header from any other peer and refuses it', async () => {
    const calls: string[] = [];
    const server = await start(proxy(['10.0.0.0/8', '192.168.1.10']), calls);
    for (const target of ['/one/devices', '/api/backends', '/api/one/v3/devices']) {
      const response = await fetch(`${server.origin}${target}`, {
        headers: { 'x-forwarded-user': 'admin' },
      });
      expect(response.status, target).toBe(403);
      expect(await response.text()).toContain('TRUSTED_PROXIES');
    }
    expect(calls).toEqual([]);
  });
});

describe('security headers', () => {
  const scriptSrc = (csp: string) =>
    /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];

  it('are on pages, assets, /api, and on errors and refusals', async () => {
    const server = await start({
      signIn: {
        mode: 'basic',
        users: [
          {
            name: 'ops',
            hash: parsePasswordHash(
              await hashPassword('a long password', { N: 2 ** 10, r: 8, p: 1 }),
            )!,
          },
        ],
      },
    });
    const auth = {
      authorization: `Basic ${Buffer.from('ops:a long password').toString('base64')}`,
    };
    const host = `127.0.0.1:${server.port}`;
    const answers = {
      page: await rawRequest(server.port, '/one/devices', { host, ...auth }),
      asset: await rawRequest(server.port, '/assets/index-1.js', { host, ...auth }),
      api: await rawRequest(server.port, '/api/backends', { host, ...auth }),
      forwarded: await rawRequest(server.port, '/api/one/v3/devices', { host, ...auth }),
      missingAsset: await rawRequest(server.port, '/assets/nope.js', { host, ...auth }),
      unknownBackend: await rawRequest(server.port, '/api/nope/x', { host, ...auth }),
      signIn: await rawRequest(server.port, '/one/devices', { host }),
      wrongHost: await rawRequest(server.port, '/one/devices', { host: 'attacker.example' }),
      crossSite: await rawRequest(server.port, '/api/backends', {
        host,
        ...auth,
        origin: 'https://x.example',
      }),
    };
    expect(answers.page.status).toBe(200);
    expect(answers.asset.status).toBe(200);
    expect(answers.missingAsset.status).toBe(404);
    for (const [name, answer] of Object.entries(answers)) {
      const csp = String(answer.headers['content-security-policy']);
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(scriptSrc(csp), name).not.toContain('unsafe-inline');
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['referrer-policy'], name).toBe('no-referrer');
    }
    expect(answers.api.headers['cache-control']).toBe('no-store');
    // Only pages may run anything: script from this origin or with the page's nonce.
    expect(scriptSrc(String(answers.page.headers['content-security-policy']))).toMatch(
      /^'self' 'nonce-[A-Za-z0-9+/]{22}==' *$/,
    );
    expect(String(answers.api.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('gives every page a nonce of 16 fresh random bytes that no other page had', () => {
    const nonces = Array.from({ length: 2000 }, () => newNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    // Random, not counted: the bytes of all of them together are spread over every value.
    const bytes = Buffer.concat(nonces.map((nonce) => Buffer.from(nonce, 'base64')));
    expect(new Set(bytes).size).toBe(256);
    expect(bytes.reduce((sum, byte) => sum + byte, 0) / bytes.length).toBeCloseTo(127.5, -1);
  });
});
