import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SortOrder } from '../../../backends/types.ts';
import type { BucketCount, KnownRow } from './position-time.ts';
import { rowsFromBuckets, timeAtRow } from './position-time.ts';

/** Event times in the display order (`desc`: newest first). */
function displayed(times: number[], order: SortOrder): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return order === 'desc' ? sorted.reverse() : sorted;
}

/** Buckets of `width` ms over the log, with their exact counts (what a histogram would say). */
function bucketsOf(times: number[], width: number): BucketCount[] {
  const counts = new Map<number, number>();
  for (const time of times) {
    const start = Math.floor(time / width) * width;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  return [...counts.entries()].map(([start, count]) => ({ start, end: start + width, count }));
}

const ends = (shown: number[]): KnownRow[] => [
  { row: 0, time: shown[0]! },
  { row: shown.length - 1, time: shown[shown.length - 1]! },
];

const logArb = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 300 });
const orderArb = fc.constantFrom<SortOrder>('asc', 'desc');

describe('position → time', () => {
  it('knows nothing without a known row or bucket', () => {
    expect(timeAtRow(5, { total: 10, order: 'desc', known: [] })).toBeNull();
  });

  it('interpolates between the ends of an even log', () => {
    const known = [
      { row: 0, time: 10_000 },
      { row: 100, time: 0 },
    ];
    expect(timeAtRow(50, { total: 101, order: 'desc', known })).toBe(5000);
    expect(timeAtRow(25, { total: 101, order: 'desc', known })).toBe(7500);
  });

  it('maps the ends to the ends and is monotonic in the display order, with or without buckets', () => {
    fc.assert(
      fc.property(
        logArb,
        orderArb,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 20_000 }),
        (times, order, withBuckets, extra, width) => {
          const shown = displayed(times, order);
          const total = shown.length;
          // Some true rows besides the ends, as loaded windows and landings provide them.
          const known = [
            ...ends(shown),
            ...extra.map((n) => ({ row: n % total, time: shown[n % total]! })),
          ];
          const input = {
            total,
            order,
            known,
            ...(withBuckets ? { buckets: bucketsOf(times, width) } : {}),
          };
          expect(timeAtRow(0, input)).toBe(shown[0]);
          expect(timeAtRow(total - 1, input)).toBe(shown[total - 1]);
          // Beyond the ends: the ends.
          expect(timeAtRow(-10, input)).toBe(shown[0]);
          expect(timeAtRow(total + 10, input)).toBe(shown[total - 1]);
          let previous = timeAtRow(0, input)!;
          for (let row = 1; row < total; row += 1) {
            const time = timeAtRow(row, input)!;
            if (order === 'desc') expect(time).toBeLessThanOrEqual(previous);
            else expect(time).toBeGreaterThanOrEqual(previous);
            previous = time;
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with bucket counts, every row maps into the bucket that holds its event', () => {
    fc.assert(
      fc.property(logArb, orderArb, fc.integer({ min: 1, max: 20_000 }), (times, order, width) => {
        const shown = displayed(times, order);
        const input = { total: shown.length, order, known: [], buckets: bucketsOf(times, width) };
        shown.forEach((truth, row) => {
          const bucketStart = Math.floor(truth / width) * width;
          const time = timeAtRow(row, input)!;
          expect(time).toBeGreaterThanOrEqual(bucketStart);
          expect(time).toBeLessThan(bucketStart + width);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('an uneven log: buckets put the middle row where the events are, the ends alone do not', () => {
    // 900 events in the newest hour, 100 spread over the 99 hours before it.
    const hour = 3_600_000;
    const times = [
      ...Array.from({ length: 900 }, (_, n) => 99 * hour + n * 4000),
      ...Array.from({ length: 100 }, (_, n) => (n * (99 * hour)) / 100),
    ];
    const shown = displayed(times, 'desc');
    const middle = shown[500]!;
    const withEnds = timeAtRow(500, { total: 1000, order: 'desc', known: ends(shown) })!;
    const withBuckets = timeAtRow(500, {
      total: 1000,
      order: 'desc',
      known: ends(shown),
      buckets: bucketsOf(times, hour),
    })!;
    expect(Math.abs(withBuckets - middle)).toBeLessThan(hour);
    expect(Math.abs(withEnds - middle)).toBeGreaterThan(40 * hour);
  });

  it('turns buckets into rows at their edges, in the display order', () => {
    const buckets = [
      { start: 0, end: 10, count: 3 },
      { start: 10, end: 20, count: 0 },
      { start: 20, end: 30, count: 2 },
    ];
    expect(rowsFromBuckets(buckets, 'desc')).toEqual([
      { row: 0, time: 29 },
      { row: 1, time: 20 },
      { row: 2, time: 9 },
      { row: 4, time: 0 },
    ]);
    expect(rowsFromBuckets(buckets, 'asc')).toEqual([
      { row: 0, time: 0 },
      { row: 2, time: 9 },
      { row: 3, time: 20 },
      { row: 4, time: 29 },
    ]);
  });
});
