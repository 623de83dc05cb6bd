import { describe, expect, it } from 'vitest';
import { normaliseTypedBound, resolveTimeBound } from './time-bound.ts';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('resolveTimeBound', () => {
  it('resolves relative bounds against now', () => {
    expect(resolveTimeBound('now', NOW)).toBe(NOW);
    expect(resolveTimeBound('now-15m', NOW)).toBe(NOW - 15 * 60_000);
    expect(resolveTimeBound('now-24h', NOW)).toBe(NOW - 24 * 3_600_000);
    expect(resolveTimeBound('now-7d', NOW)).toBe(NOW - 7 * 86_400_000);
  });

  it('reads instants with a zone, milliseconds included', () => {
    expect(resolveTimeBound('2026-11-22T12:00:00.123Z', NOW)).toBe(NOW + 123);
    expect(resolveTimeBound('2026-11-22T20:00:00+08:00', NOW)).toBe(NOW);
  });

  it('rejects text that is neither form', () => {
    for (const text of ['now+1h', 'now-h', 'today', '2026-11-22', '2026-11-22T12:00:00', '']) {
      expect(resolveTimeBound(text, NOW)).toBeNull();
    }
  });
});

describe('normaliseTypedBound', () => {
  it('keeps URL forms as typed', () => {
    expect(normaliseTypedBound(' now-24h ', 'utc')).toBe('now-24h');
    expect(normaliseTypedBound('2026-11-22T12:00:00Z', 'local')).toBe('2026-11-22T12:00:00Z');
  });

  it('reads a zone-less date-time in the view time zone', () => {
    expect(normaliseTypedBound('2026-11-22 12:00', 'utc')).toBe('2026-11-22T12:00:00.000Z');
    expect(normaliseTypedBound('2026-11-22T12:00', 'local')).toBe(
      new Date(2026, 10, 22, 12, 0).toISOString(),
    );
  });

  it('refuses what it cannot read', () => {
    expect(normaliseTypedBound('next tuesday', 'utc')).toBeNull();
  });
});
