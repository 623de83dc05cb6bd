/**
 * The build's fingerprinted files (`dist/assets/*`) served from memory. They never change under a
 * name, the whole set is a few hundred KB with its .br/.gz twins (scripts/precompress-plugin.ts),
 * and a deep link asks for a dozen of them at once: reading each from disk per request cost ~6 ms
 * of server time per file, on the same two cores the browser was loading the page with.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** Vite's asset names: no directories, no dot-files. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_ENTRIES = 2000;

interface Asset {
  contentType: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/** Encodings the request accepts (q > 0), of the two the build writes. */
export function acceptedEncodings(header: string | null): { br: boolean; gzip: boolean } {
  const accepted = { br: false, gzip: false };
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') accepted.br = true;
    else if (name === 'gzip') accepted.gzip = true;
  }
  return accepted;
}

/** The encoding to compress a response with for this `Accept-Encoding`: br, else gzip, else none. */
export function preferredEncoding(header: string | null): 'br' | 'gzip' | null {
  const accepted = acceptedEncodings(header);
  return accepted.br ? 'br' : accepted.gzip ? 'gzip' : null;
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

export interface AssetStore {
  /** The response for `/assets/<name>`, or null to fall through (unknown or odd names). */
  respond(name: string, acceptEncoding: string | null): Promise<Response | null>;
}

export function createAssetStore(assetsDir: string): AssetStore {
  const cache = new Map<string, Promise<Asset | null>>();

  async function load(name: string): Promise<Asset | null> {
    const contentType = CONTENT_TYPES[path.extname(name).toLowerCase()];
    if (!contentType) return null;
    const file = path.join(assetsDir, name);
    const identity = await readOptional(file);
    if (!identity || identity.length > MAX_FILE_BYTES) return null;
    const [br, gzip] = await Promise.all([readOptional(`${file}.br`), readOptional(`${file}.gz`)]);
    return { contentType, identity, br, gzip };
  }

  return {
    async respond(name, acceptEncoding) {
      if (!ASSET_NAME.test(name) || name.endsWith('.br') || name.endsWith('.gz')) return null;
      let entry = cache.get(name);
      if (!entry) {
        entry = load(name);
        // A missing file is not remembered: the next build may add it.
        if (cache.size < MAX_ENTRIES) cache.set(name, entry);
        void entry.then((asset) => {
          if (!asset) cache.delete(name);
        });
      }
      const asset = await entry;
      if (!asset) return null;
      const accepted = acceptedEncodings(acceptEncoding);
      const [body, encoding] =
        accepted.br && asset.br
          ? [asset.br, 'br']
          : accepted.gzip && asset.gzip
            ? [asset.gzip, 'gzip']
            : [asset.identity, undefined];
      const headers = new Headers({
        'content-type': asset.contentType,
        'content-length': String(body.length),
        // Fingerprinted: the same name never holds other bytes.
        'cache-control': 'public, max-age=31536000, immutable',
        vary: 'accept-encoding',
      });
      if (encoding) headers.set('content-encoding', encoding);
      return new Response(new Uint8Array(body), { status: 200, headers });
    },
  };
}
