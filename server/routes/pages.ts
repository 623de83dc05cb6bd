/**
 * The built SPA: fingerprinted assets from memory, the other public files, and every other GET as
 * the SPA shell filled in for its URL (server/shell.ts) — with its first screen when it is an Event
 * log link (server/first-screen/) — under a Content-Security-Policy whose nonce is on each of its
 * inline scripts.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublicBackend } from '../backends/types.ts';
import { createAssetStore, preferredEncoding } from '../assets.ts';
import { streamedText } from '../compress.ts';
import type { FirstScreens } from '../first-screen/bounded.ts';
import { newNonce, pagePolicy } from '../security/headers.ts';
import type { ViteManifest } from '../page-needs.ts';
import { createShell, type Shell } from '../shell.ts';
import { themeFromCookies } from '../../src/lib/theme.ts';

export interface PageRoutesOptions {
  staticDir: string;
  backends: readonly PublicBackend[];
  firstScreens: FirstScreens | null;
}

export function createPageRoutes({ staticDir, backends, firstScreens }: PageRoutesOptions): Hono {
  const pages = new Hono();
  const root = path.relative(process.cwd(), staticDir) || '.';
  // Fingerprinted build output, from memory with its .br/.gz twins (server/assets.ts). A missing
  // chunk is a 404, never the HTML shell, which a browser would refuse as a script anyway.
  const assets = createAssetStore(path.join(staticDir, 'assets'));
  pages.get('/assets/:name', async (c) => {
    const response = await assets.respond(
      c.req.param('name'),
      c.req.header('accept-encoding') ?? null,
    );
    return response ?? c.text('Not found', 404);
  });
  pages.all('/assets/*', (c) => c.text('Not found', 404));
  // Build metadata for the server only (server/shell.ts), not for browsers.
  pages.all('/.vite/*', (c) => c.text('Not found', 404));
  const files = serveStatic({ root, precompressed: true });
  // Files of the build's root (favicon.svg): only paths that name a file are looked up on disk,
  // not every deep link. The shell itself always goes through the fallback below.
  pages.use('*', (c, next) =>
    c.req.path === '/index.html' || !/\.[A-Za-z0-9]+$/.test(c.req.path) ? next() : files(c, next),
  );
  // History fallback: every other GET is a client-side route (deep links) and gets the SPA shell,
  // with the backend list and the route's chunks named in it.
  // Re-read when the build changes under a running server: a shell naming chunks that a new
  // build deleted would leave every deep link blank.
  const indexPath = path.join(staticDir, 'index.html');
  let shell: { builtAt: number; shell: Promise<Shell> } | null = null;
  pages.get('*', async (c) => {
    const startedAt = performance.now();
    const builtAt = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (shell?.builtAt !== builtAt) {
      shell = { builtAt, shell: loadShell(staticDir, backends) };
    }
    const url = new URL(c.req.url);
    // The visitor's pinned theme: the page is painted in it from the start (src/lib/theme.ts).
    const theme = themeFromCookies(c.req.header('cookie'));
    const rendering = firstScreens?.begin(url, startedAt, theme) ?? null;
    const page = await shell.shell;
    const nonce = newNonce();
    c.header('cache-control', 'no-cache');
    // The page differs by the theme cookie: a shared cache must not hand one visitor's to another.
    c.header('vary', 'cookie');
    c.header('content-security-policy', pagePolicy(nonce));
    const streamed = rendering && page.streamFor(url.pathname, url.search, nonce, theme);
    if (rendering && streamed) {
      // The head goes out now, the first screen when it is rendered: the browser meanwhile sets
      // the document up and fetches the stylesheet and scripts (docs/performance.md, "Takeover").
      const encoding = preferredEncoding(c.req.header('accept-encoding') ?? null);
      if (encoding) {
        c.header('content-encoding', encoding);
        c.header('vary', 'cookie, Accept-Encoding');
      }
      c.header('content-type', 'text/html; charset=UTF-8');
      const pieces = (async function* () {
        yield streamed.head;
        yield streamed.rest(await rendering);
      })();
      return c.body(streamedText(pieces, encoding));
    }
    const first = rendering ? await rendering : null;
    const html = page.htmlFor(url.pathname, url.search, first, nonce, theme);
    // Its length lets compression pass over a plain shell (server/app.ts).
    c.header('content-length', String(Buffer.byteLength(html)));
    return c.html(html);
  });
  return pages;
}

async function loadShell(staticDir: string, backends: readonly PublicBackend[]): Promise<Shell> {
  const html = await readFile(path.join(staticDir, 'index.html'), 'utf8');
  const manifest = await readFile(path.join(staticDir, '.vite', 'manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as ViteManifest,
    () => null,
  );
  return createShell(html, manifest, backends);
}
