/**
 * Response compression in one step, off the event loop. Every body this server compresses is
 * already whole in memory when it is sent (forwarded API answers are read in full, pages are
 * strings), so it is compressed in one call on libuv's thread pool — not through a
 * CompressionStream, whose chunks each took a turn of the event loop behind every queued request
 * (an export's 400 KB pages of 1,000 events, a first screen's 190 KB page). Brotli at quality 1
 * where the browser takes it: for this JSON, about as small as gzip at its default level, at a
 * third of the CPU (docs/performance.md, "Export throughput").
 */
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliCompress,
  constants,
  createBrotliCompress,
  createGzip,
  gzip,
  type BrotliCompress,
  type Gzip,
} from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { preferredEncoding } from './assets.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text worth compressing: JSON, HTML, CSS, JavaScript, SVG, plain text. */
const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|x-ndjson|[\w.+-]*\+json)|image\/svg\+xml)/i;

/** Largest body compressed (larger ones go as they are; nothing this server sends is that big). */
const MAX_BYTES = 32 * 1024 * 1024;

export async function compressBody(body: Uint8Array, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 1,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : gzipAsync(body, { level: 4 });
}

/**
 * A body written piece by piece as the pieces become known (a page's head before its first
 * screen), each piece sent as soon as it is there: compressed as one stream (`encoding`) that is
 * flushed after every piece, so the browser can decode what it has so far. The compression
 * middleware leaves a response alone once it names its `Content-Encoding`.
 */
export function streamedText(
  pieces: AsyncIterable<string>,
  encoding: 'br' | 'gzip' | null,
): ReadableStream<Uint8Array> {
  if (encoding === null) {
    return Readable.toWeb(
      Readable.from(
        (async function* () {
          for await (const piece of pieces) yield Buffer.from(piece);
        })(),
      ),
    ) as ReadableStream<Uint8Array>;
  }
  const compressor: BrotliCompress | Gzip =
    encoding === 'br'
      ? createBrotliCompress({
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 1,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : createGzip({ level: 4 });
  const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  void (async () => {
    for await (const piece of pieces) {
      // The browser went away: nobody reads the rest.
      if (compressor.destroyed) return;
      compressor.write(piece);
      compressor.flush(flushKind);
    }
    if (!compressor.destroyed) compressor.end();
  })().catch((error: unknown) =>
    compressor.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return Readable.toWeb(compressor) as ReadableStream<Uint8Array>;
}

/** Compresses text bodies of at least `threshold` bytes for clients that accept br or gzip. */
export function compressResponses({ threshold }: { threshold: number }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Headers and status only until the body is to be compressed: the Node adapter answers a
    // string body straight from the string, and touching `body` would make it build a web stream
    // for every plain shell and small API answer (docs/performance.md, "Pages under load").
    if (c.req.method === 'HEAD') return;
    const response = c.res;
    if (response.headers.has('content-encoding')) return;
    if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return;
    if (/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')) return;
    const encoding = preferredEncoding(c.req.header('accept-encoding') ?? null);
    if (!encoding) return;
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared < threshold || declared > MAX_BYTES) return;
    if (!response.body) return;
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength < threshold || body.byteLength > MAX_BYTES) {
      c.res = new Response(body, response);
      return;
    }
    const compressed = await compressBody(body, encoding);
    c.res = new Response(new Uint8Array(compressed), response);
    // Set after the assignment: Hono carries the previous response's headers over to the new one.
    c.res.headers.set('content-encoding', encoding);
    c.res.headers.set('content-length', String(compressed.byteLength));
    c.res.headers.delete('etag');
    const vary = c.res.headers.get('vary');
    if (!vary || !/accept-encoding/i.test(vary))
      c.res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  };
}
