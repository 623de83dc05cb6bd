import { BackendError } from '../../../backends/types.ts';

/**
 * One quiet retry for transient failures. Throttling (a `retryAfter`) is left to the error banner,
 * which tells the reader and retries after the delay the backend asked for.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof BackendError) {
    if (!error.details.retryable || error.details.retryAfter !== undefined) return false;
  }
  return failureCount < 1;
}
