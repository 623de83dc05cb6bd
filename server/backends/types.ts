/**
 * What the server knows about one configured backend. The SPA sees only the public part
 * (`PublicBackend`); credentials stay inside `forward`.
 */
export type BackendKind = 'pelion' | 'aliyun';

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

export interface BackendCapabilities {
  /** Filter by Pelion Message type (SUCCESS/FAIL/SKIPPED/INFO). */
  messageTypeFilter: boolean;
  /** Filter by Alibaba EventType (info/alert/error). */
  eventTypeFilter: boolean;
  /** Filter by Alibaba event Identifier. */
  identifierFilter: boolean;
  /** Days of history the API can return, counted back from now; null = whole history. */
  retentionDays: number | null;
  /** The API can report the number of matching events. */
  totalCount: boolean;
  /** Largest page the API returns. */
  maxPageSize: number;
}

export interface PublicBackend {
  id: string;
  kind: BackendKind;
  label: string;
  demo: boolean;
  capabilities: BackendCapabilities;
}

export interface ConfiguredBackend extends PublicBackend {
  /**
   * Forwards one browser request to the upstream, adding credentials.
   * `subPath` is what follows `/api/<id>` (starts with `/`), `search` the raw query string with `?` or ''.
   */
  forward(request: Request, subPath: string, search: string): Promise<Response>;
}

export const PELION_CAPABILITIES: BackendCapabilities = {
  messageTypeFilter: true,
  eventTypeFilter: false,
  identifierFilter: false,
  retentionDays: null,
  totalCount: true,
  maxPageSize: 1000,
};

export const ALIYUN_CAPABILITIES: BackendCapabilities = {
  messageTypeFilter: false,
  eventTypeFilter: true,
  identifierFilter: true,
  retentionDays: 30,
  totalCount: false,
  maxPageSize: 50,
};
