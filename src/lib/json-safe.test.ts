import { describe, expect, it } from 'vitest';
import { fromJsonSafe, toJsonSafe } from './json-safe.ts';

const roundTrip = (value: unknown) => fromJsonSafe(JSON.parse(JSON.stringify(toJsonSafe(value))));

describe('JSON-safe query data', () => {
  it('carries integers beyond 2^53 through JSON exactly', () => {
    const huge = 2n ** 63n + 7n;
    const page = { events: [{ id: 'a', payload: { energyTotalWh: huge, volts: 229.5 } }] };
    expect(() => JSON.stringify(page)).toThrow(TypeError);
    expect(roundTrip(page)).toEqual(page);
    expect(typeof (roundTrip(page) as typeof page).events[0]!.payload.energyTotalWh).toBe('bigint');
  });

  it('never mistakes a device object shaped like the marker for a number', () => {
    const payload = { $bigint: '12', $$odd: [1, { $bigint: 'x', other: null }], plain: 'text' };
    expect(roundTrip(payload)).toEqual(payload);
  });

  it('leaves JSON values as they are and drops undefined fields, as JSON does', () => {
    expect(toJsonSafe({ a: 1, b: 'x', c: [true, null], d: undefined })).toEqual({
      a: 1,
      b: 'x',
      c: [true, null],
    });
    expect(roundTrip('text')).toBe('text');
    expect(roundTrip(null)).toBeNull();
  });
});
