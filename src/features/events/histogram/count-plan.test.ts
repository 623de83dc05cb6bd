import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeAdapter } from '../../../testing/fake-event-adapter.ts';
import type { EventLevel } from '../../../backends/types.ts';
import { planBuckets } from './bucket-plan.ts';
import { assembleBars, planCounts } from './count-plan.ts';

const PELION_VOCABULARY = createFakeAdapter({ events: 0 }).vocabulary;
const T = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const LEVELS = ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] as const;

describe('planCounts', () => {
  const { buckets } = planBuckets(T, T + 5 * HOUR - 1);

  it('asks each bar’s total first, then failures, then the other levels but one', () => {
    const plan = planCounts(
      PELION_VOCABULARY,
      { deviceId: 'd', levels: [], code: undefined },
      buckets,
    );
    expect(plan.levels).toEqual(LEVELS);
    expect(plan.remainder).toBe('INFO');
    expect(plan.requests).toHaveLength(buckets.length * 4);
    const order = plan.requests.map((request) => request.level);
    expect(order.slice(0, buckets.length)).toEqual(buckets.map(() => null));
    expect(order.slice(buckets.length, 2 * buckets.length)).toEqual(buckets.map(() => 'FAIL'));
    expect(new Set(order.slice(2 * buckets.length))).toEqual(new Set(['SUCCESS', 'SKIPPED']));
    expect(plan.requests[0]!.query).toEqual({
      deviceId: 'd',
      levels: [],
      from: buckets[0]!.start,
      to: buckets[0]!.end - 1,
    });
  });

  it('asks one count per bar when one level is shown', () => {
    const plan = planCounts(
      PELION_VOCABULARY,
      { deviceId: 'd', levels: ['FAIL'], code: undefined },
      buckets,
    );
    expect(plan.requests).toHaveLength(buckets.length);
    expect(plan.requests.every((request) => request.query.levels.join() === 'FAIL')).toBe(true);
  });
});

describe('assembleBars', () => {
  it('stacks the levels so that they add up to each bar’s total, whatever the filter', () => {
    fc.assert(
      fc.property(
        fc.subarray([...LEVELS]),
        fc.array(fc.array(fc.constantFrom(...LEVELS), { maxLength: 40 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (filter, perBucket) => {
          const { buckets } = planBuckets(T, T + perBucket.length * HOUR - 1);
          const truth = buckets.map((_, index) => perBucket[index] ?? []);
          const shown = (level: EventLevel) =>
            filter.length === 0 || filter.includes(level as never);
          const plan = planCounts(
            PELION_VOCABULARY,
            { deviceId: 'd', levels: filter, code: undefined },
            buckets,
          );
          // Answer each request as a backend that counts exactly would.
          const answers = plan.requests.map(
            (request) =>
              truth[request.bucket]!.filter((level) =>
                request.query.levels.length === 0 ? true : request.query.levels.includes(level),
              ).length,
          );
          const bars = assembleBars(buckets, plan, answers);
          bars.forEach((bar, index) => {
            const expected = truth[index]!.filter(shown);
            expect(bar.count).toBe(expected.length);
            expect(bar.segments.reduce((sum, s) => sum + s.count, 0)).toBe(expected.length);
            for (const segment of bar.segments) {
              expect(segment.count).toBe(expected.filter((l) => l === segment.level).length);
            }
          });
        },
      ),
    );
  });

  it('leaves a bar unstacked until all of its counts are in', () => {
    const { buckets } = planBuckets(T, T + 2 * HOUR - 1);
    const plan = planCounts(
      PELION_VOCABULARY,
      { deviceId: 'd', levels: [], code: undefined },
      buckets,
    );
    const answers = plan.requests.map((request) => (request.level === null ? 10 : undefined));
    const bars = assembleBars(buckets, plan, answers);
    expect(bars.length).toBeGreaterThan(1);
    expect(bars.every((bar) => bar.count === 10)).toBe(true);
    expect(bars.every((bar) => bar.segments.length === 0)).toBe(true);
  });
});
