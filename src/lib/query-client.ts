import { QueryClient } from '@tanstack/react-query';
import { BackendError } from '../backends/types.ts';

/**
 * The app's one retry policy: a single quiet retry for a failure that may pass on its own (a lost
 * connection, a timeout, a 5xx), never for a 4xx, a malformed answer or a bug. Throttling is not
 * retried behind the reader's back either: the backend said how long to wait, so the view says so
 * and offers (or counts down to) the retry itself.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return (
    failureCount < 1 &&
    error instanceof BackendError &&
    error.details.retryable &&
    error.details.retryAfter === undefined
  );
}

/**
 * Defaults for every query, explicit so nobody has to remember React Query's own:
 * - staleTime 30 s: device records and logs change slowly; navigating back and forth must not refetch
 *   every loaded page of an infinite query;
 * - retry: `shouldRetry`, after a second;
 * - no refetch on window focus: an operator reading a log does not want it to reshuffle.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay: 1000,
      },
    },
  });
}
