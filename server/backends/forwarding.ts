/**
 * Pieces every upstream forwarder shares: deadlines, bounded bodies, redirects refused, answers the
 * browser can only read as JSON, and errors the SPA can read.
 */
import type { Upstream } from './types.ts';

/**
 * Largest upstream answer the server reads, by default. A page of 1000 events or devices from the
 * demo fleets is about 0.4 MB; real records carry more attributes, so this leaves room for ~20x
 * that. Past it the call is abandoned (UPSTREAM_MAX_BODY_BYTES changes it).
 */
export const DEFAULT_UPSTREAM_MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Largest request body the server reads from a browser. The only bodies Fleetlog sends are Alibaba
 * action forms of a few hundred bytes.
 */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

/**
 * Headers passed back to the browser; everything else (cookies, upstream auth hints, the upstream's
 * caching and content type) is dropped or set by Fleetlog.
 */
const PASSED_RESPONSE_HEADERS = ['x-request-id', 'retry-after'];

/** Every `/api/<backendId>/…` answer: JSON, never stored by a browser or a shared cache. */
function apiHeaders(): Headers {
  return new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
}

/** `application/json` or a `+json` type (`application/problem+json`), parameters ignored. */
export function isJsonMediaType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * The upstream's answer as Fleetlog sends it on: status and JSON body kept, Content-Type and
 * Cache-Control Fleetlog's own. An answer that is not JSON (an HTML error page of a load balancer,
 * a script) is never relayed: the browser gets a 502 envelope saying what came instead.
 */
export function copyUpstreamResponse(
  upstream: Response,
  body: ArrayBuffer | null,
  label: string,
): Response {
  if (
    body !== null &&
    !(isJsonMediaType(upstream.headers.get('content-type')) && looksLikeJson(body))
  ) {
    return notJson(upstream, label);
  }
  const headers = apiHeaders();
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(body, { status: upstream.status, headers });
}

/**
 * Whether a body labelled JSON starts like the JSON the APIs send, an object or an array (after
 * whitespace or a byte-order mark). A cheap guard, not a parse: an HTML page mislabelled as JSON
 * starts with `<`.
 */
function looksLikeJson(body: ArrayBuffer): boolean {
  const bytes = new Uint8Array(body, 0, Math.min(body.byteLength, 64));
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x7b || byte === 0x5b) return true; // { [
    // Space, tab, CR, LF, or the UTF-8 byte-order mark (EF BB BF).
    if (byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a) continue;
    if (i < 3 && (byte === 0xef || byte === 0xbb || byte === 0xbf)) continue;
    return false;
  }
  return false;
}

/** The 502 for an upstream answer that is not JSON; the upstream's body is not shown. */
export function notJson(upstream: Response, label: string): Response {
  const type = (upstream.headers.get('content-type') ?? '').split(';')[0]!.trim();
  return fleetlogError(
    502,
    'upstream_bad_response',
    `${label} answered HTTP ${upstream.status} with ${type ? `${type.slice(0, 60)} content` : 'no content type'} instead of JSON; Fleetlog does not pass that on. Check the configured API URL.`,
  );
}

/**
 * Error envelope produced by Fleetlog itself (not the upstream). It uses the Pelion error shape so
 * that every adapter parses one kind of error, and says who produced it in `source`.
 */
export function fleetlogError(
  status: number,
  type: string,
  message: string,
  requestId: string = crypto.randomUUID().replaceAll('-', ''),
): Response {
  const headers = apiHeaders();
  headers.set('x-request-id', requestId);
  return new Response(
    JSON.stringify({
      object: 'error',
      code: status,
      type,
      message,
      request_id: requestId,
      source: 'fleetlog',
    }),
    { status, headers },
  );
}

/**
 * An abort signal for one upstream call: fires when the browser goes away or the deadline passes.
 * A plain timer rather than `AbortSignal.any([…, AbortSignal.timeout()])`: Node holds the sources
 * of `any` weakly, so an otherwise unreferenced timeout signal can be collected and never fire.
 * Call `release()` once the response body has been read.
 */
export function upstreamDeadline(
  clientSignal: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('upstream deadline passed', 'TimeoutError')),
    timeoutMs,
  );
  const onClientAbort = () => controller.abort(clientSignal?.reason);
  clientSignal?.addEventListener('abort', onClientAbort, { once: true });
  if (clientSignal?.aborted) onClientAbort();
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      clientSignal?.removeEventListener('abort', onClientAbort);
    },
  };
}

/** An upstream answer refused before its body reached the browser: a redirect or too many bytes. */
export class UpstreamRefused extends Error {
  constructor(
    readonly type: 'upstream_redirect' | 'upstream_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamRefused';
  }
}

export interface UpstreamLimits {
  timeoutMs: number;
  /** Bytes of the (decoded) upstream body read at most; more is an error, not a truncation. */
  maxBodyBytes: number;
}

/**
 * Reads a body stream into memory, at most `maxBytes`; past that it cancels the stream and
 * returns null. Memory held is bounded by `maxBytes` plus one chunk, whatever the sender sends.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Calls the upstream and reads the whole body, within the deadline and abandoned when the browser
 * goes away. Redirects are not followed (a 3xx is refused: following one would send the credentials
 * wherever the upstream points, and walk around the path allow-list), and a body past
 * `maxBodyBytes` is refused while it streams. Races the deadline explicitly: an in-process upstream
 * may not observe `init.signal`.
 */
export async function callUpstream(
  upstream: Upstream,
  url: string,
  init: RequestInit,
  clientSignal: AbortSignal | undefined,
  limits: UpstreamLimits,
): Promise<{ response: Response; body: ArrayBuffer }> {
  const deadline = upstreamDeadline(clientSignal, limits.timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(deadline.signal.reason);
    if (deadline.signal.aborted) fail();
    else deadline.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return await Promise.race([
      (async () => {
        const response = await upstream(url, {
          ...init,
          redirect: 'manual',
          signal: deadline.signal,
        });
        if (response.status >= 300 && response.status < 400) {
          await response.body?.cancel().catch(() => undefined);
          throw new UpstreamRefused(
            'upstream_redirect',
            `answered with a redirect (HTTP ${response.status}), which Fleetlog does not follow`,
          );
        }
        const declared = Number(response.headers.get('content-length'));
        const body =
          Number.isFinite(declared) && declared > limits.maxBodyBytes
            ? null
            : await readCapped(response.body, limits.maxBodyBytes);
        if (body === null) {
          await response.body?.cancel().catch(() => undefined);
          throw new UpstreamRefused(
            'upstream_too_large',
            `sent more than ${formatBytes(limits.maxBodyBytes)}, the most Fleetlog reads in one answer (UPSTREAM_MAX_BODY_BYTES)`,
          );
        }
        return { response, body: body.buffer };
      })(),
      aborted,
    ]);
  } finally {
    deadline.release();
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;
}

/**
 * A browser's request body as text, read up to `MAX_REQUEST_BODY_BYTES`; a Response (413) when it
 * is larger, refused as soon as the limit is passed rather than after reading it all.
 */
export async function readRequestText(request: Request): Promise<string | Response> {
  const tooLarge = () =>
    fleetlogError(
      413,
      'request_too_large',
      `The request body is larger than ${formatBytes(MAX_REQUEST_BODY_BYTES)}; Fleetlog forwards only small forms.`,
    );
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BODY_BYTES) return tooLarge();
  const bytes = await readCapped(request.body, MAX_REQUEST_BODY_BYTES);
  if (bytes === null) return tooLarge();
  return new TextDecoder().decode(bytes);
}

/** Maps a failed upstream call (timeout, refused connection, DNS, refused answer) to an envelope. */
export function upstreamFailure(error: unknown, label: string, timeoutMs: number): Response {
  if (error instanceof UpstreamRefused) {
    return fleetlogError(502, error.type, `${label} ${error.message}.`);
  }
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'TimeoutError') {
    return fleetlogError(
      504,
      'upstream_timeout',
      `${label} did not answer within ${Math.round(timeoutMs / 1000)} s. Try again; if it persists, check the service status.`,
    );
  }
  if (name === 'AbortError') {
    // The browser cancelled (navigated away); nobody reads this response.
    return fleetlogError(499, 'client_closed_request', 'The request was cancelled.');
  }
  return fleetlogError(
    502,
    'upstream_unreachable',
    `${label} could not be reached. Check the network and the configured API URL.`,
  );
}
