import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDirectory } from './precompress-plugin.ts';

describe('precompressDirectory', () => {
  it('writes .br and .gz twins that decode to each text file, and skips what does not pay', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fleetlog-precompress-'));
    mkdirSync(path.join(dir, 'assets'));
    const script = 'export const row = { id: 1 };\n'.repeat(400);
    writeFileSync(path.join(dir, 'assets', 'index-1.js'), script);
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>'.padEnd(4000, ' '));
    writeFileSync(path.join(dir, 'assets', 'tiny-1.js'), 'export {};');
    writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(5000, 7));
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), `{"pad": "${'x'.repeat(4000)}"}`);

    expect(await precompressDirectory(dir)).toBe(2);

    const js = path.join(dir, 'assets', 'index-1.js');
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${js}.br`).length).toBeLessThan(script.length / 10);
    expect(existsSync(path.join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(path.join(dir, 'assets', 'tiny-1.js.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'photo.png.gz'))).toBe(false);
    expect(existsSync(path.join(dir, '.vite', 'manifest.json.br'))).toBe(false);
  });
});
