import { QueryClient } from '@tanstack/react-query';
import { BackendError } from '../backends/types.ts';

const MAX_RETRIES = 2;

/**
 * Defaults for every query, explicit so nobody has to remember React Query's own:
 * - staleTime 30 s: device records and logs change slowly; navigating back and forth must not refetch
 *   every loaded page of an infinite query;
 * - retry: at most twice and only what may succeed on a second try (network, throttling, 5xx),
 *   waiting as long as the backend asks (Retry-After) — never a 4xx;
 * - no refetch on window focus: an operator reading a log does not want it to reshuffle.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && error instanceof BackendError && error.details.retryable,
        retryDelay: (attempt, error) => {
          const asked = error instanceof BackendError ? error.details.retryAfter : undefined;
          return asked !== undefined
            ? Math.min(asked, 30) * 1000
            : Math.min(1000 * 2 ** attempt, 8000);
        },
      },
    },
  });
}
