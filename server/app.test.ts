import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from './app.ts';
import { PELION_CAPABILITIES, type ConfiguredBackend } from './backends/types.ts';

const SECRET = 'ak_secret_never_leaves_the_server';

function fakeBackend(
  id: string,
  calls: Array<{ subPath: string; search: string }> = [],
): ConfiguredBackend {
  const apiKey = SECRET;
  return {
    id,
    kind: 'pelion',
    label: `Backend ${id}`,
    demo: false,
    capabilities: PELION_CAPABILITIES,
    async forward(_request, subPath, search) {
      calls.push({ subPath, search });
      return Response.json({ ok: true, usedKey: apiKey.length > 0 });
    },
  };
}

describe('API routes', () => {
  it('lists the backends without anything secret', async () => {
    const app = createApp({ backends: [fakeBackend('one'), fakeBackend('two')] });
    const response = await app.request('/api/backends');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text) as { backends: Array<Record<string, unknown>> };
    expect(body.backends.map((b) => b.id)).toEqual(['one', 'two']);
    expect(Object.keys(body.backends[0]!).sort()).toEqual([
      'capabilities',
      'demo',
      'id',
      'kind',
      'label',
    ]);
  });

  it('hands the path after /api/<id> and the query to the backend', async () => {
    const calls: Array<{ subPath: string; search: string }> = [];
    const app = createApp({ backends: [fakeBackend('one', calls)] });
    await app.request('/api/one/v3/device-events/?device_id__eq=x&limit=5');
    expect(calls).toEqual([{ subPath: '/v3/device-events/', search: '?device_id__eq=x&limit=5' }]);
  });

  it('answers an unknown backend with a JSON 404 naming it', async () => {
    const app = createApp({ backends: [fakeBackend('one')] });
    const response = await app.request('/api/nope/v3/devices');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { type: string; message: string; request_id: string };
    expect(body.type).toBe('unknown_backend');
    expect(body.message).toContain('nope');
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('serving the built SPA', () => {
  let staticDir: string;
  beforeAll(() => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'fleetlog-dist-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  });

  it('answers deep links with the SPA shell (history fallback)', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    for (const link of [
      '/',
      '/demo-pelion/devices',
      '/demo-pelion/devices/abc/events/def?type=FAIL',
    ]) {
      const response = await app.request(link);
      expect(response.status, link).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves fingerprinted assets as immutable', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    const response = await app.request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('compresses text for browsers that accept it', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    writeFileSync(path.join(staticDir, 'assets', 'big-1.js'), 'let a = 1;\n'.repeat(2000));
    const response = await app.request('/assets/big-1.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('does not answer unknown API paths with the HTML shell', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    const response = await app.request('/api');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
