import { describe, expect, it } from 'vitest';
import { fromJsonSafe, toJsonSafe } from './json-safe.ts';
import fc from 'fast-check';

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

/** The copying reader this module had before (every object and array rebuilt), as the reference. */
function copyingFromJsonSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyingFromJsonSafe);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === '$bigint' && typeof entries[0]![1] === 'string')
    return BigInt(entries[0]![1]);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries)
    out[key.startsWith('$$') ? key.slice(1) : key] = copyingFromJsonSafe(item);
  return out;
}

describe('reading the embedded cache back', () => {
  it('keeps the parsed objects where nothing needs changing, and copies only the way to what does', () => {
    const parsed = JSON.parse(
      JSON.stringify(
        toJsonSafe({
          events: [
            { id: 'a', payload: { volts: 229.5 } },
            { id: 'b', payload: { energyTotalWh: 2n ** 60n } },
          ],
          device: { name: 'meter', tags: ['x'] },
        }),
      ),
    ) as { events: Array<{ payload: object }>; device: object };
    const read = fromJsonSafe(parsed) as typeof parsed;
    expect(read).not.toBe(parsed);
    expect(read.device).toBe(parsed.device);
    expect(read.events[0]).toBe(parsed.events[0]);
    expect(read.events[1]).not.toBe(parsed.events[1]);
    expect(read.events[1]!.payload).toEqual({ energyTotalWh: 2n ** 60n });
    const plain = JSON.parse('{"pages":[{"events":[{"id":"a","payload":{}}]}]}') as unknown;
    expect(fromJsonSafe(plain)).toBe(plain);
  });

  it('reads any value as the copying reader did', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          key: fc.oneof(fc.string(), fc.constantFrom('$bigint', '$', '$$x', '$$$bigint')),
        }),
        (value) => {
          const wire = JSON.stringify(toJsonSafe(value));
          if (wire === undefined) return;
          const parsed: unknown = JSON.parse(wire);
          expect(fromJsonSafe(parsed)).toEqual(copyingFromJsonSafe(JSON.parse(wire)));
          // Nor is the parsed value changed by reading it.
          expect(parsed).toEqual(JSON.parse(wire));
        },
      ),
      { numRuns: 500 },
    );
  });
});
