/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) twin next to every compressible file of the build, at
 * the highest levels, once. The server sends them as they are (`serveStatic({ precompressed })`)
 * instead of compressing the bundle again on every request, which cost ~30 ms per entry-chunk
 * download and queued the lazy chunks of a deep link behind it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed body saves less than its headers cost. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* filesUnder(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    // .vite/ holds build metadata the server reads and never sends.
    if (entry.isDirectory()) {
      if (entry.name !== '.vite') yield* filesUnder(full);
    } else if (entry.isFile()) yield full;
  }
}

export async function precompressDirectory(directory: string): Promise<number> {
  let written = 0;
  const jobs: Promise<void>[] = [];
  for await (const file of filesUnder(directory)) {
    if (!COMPRESSIBLE.test(file)) continue;
    jobs.push(
      (async () => {
        const body = await readFile(file);
        if (body.length < MIN_BYTES) return;
        const [br, gz] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
          gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        written += 1;
      })(),
    );
  }
  await Promise.all(jobs);
  return written;
}

export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'fleetlog-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const count = await precompressDirectory(outDir);
      config.logger.info(`precompressed ${count} files (.br, .gz)`);
    },
  };
}
