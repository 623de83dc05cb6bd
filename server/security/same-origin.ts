/**
 * `/api` answers only its own pages. A page of another site can make the operator's browser send
 * requests here (a form POST needs no script and no CORS permission); the browser names that site
 * in `Origin` and, in current browsers, says `Sec-Fetch-Site: cross-site`. Either is refused.
 * Pages themselves are not checked: a link shared from anywhere must open.
 * See MDN "Origin" and "Sec-Fetch-Site", and the OWASP CSRF Prevention Cheat Sheet
 * ("Verifying Origin With Standard Headers", "Fetch Metadata").
 */
import type { MiddlewareHandler } from 'hono';
import { fleetlogError } from '../backends/forwarding.ts';

/** Whether `origin` (an Origin header) names the same host as the request's `Host`. */
export function isSameOrigin(origin: string, host: string): boolean {
  if (origin === 'null') return false; // sandboxed frames, file: pages, some redirects
  try {
    // Host only: behind a TLS-terminating proxy the page is https while this server sees http.
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}

export function sameOriginApiOnly(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (
      site === 'cross-site' ||
      site === 'same-site' ||
      (origin !== undefined && !isSameOrigin(origin, host))
    ) {
      return fleetlogError(
        403,
        'cross_origin_refused',
        'Fleetlog answers its API only to its own pages, not to other sites.',
      );
    }
    await next();
  };
}
