/**
 * What the server knows about one configured backend. The SPA sees only the public part
 * (`PublicBackend`, defined with the SPA in src/backends/contract.ts); credentials stay inside
 * `forward`.
 */
import type { BackendCapabilities, PublicBackend } from '../../src/backends/contract.ts';

/**
 * Something that answers an HTTP request, shaped like `fetch`: global `fetch` for a real API, a
 * simulator's `app.fetch` in the demo (see `inProcess`). Call it through `callUpstream`, which
 * enforces the deadline even when the upstream ignores `init.signal`.
 */
export type Upstream = (
  url: string,
  init: RequestInit & { signal: AbortSignal },
) => Promise<Response>;

/** Adapts an in-process app (a simulator's Hono `fetch`) to `Upstream`. */
export function inProcess(appFetch: (request: Request) => Response | Promise<Response>): Upstream {
  return async (url, init) => appFetch(new Request(url, init));
}

export type { BackendCapabilities, PublicBackend };

export interface ConfiguredBackend extends PublicBackend {
  /**
   * Forwards one browser request to the upstream, adding credentials.
   * `subPath` is what follows `/api/<id>` (starts with `/`), `search` the raw query string with `?` or ''.
   */
  forward(request: Request, subPath: string, search: string): Promise<Response>;
}

export const PELION_CAPABILITIES: BackendCapabilities = {
  levelFilter: true,
  codeFilter: false,
  retentionDays: null,
  totalCount: true,
  maxPageSize: 1000,
};

export const ALIYUN_CAPABILITIES: BackendCapabilities = {
  levelFilter: true,
  codeFilter: true,
  retentionDays: 30,
  totalCount: false,
  maxPageSize: 50,
};
