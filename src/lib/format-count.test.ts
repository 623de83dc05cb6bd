import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count.ts';

describe('formatCount', () => {
  it('groups thousands like en-US', () => {
    for (const value of [0, 7, 999, 1000, 12_345, 98_000, 100_006, 1_234_567, 10_000_000]) {
      expect(formatCount(value), String(value)).toBe(new Intl.NumberFormat('en-US').format(value));
    }
  });

  it('rounds to a whole count and keeps the sign', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(-4200)).toBe('-4,200');
    expect(formatCount(-0.2)).toBe('0');
  });
});
