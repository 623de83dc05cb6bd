import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressResponses } from './compress.ts';

const json = JSON.stringify({
  data: Array.from({ length: 200 }, (_, i) => ({ id: i, text: 'é'.repeat(20) })),
});

function app() {
  const hono = new Hono();
  hono.use('*', compressResponses({ threshold: 4096 }));
  hono.get(
    '/big',
    () =>
      new Response(json, {
        status: 207,
        headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
      }),
  );
  hono.get(
    '/small',
    () => new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }),
  );
  hono.get(
    '/png',
    () => new Response(new Uint8Array(10_000), { headers: { 'content-type': 'image/png' } }),
  );
  hono.get(
    '/encoded',
    () =>
      new Response(json, {
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
      }),
  );
  return hono;
}

describe('compressResponses', () => {
  it('sends a large text body as brotli when accepted, else gzip, with the same bytes inside', async () => {
    const br = await app().request('/big', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(207);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('x-request-id')).toBe('r1');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(json) / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(json);

    const gz = await app().request('/big', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(json);
  });

  it('leaves small, binary, already encoded and unaccepted bodies as they are', async () => {
    const headers = { 'accept-encoding': 'br, gzip' };
    for (const path of ['/small', '/png', '/encoded']) {
      const response = await app().request(path, { headers });
      expect(response.headers.get('content-encoding'), path).toBe(
        path === '/encoded' ? 'br' : null,
      );
    }
    const plain = await app().request('/big', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(json);
  });
});
