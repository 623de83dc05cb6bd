import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedEncodings, createAssetStore } from './assets.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleetlog-assets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('acceptedEncodings', () => {
  it('reads the encodings a browser accepts, honouring q=0', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual({ br: true, gzip: true });
    expect(acceptedEncodings('gzip;q=0.5, br;q=0')).toEqual({ br: false, gzip: true });
    expect(acceptedEncodings('identity')).toEqual({ br: false, gzip: false });
    expect(acceptedEncodings(null)).toEqual({ br: false, gzip: false });
  });
});

describe('asset store', () => {
  it('sends the twin the request accepts, else the file itself', async () => {
    const source = 'export const a = 1;\n'.repeat(200);
    writeFileSync(path.join(dir, 'chunk-1.js'), source);
    writeFileSync(path.join(dir, 'chunk-1.js.gz'), gzipSync(`${source}// twin`));
    const store = createAssetStore(dir);

    const gzip = await store.respond('chunk-1.js', 'gzip, deflate, br');
    expect(gzip?.headers.get('content-encoding')).toBe('gzip');
    expect(gzip?.headers.get('vary')).toBe('accept-encoding');
    expect(gzip?.headers.get('cache-control')).toContain('immutable');
    expect(gunzipSync(Buffer.from(await gzip!.arrayBuffer())).toString()).toBe(`${source}// twin`);

    const plain = await store.respond('chunk-1.js', null);
    expect(plain?.headers.get('content-encoding')).toBeNull();
    expect(plain?.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await plain?.text()).toBe(source);
  });

  it('answers nothing for missing files, odd names and the twins themselves', async () => {
    writeFileSync(path.join(dir, 'chunk-1.js'), 'x');
    writeFileSync(path.join(dir, 'chunk-1.js.br'), 'x');
    const store = createAssetStore(dir);
    for (const name of ['missing.js', '../package.json', '.env', 'chunk-1.js.br', 'chunk-1.exe']) {
      expect(await store.respond(name, 'br'), name).toBeNull();
    }
  });

  it('finds a file that appears after it was first asked for', async () => {
    const store = createAssetStore(dir);
    expect(await store.respond('late-1.css', null)).toBeNull();
    writeFileSync(path.join(dir, 'late-1.css'), 'body{}');
    expect(await (await store.respond('late-1.css', null))?.text()).toBe('body{}');
  });
});
