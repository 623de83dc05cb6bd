import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, bucketIndexOf, describeStep, planBuckets } from './bucket-plan.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 5, 12, 10, 7, 30, 123);

describe('planBuckets', () => {
  it('cuts a day into 1-hour bars on round hours, the first and last cut to the window', () => {
    const plan = planBuckets(T, T + 20 * HOUR);
    expect(plan.step).toBe(HOUR);
    expect(plan.buckets).toHaveLength(21);
    expect(plan.buckets[0]).toEqual({ start: T, end: Date.UTC(2026, 5, 12, 11) });
    expect(plan.buckets[1]!.start).toBe(Date.UTC(2026, 5, 12, 11));
    expect(plan.buckets.at(-1)!.end).toBe(T + 20 * HOUR + 1);
  });

  it('puts day edges on the view’s midnight (here UTC+2)', () => {
    const plan = planBuckets(T, T + 20 * DAY, 2 * HOUR);
    expect(plan.step).toBe(DAY);
    // 2026-06-13 00:00 at UTC+2 is 2026-06-12 22:00 UTC.
    expect(plan.buckets[1]!.start).toBe(Date.UTC(2026, 5, 12, 22));
  });

  it('starts weeks on Monday', () => {
    const plan = planBuckets(T, T + 150 * DAY);
    expect(plan.step).toBe(7 * DAY);
    expect(new Date(plan.buckets[1]!.start).getUTCDay()).toBe(1);
  });

  it('draws one bar for a window of one instant', () => {
    const plan = planBuckets(T, T);
    expect(plan.buckets).toEqual([{ start: T, end: T + 1 }]);
  });

  it('covers any window exactly, in at most MAX_BUCKETS bars of one step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 20 * 365 * DAY }),
        fc.constantFrom(0, 2 * HOUR, -5 * HOUR, 5.5 * HOUR),
        (from, length, zone) => {
          const plan = planBuckets(from, from + length, zone);
          const { buckets } = plan;
          expect(buckets.length).toBeGreaterThan(0);
          expect(buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
          expect(buckets[0]!.start).toBe(from);
          expect(buckets.at(-1)!.end).toBe(from + length + 1);
          for (let i = 1; i < buckets.length; i++) {
            expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
            expect(buckets[i - 1]!.end - buckets[i - 1]!.start).toBeLessThanOrEqual(plan.step);
          }
        },
      ),
    );
  });

  it('finds the bar of any instant in the window, and none outside', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 3 * 365 * DAY }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, length, at) => {
          const plan = planBuckets(from, from + length, 0);
          const time = from + Math.floor(at * length);
          const index = bucketIndexOf(plan, time);
          const bucket = plan.buckets[index]!;
          expect(time).toBeGreaterThanOrEqual(bucket.start);
          expect(time).toBeLessThan(bucket.end);
          expect(bucketIndexOf(plan, from - 1)).toBe(-1);
          expect(bucketIndexOf(plan, from + length + 1)).toBe(-1);
        },
      ),
    );
  });
});

describe('describeStep', () => {
  it('names a bar’s width', () => {
    expect(describeStep(5 * 60_000)).toBe('5 min');
    expect(describeStep(6 * HOUR)).toBe('6 h');
    expect(describeStep(DAY)).toBe('1 day');
    expect(describeStep(7 * DAY)).toBe('7 days');
  });
});
