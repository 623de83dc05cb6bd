import { describe, expect, it } from 'vitest';
import { parseFilterInstant } from './sim-dates.ts';

describe('parseFilterInstant', () => {
  it('reads the three documented RFC 3339 forms', () => {
    const second = Date.UTC(2016, 10, 30, 16, 25, 12);
    expect(parseFilterInstant('2016-11-30T16:25:12Z')).toBe(second);
    expect(parseFilterInstant('20161130T162512Z')).toBe(second);
    expect(parseFilterInstant('2016-11-30T16:25:12.1234Z')).toBeCloseTo(second + 123.4, 6);
    expect(parseFilterInstant('2016-11-30T16:25:12.123000Z')).toBe(second + 123);
  });

  it.each([
    'yesterday',
    '2016-11-30',
    '2016-11-30T16:25:12',
    '2016-11-30T16:25:12+01:00',
    '2016-02-30T00:00:00Z',
    '2016-11-30T24:00:00Z',
    '20161130T1625Z',
    '',
  ])('rejects %j', (text) => {
    expect(parseFilterInstant(text)).toBeUndefined();
  });
});
