/** Pieces every upstream forwarder shares: timeouts, safe response headers, and errors the SPA can read. */
import type { Upstream } from './types.ts';

/** Headers passed back to the browser; everything else (cookies, upstream auth hints) is dropped. */
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'x-request-id',
  'retry-after',
  'cache-control',
  'etag',
];

export function copyUpstreamResponse(upstream: Response, body: BodyInit | null): Response {
  const headers = new Headers();
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(body, { status: upstream.status, headers });
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
  return Response.json(
    { object: 'error', code: status, type, message, request_id: requestId, source: 'fleetlog' },
    { status, headers: { 'x-request-id': requestId } },
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

/**
 * Calls the upstream and reads the whole body, within `timeoutMs` and abandoned when the browser goes
 * away. Races the deadline explicitly: an in-process upstream may not observe `init.signal`.
 */
export async function callUpstream(
  upstream: Upstream,
  url: string,
  init: RequestInit,
  clientSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response: Response; body: ArrayBuffer }> {
  const deadline = upstreamDeadline(clientSignal, timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(deadline.signal.reason);
    if (deadline.signal.aborted) fail();
    else deadline.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return await Promise.race([
      (async () => {
        const response = await upstream(url, { ...init, signal: deadline.signal });
        return { response, body: await response.arrayBuffer() };
      })(),
      aborted,
    ]);
  } finally {
    deadline.release();
  }
}

/** Maps a failed upstream call (timeout, refused connection, DNS) to a 504/502 envelope. */
export function upstreamFailure(error: unknown, label: string, timeoutMs: number): Response {
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
