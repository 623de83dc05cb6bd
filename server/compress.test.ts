import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressResponses, streamedText } from './compress.ts';

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

describe('streamedText', () => {
  /** A piece that is only produced once `release()` is called. */
  function held() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    return { release, released };
  }

  for (const [encoding, decode] of [
    [
      'br',
      (bytes: Buffer) =>
        brotliDecompressSync(bytes, { finishFlush: constants.BROTLI_OPERATION_FLUSH }),
    ],
    ['gzip', (bytes: Buffer) => gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH })],
    [null, (bytes: Buffer) => bytes],
  ] as const) {
    it(`sends each piece decodable before the next exists (${encoding ?? 'identity'})`, async () => {
      const second = held();
      const head = `<!doctype html><head>${'<link rel="modulepreload">'.repeat(50)}</head>`;
      const rest = `<body>${'é row '.repeat(20_000)}</body>`;
      const stream = streamedText(
        (async function* () {
          yield head;
          await second.released;
          yield rest;
        })(),
        encoding,
      );
      const reader = stream.getReader();
      const received: Uint8Array[] = [];
      // Everything readable before the second piece exists decodes to the first.
      for (;;) {
        const next = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
        ]);
        if (next === null) break;
        if (next.done) throw new Error('ended before the second piece');
        received.push(next.value);
        if (decode(Buffer.concat(received)).toString() === head) break;
      }
      expect(decode(Buffer.concat(received)).toString()).toBe(head);
      second.release();
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        received.push(next.value);
      }
      const whole = Buffer.concat(received);
      const text = (
        encoding === 'br'
          ? brotliDecompressSync(whole)
          : encoding === 'gzip'
            ? gunzipSync(whole)
            : whole
      ).toString();
      expect(text).toBe(head + rest);
      if (encoding) expect(whole.byteLength).toBeLessThan(Buffer.byteLength(text) / 5);
    });
  }

  it('stops compressing when the reader goes away', async () => {
    const stream = streamedText(
      (async function* () {
        yield 'a';
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield 'b';
      })(),
      'br',
    );
    await stream.cancel();
    // Nothing throws later, when the second piece comes to a closed stream.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
