import { describe, expect, it } from 'vitest';
import { BackendError } from '../backends/types.ts';
import { createQueryClient, shouldRetry } from './query-client.ts';

const error = (status: number, retryable: boolean, retryAfter?: number) =>
  new BackendError('x', { status, retryable, ...(retryAfter !== undefined ? { retryAfter } : {}) });

describe('query defaults', () => {
  const defaults = createQueryClient().getDefaultOptions().queries!;

  it('retries a transient failure once, quietly, and never a 4xx or a bug', () => {
    expect(defaults.retry).toBe(shouldRetry);
    expect(shouldRetry(0, error(503, true))).toBe(true);
    expect(shouldRetry(1, error(503, true))).toBe(false);
    expect(shouldRetry(0, error(404, false))).toBe(false);
    expect(shouldRetry(0, new TypeError('bug'))).toBe(false);
  });

  it('leaves throttling to the view, which tells the reader how long the backend asked to wait', () => {
    expect(shouldRetry(0, error(429, true, 7))).toBe(false);
  });

  it('does not refetch logs when the window regains focus', () => {
    expect(defaults.refetchOnWindowFocus).toBe(false);
    expect(defaults.staleTime).toBeGreaterThan(0);
  });
});
