/**
 * The SPA shell (dist/index.html) as served for a given URL. What it adds saves a deep link its
 * request waterfall (HTML → entry → backend list → adapter and route chunks → data):
 *
 * - the backend list, inline as JSON, so the app knows the backend's kind without asking
 *   `GET /api/backends` (the list holds no secrets; see publicBackend);
 * - `<link rel="modulepreload">` for the chunks the URL's route will import (its page, the
 *   backend kind's adapter), so they download alongside the entry chunk instead of after it ran;
 * - `<link rel="preload" as="fetch">` for an Event log link's first data requests (device, first
 *   page, linked event), so they leave while the HTML is parsed instead of after the scripts ran.
 *   The URLs come from the same pure functions the adapter requests them with; the browser hands
 *   the preloaded response to the adapter's `fetch` only when the URL is byte-identical. Only for
 *   backends whose reads are GETs (Pelion), and only when the page would not resolve a relative
 *   time bound by its own clock;
 * - for an Event log link, the page itself: `#root` holds the first screen the server rendered
 *   (server/first-screen/) and the data it was rendered from, in place of the data preloads
 *   (which remain for when the server gives up on it).
 *
 * Chunk names come from Vite's build manifest. Without one (an older build) the shell is served
 * as built and the app falls back to asking for everything itself.
 */
import {
  BACKENDS_ELEMENT_ID,
  FIRST_SCREEN_ATTRIBUTE,
  SERVER_STATE_ELEMENT_ID,
} from '../src/backends/contract.ts';
import { EARLY_INPUT_SCRIPT } from './first-screen/early-input.ts';
import { LOCAL_TIMES_SCRIPT } from './first-screen/local-times.ts';
import type { PublicBackend } from './backends/types.ts';
import type { Theme } from '../src/lib/theme.ts';
import { dataRequestsFor, modulesForPath, staticClosure, type ViteManifest } from './page-needs.ts';

export { BACKENDS_ELEMENT_ID, SERVER_STATE_ELEMENT_ID };

/** JSON that cannot end the surrounding <script> element or open a comment in it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

const ROOT_ELEMENT = /<div id="root"><\/div>/;

function withFirstScreen(
  page: string,
  { html, state, localTimes }: FirstScreenMarkup,
  nonceAttribute: string,
): string {
  if (!ROOT_ELEMENT.test(page)) return page;
  const script = (attributes: string, body: string) =>
    `<script${attributes}${nonceAttribute}>${body}</script>`;
  const parts = [
    `<div id="root" ${FIRST_SCREEN_ATTRIBUTE}>${html}</div>`,
    // Data, not script: the browser never runs it, so it needs no nonce.
    `<script type="application/json" id="${SERVER_STATE_ELEMENT_ID}">${jsonForScript(state)}</script>`,
  ];
  if (localTimes) parts.push(script('', LOCAL_TIMES_SCRIPT));
  parts.push(script('', EARLY_INPUT_SCRIPT));
  // A function, so `$` sequences in the markup are not read as replacement patterns.
  return page.replace(ROOT_ELEMENT, () => parts.join('\n    '));
}

/** `<script` openings of elements a browser runs (not JSON data blocks). */
const RUNNABLE_SCRIPT = /<script\b(?![^>]*\btype="application\/json")/gi;

/**
 * The page with the Content-Security-Policy nonce on each `<script>` element it runs (the built
 * shell and what this module adds; never the rendered markup, which goes in afterwards).
 */
function withNonce(page: string, nonceAttribute: string): string {
  return nonceAttribute === '' ? page : page.replace(RUNNABLE_SCRIPT, `<script${nonceAttribute}`);
}

const HTML_ELEMENT = /<html\b([^>]*)>/i;

/** The page with `data-theme` on `<html>` (index.css themes by it), for a pinned theme. */
function withTheme(page: string, theme: Theme | null): string {
  if (theme !== 'light' && theme !== 'dark') return page;
  return page.replace(
    HTML_ELEMENT,
    (_, attributes: string) => `<html${attributes} data-theme="${theme}">`,
  );
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A page the server rendered (server/first-screen/render.tsx). */
export interface FirstScreenMarkup {
  /** Markup for `#root`. */
  html: string;
  /** The app's query cache it was rendered from (React Query's dehydrated state). */
  state: unknown;
  /** Its event times are in local time: the browser rewrites them in its own zone at once. */
  localTimes: boolean;
}

/**
 * A page sent in two parts: everything before `#root` at once (the stylesheet, the scripts and
 * their modulepreloads, so the browser fetches them and sets the document up while the server
 * renders), and `#root` with the rest once the first screen is known.
 */
export interface StreamedPage {
  head: string;
  /** `#root` (the first screen, or empty with the data preloads before it) and the rest. */
  rest(firstScreen: FirstScreenMarkup | null): string;
}

export interface Shell {
  /**
   * The HTML to serve for a client-side route; `search` is the raw query string ('' or '?…').
   * With a first screen, `#root` holds it and its data; the data preloads are left out, since the
   * app has that data already.
   */
  htmlFor(
    pathname: string,
    search?: string,
    firstScreen?: FirstScreenMarkup | null,
    /** The response's Content-Security-Policy nonce, written on every `<script>` it holds. */
    nonce?: string,
    /**
     * The theme the visitor pinned (its cookie, src/lib/theme.ts), written on `<html>` so that the
     * first paint is in it; null follows the system's (CSS alone).
     */
    theme?: Theme | null,
  ): string;
  /**
   * The same page in two parts, for a URL whose first screen is still being rendered; null when
   * the built page has no empty `#root` to split at (then `htmlFor` serves it whole).
   */
  streamFor(
    pathname: string,
    search: string,
    nonce: string | undefined,
    theme: Theme | null,
  ): StreamedPage | null;
}

export function createShell(
  html: string,
  manifest: ViteManifest | null,
  backends: readonly PublicBackend[],
): Shell {
  const entryKeys = manifest ? Object.keys(manifest).filter((key) => manifest[key]?.isEntry) : [];
  // The built HTML already loads (and modulepreloads) the entry chunk and its static imports.
  const alreadyLoaded = new Set(manifest ? staticClosure(manifest, entryKeys) : []);
  const backendsScript =
    `<script type="application/json" id="${BACKENDS_ELEMENT_ID}">` +
    `${jsonForScript({ backends })}</script>`;
  const cache = new Map<string, string>();

  return {
    htmlFor(pathname, search = '', firstScreen = null, nonce, theme = null) {
      const { page, nonceAttribute } = servedPage(pathname, nonce, theme);
      if (firstScreen) return withFirstScreen(page, firstScreen, nonceAttribute);
      const data = dataPreloads(pathname, search);
      if (data.length === 0) return page;
      // Early in <head> (after the charset, which must stay within the first 1,024 bytes): these
      // wait on the upstream, the scripts only on this server.
      const anchor = /<meta charset[^>]*>/i.test(page) ? /<meta charset[^>]*>/i : /<head[^>]*>/i;
      return page.replace(anchor, (tag) => `${tag}\n    ${data.join('\n    ')}`);
    },

    streamFor(pathname, search, nonce, theme) {
      const { page, nonceAttribute } = servedPage(pathname, nonce, theme);
      const root = ROOT_ELEMENT.exec(page);
      if (!root) return null;
      const afterHead = page.slice(root.index);
      return {
        head: page.slice(0, root.index),
        rest(firstScreen) {
          if (firstScreen) return withFirstScreen(afterHead, firstScreen, nonceAttribute);
          // The head went out without them; in the body they still leave before the scripts run.
          const data = dataPreloads(pathname, search);
          return data.length === 0 ? afterHead : `${data.join('\n    ')}\n    ${afterHead}`;
        },
      };
    },
  };

  /** The route's page with the nonce on its scripts and the pinned theme, before `#root` is filled. */
  function servedPage(pathname: string, nonce: string | undefined, theme: Theme | null) {
    const nonceAttribute = nonce ? ` nonce="${escapeAttribute(nonce)}"` : '';
    return { page: withTheme(withNonce(pageFor(pathname), nonceAttribute), theme), nonceAttribute };
  }

  function dataPreloads(pathname: string, search: string): string[] {
    return dataRequestsFor(pathname, search, backends).map(
      (url) => `<link rel="preload" as="fetch" crossorigin href="${escapeAttribute(url)}">`,
    );
  }

  function pageFor(pathname: string): string {
    const { backend, modules } = modulesForPath(pathname, backends);
    const key = `${backend?.id ?? ''}\n${modules.join('\n')}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const preloads = manifest
      ? staticClosure(manifest, modules)
          .filter((file) => !alreadyLoaded.has(file))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${escapeAttribute(file)}">`)
      : [];
    const head = [backendsScript, ...preloads].join('\n    ');
    const page = /\n?\s*<\/head>/.test(html)
      ? html.replace(/\n?\s*<\/head>/, `\n    ${head}\n  </head>`)
      : `${head}\n${html}`;
    // A handful of routes × backends; bounded all the same.
    if (cache.size < 256) cache.set(key, page);
    return page;
  }
}
