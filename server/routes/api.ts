/** The `/api` routes: the backend list and forwarding to each backend. No security checks here: server/app.ts puts them in front. */
import { Hono } from 'hono';
import { fleetlogError } from '../backends/forwarding.ts';
import type { ConfiguredBackend, PublicBackend } from '../backends/types.ts';

export function publicBackend(backend: ConfiguredBackend): PublicBackend {
  const { id, kind, label, demo, capabilities } = backend;
  return { id, kind, label, demo, capabilities };
}

export function createApiRoutes(backends: readonly ConfiguredBackend[]): Hono {
  const api = new Hono();
  const byId = new Map(backends.map((b) => [b.id, b]));
  const publicBackends = backends.map(publicBackend);
  const unknown = (backendId: string) =>
    fleetlogError(404, 'unknown_backend', `No backend "${backendId}" is configured.`);

  // Written once: the list only changes with the configuration. Its length lets compression pass
  // it over (about 1 KB), so under load it is answered in one go rather than through a stream.
  const backendList = JSON.stringify({ backends: publicBackends });
  const backendListHeaders = {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(backendList)),
    'cache-control': 'no-store',
  };
  api.get('/api/backends', () => new Response(backendList, { headers: backendListHeaders }));

  api.all('/api/:backendId/*', async (c) => {
    const backendId = c.req.param('backendId');
    const backend = byId.get(backendId);
    if (!backend) return unknown(backendId);
    const url = new URL(c.req.url);
    const prefix = `/api/${encodeURIComponent(backendId)}`;
    const subPath = url.pathname.startsWith(prefix)
      ? url.pathname.slice(prefix.length) || '/'
      : '/';
    return backend.forward(c.req.raw, subPath, url.search);
  });
  api.all('/api/:backendId', (c) => {
    const backend = byId.get(c.req.param('backendId'));
    if (!backend) return unknown(c.req.param('backendId'));
    return backend.forward(c.req.raw, '/', new URL(c.req.url).search);
  });
  api.all('/api', () => fleetlogError(404, 'not_found', 'Unknown API path.'));
  return api;
}
