/**
 * Security headers on every response (MDN "Content-Security-Policy", OWASP HTTP Headers Cheat
 * Sheet). Pages get a policy that runs scripts only from this origin or inline with the page's own
 * nonce (`pagePolicy`, set by the page route, which writes the nonce into its inline scripts);
 * every other response — `/api` JSON, assets, errors — gets one that allows nothing at all, since
 * none of them is meant to be shown as a document.
 *
 * Styles: the stylesheet comes from this origin; `style-src-attr 'unsafe-inline'` lets the
 * server-rendered first screen keep its `style="…"` attributes (row offsets, widths), which React
 * then adopts while hydrating. Attributes cannot load anything or run script; `<style>` elements
 * stay refused.
 */
import { randomFillSync } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const NONCE_BYTES = 16;
/**
 * Fresh random bytes, drawn from the system's generator a few kilobytes at a time: one call per
 * page cost a measurable share of a page under load. Every nonce takes bytes no other has had.
 */
const pool = Buffer.alloc(NONCE_BYTES * 256);
let poolUsed = pool.length;

/** A fresh nonce for one page (128 bits, base64). */
export function newNonce(): string {
  if (poolUsed + NONCE_BYTES > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  const nonce = pool.toString('base64', poolUsed, poolUsed + NONCE_BYTES);
  poolUsed += NONCE_BYTES;
  return nonce;
}

export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For everything that is not a page. */
export const NOTHING_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ALWAYS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  // Another site's page can neither hold a reference to this window nor embed these responses
  // (an <img> or <script> pointing at /api would otherwise read into that page's process).
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('x-content-type-options', 'nosniff');
    } catch {
      // Headers of a fetched response are immutable: copy it once.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
    }
    for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
    if (!headers.has('content-security-policy')) {
      headers.set('content-security-policy', NOTHING_POLICY);
    }
  };
}
