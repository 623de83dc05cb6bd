import { describe, expect, it } from 'vitest';
import { BackendError } from '../backends/types.ts';
import { createQueryClient } from './query-client.ts';

const error = (status: number, retryable: boolean, retryAfter?: number) =>
  new BackendError('x', { status, retryable, ...(retryAfter !== undefined ? { retryAfter } : {}) });

describe('query defaults', () => {
  const defaults = createQueryClient().getDefaultOptions().queries!;
  const retry = defaults.retry as (count: number, error: unknown) => boolean;
  const retryDelay = defaults.retryDelay as (attempt: number, error: unknown) => number;

  it('retries transient failures a limited number of times and never a 4xx', () => {
    expect(retry(0, error(503, true))).toBe(true);
    expect(retry(2, error(503, true))).toBe(false);
    expect(retry(0, error(404, false))).toBe(false);
    expect(retry(0, new TypeError('bug'))).toBe(false);
  });

  it('waits as long as the backend asks when throttled', () => {
    expect(retryDelay(0, error(429, true, 7))).toBe(7000);
  });

  it('does not refetch logs when the window regains focus', () => {
    expect(defaults.refetchOnWindowFocus).toBe(false);
    expect(defaults.staleTime).toBeGreaterThan(0);
  });
});
