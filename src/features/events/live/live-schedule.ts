import { BackendError } from '../../../backends/types.ts';

/**
 * How often a live view asks for newer events. One request every 2 s per open view is the demo's
 * tick and far inside Alibaba's quota (50 QPS per account, shared by all its RAM users; see
 * https://www.alibabacloud.com/help/en/iot/product-overview/limits). Failures back off, doubling
 * up to a minute; a throttled call waits at least what the backend asked for.
 */
export const LIVE_POLL_MS = 2000;
export const LIVE_MAX_BACKOFF_MS = 60_000;

/** The wait before the next poll, given the failures in a row so far and the last error. */
export function nextPollDelay(failuresInARow: number, error?: unknown): number {
  if (failuresInARow <= 0) return LIVE_POLL_MS;
  const backoff = Math.min(LIVE_MAX_BACKOFF_MS, LIVE_POLL_MS * 2 ** failuresInARow);
  const throttled = error instanceof BackendError && error.details.status === 429;
  const asked =
    error instanceof BackendError && error.details.retryAfter !== undefined
      ? error.details.retryAfter * 1000
      : 0;
  // Throttling starts at 10 s even when the backend does not say (Alibaba sends no Retry-After).
  return Math.max(backoff, asked, throttled ? 10_000 : 0);
}
