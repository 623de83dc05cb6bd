import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../backends/types.ts';
import { LIVE_MAX_BACKOFF_MS, LIVE_POLL_MS, nextPollDelay } from './live-schedule.ts';

const throttled = (retryAfter?: number) =>
  new BackendError('Throttling.User', {
    status: 429,
    httpStatus: 400,
    retryable: true,
    retryAfter,
  });

describe('nextPollDelay', () => {
  it('polls every 2 s while calls succeed', () => {
    expect(nextPollDelay(0)).toBe(LIVE_POLL_MS);
  });
  it('doubles after each failure in a row, up to a minute', () => {
    const error = new Error('network');
    expect([1, 2, 3, 10].map((n) => nextPollDelay(n, error))).toEqual([
      4000,
      8000,
      16_000,
      LIVE_MAX_BACKOFF_MS,
    ]);
  });
  it('waits at least 10 s when throttled without Retry-After, and what Retry-After says', () => {
    expect(nextPollDelay(1, throttled())).toBe(10_000);
    expect(nextPollDelay(1, throttled(30))).toBe(30_000);
  });
});
