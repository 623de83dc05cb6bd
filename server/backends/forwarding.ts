/** Pieces every upstream forwarder shares: timeouts, safe response headers, and errors the SPA can read. */

/** Headers passed back to the browser; everything else (cookies, upstream auth hints) is dropped. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'x-request-id', 'retry-after', 'cache-control', 'etag'];

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

/** Combines the browser's abort (client went away) with the upstream timeout. */
export function upstreamSignal(clientSignal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return clientSignal ? AbortSignal.any([clientSignal, timeout]) : timeout;
}

/** Maps a failed upstream call (timeout, refused connection, DNS) to a 504/502 envelope. */
export function upstreamFailure(error: unknown, label: string, timeoutMs: number): Response {
  const name = error instanceof Error ? error.name : '';
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
