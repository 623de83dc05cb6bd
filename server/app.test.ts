import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from './app.ts';
import type { ViteManifest } from './page-needs.ts';
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
    writeFileSync(
      path.join(staticDir, 'index.html'),
      '<!doctype html><html lang="en"><div id="root"></div>',
    );
    writeFileSync(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const manifest: ViteManifest = {
      'index.html': { file: 'assets/index-abc123.js', isEntry: true, imports: ['_react.js'] },
      '_react.js': { file: 'assets/react-1.js' },
      '_table.js': { file: 'assets/table-1.js', imports: ['_react.js'] },
      'src/backends/pelion/adapter.ts': { file: 'assets/pelion-adapter-1.js' },
      'src/backends/aliyun/adapter.ts': { file: 'assets/aliyun-adapter-1.js' },
      'src/features/devices/components/device-list.tsx': { file: 'assets/device-list-1.js' },
      'src/features/devices/components/device-page.tsx': { file: 'assets/device-page-1.js' },
      'src/features/events/event-log-route.tsx': {
        file: 'assets/event-log-route-1.js',
        imports: ['_table.js', 'index.html'],
      },
    };
    mkdirSync(path.join(staticDir, '.vite'));
    writeFileSync(path.join(staticDir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  });

  it('names the backend list and the chunks of the linked page in the shell', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    const html = await (await app.request('/one/devices/abc/events?type=FAIL')).text();
    const inline = /<script type="application\/json" id="fleetlog-backends">(.*?)<\/script>/.exec(
      html,
    );
    expect(JSON.parse(inline?.[1] ?? 'null')).toEqual({
      backends: [expect.objectContaining({ id: 'one', kind: 'pelion' })],
    });
    expect(html).not.toContain(SECRET);
    const preloads = [...html.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(preloads.sort()).toEqual([
      '/assets/device-page-1.js',
      '/assets/event-log-route-1.js',
      '/assets/pelion-adapter-1.js',
      '/assets/table-1.js',
    ]);
    // The device list page needs its own chunk, not the Event log's.
    const list = await (await app.request('/one/devices')).text();
    expect(list).toContain('/assets/device-list-1.js');
    expect(list).not.toContain('event-log-route');
    // "/" redirects to the first backend's list, so it gets the same hints.
    expect(await (await app.request('/')).text()).toContain('/assets/device-list-1.js');
  });

  it('serves the new shell after a rebuild under the running server', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fleetlog-rebuild-'));
    const index = path.join(dir, 'index.html');
    writeFileSync(index, '<!doctype html><script src="/assets/index-old.js"></script>');
    utimesSync(index, new Date(1_000_000), new Date(1_000_000));
    const app = createApp({ backends: [fakeBackend('one')], staticDir: dir });
    expect(await (await app.request('/one/devices')).text()).toContain('index-old.js');
    writeFileSync(index, '<!doctype html><script src="/assets/index-new.js"></script>');
    utimesSync(index, new Date(2_000_000), new Date(2_000_000));
    const html = await (await app.request('/one/devices')).text();
    expect(html).toContain('index-new.js');
    expect(html).not.toContain('index-old.js');
  });

  it('keeps the build manifest to itself', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    expect((await app.request('/.vite/manifest.json')).status).toBe(404);
  });

  it('sends the precompressed twin of an asset when the build wrote one', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    const source = 'export const rows = 1;\n'.repeat(500);
    writeFileSync(path.join(staticDir, 'assets', 'twin-1.js'), source);
    // Marked so that a body compressed on the fly could not pass for the twin.
    writeFileSync(
      path.join(staticDir, 'assets', 'twin-1.js.br'),
      brotliCompressSync(`${source}// from the twin`),
    );
    const response = await app.request('/assets/twin-1.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toContain('javascript');
    const body = brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString();
    expect(body).toBe(`${source}// from the twin`);
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

  it('writes the theme the visitor pinned (its cookie) on <html>, and nothing for another cookie', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    const page = async (cookie?: string) => {
      const response = await app.request('/one/devices', {
        headers: cookie ? { cookie } : {},
      });
      expect(response.headers.get('vary') ?? '').toMatch(/cookie/i);
      return response.text();
    };
    expect(await page('session=1; fleetlog-theme=dark')).toMatch(/<html[^>]* data-theme="dark">/);
    expect(await page('fleetlog-theme=light')).toMatch(/<html[^>]* data-theme="light">/);
    for (const other of [undefined, 'fleetlog-theme="><script>', 'theme=dark']) {
      expect(await page(other), String(other)).not.toContain('data-theme');
    }
  });

  it('answers a missing chunk with 404, not the HTML shell', async () => {
    const app = createApp({ backends: [fakeBackend('one')], staticDir });
    for (const link of ['/assets/gone-1.js', '/assets/nested/x.js']) {
      const response = await app.request(link);
      expect(response.status, link).toBe(404);
      expect(await response.text()).not.toContain('<div id="root">');
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
