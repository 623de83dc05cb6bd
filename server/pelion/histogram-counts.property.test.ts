/**
 * The Event histogram's counts against the simulator's own data: for random windows, level
 * filters and time zones, the bars the histogram plans (src/features/events/histogram), counted
 * through the Pelion adapter's `countEvents` against the simulator, equal the events the demo
 * device really has in each bar, level by level, and add up to the window's count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPelionAdapter } from '../../src/backends/pelion/adapter.ts';
import { PELION_VOCABULARY } from '../../src/backends/pelion/vocabulary.ts';
import { planBuckets } from '../../src/features/events/histogram/bucket-plan.ts';
import { assembleBars, planCounts } from '../../src/features/events/histogram/count-plan.ts';
import { fakePelionInfo } from '../../src/testing/fake-event-adapter.ts';
import { AUTH, testFleet, testSimulator } from './sim-testing.ts';

const fleet = testFleet();
const simulator = testSimulator();
const DEVICE = fleet.notable.mediumHistory;
const events = fleet.eventsOf(DEVICE);
const LEVELS = ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] as const;
const levelOf = (type: string) => (type === 'UNDETERMINED' ? 'INFO' : type);

const adapter = createPelionAdapter(
  fakePelionInfo,
  // What the Fleetlog server does on the way: drop its own prefix, add the key.
  async (url, init) =>
    simulator.request(url.replace('/api/demo-pelion', ''), { ...init, headers: AUTH }),
);

describe('histogram counts against the Pelion simulator', () => {
  it('every bar, level by level, holds the device’s events of its window', async () => {
    const first = events[0]!.time;
    const last = events.at(-1)!.time;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.subarray([...LEVELS]),
        fc.constantFrom(0, 3_600_000, -18_000_000, 19_800_000),
        fc.boolean(),
        async (a, b, levels, zone, windowCounted) => {
          const from = Math.floor(first + (last - first) * Math.min(a, b)) - 1000;
          const to = Math.floor(first + (last - first) * Math.max(a, b)) + 1000;
          const plan = planBuckets(from, to, zone);
          const shown = (type: string) =>
            levels.length === 0 || (levels as string[]).includes(levelOf(type));
          // Half the runs know the window's count (as the list's first page tells it): the last
          // bar is then not asked for but left over.
          const windowTotal = windowCounted
            ? await adapter.countEvents!({ deviceId: DEVICE, levels, from, to })
            : undefined;
          const counts = planCounts(
            PELION_VOCABULARY,
            { deviceId: DEVICE, levels, code: undefined },
            plan.buckets,
            windowTotal,
          );
          const answers = await Promise.all(
            counts.requests.map((request) => adapter.countEvents!(request.query)),
          );
          const bars = assembleBars(plan.buckets, counts, answers);
          let total = 0;
          bars.forEach((bar) => {
            const inBar = events.filter(
              (event) =>
                event.time >= bar.start && event.time < bar.end && shown(event.messageType),
            );
            total += inBar.length;
            expect(bar.count).toBe(inBar.length);
            const byLevel: Record<string, number> = {};
            for (const event of inBar) {
              const level = levelOf(event.messageType);
              byLevel[level] = (byLevel[level] ?? 0) + 1;
            }
            expect(
              Object.fromEntries(bar.segments.map((segment) => [segment.level, segment.count])),
            ).toEqual(byLevel);
          });
          expect(total).toBe(
            events.filter((e) => e.time >= from && e.time <= to && shown(e.messageType)).length,
          );
        },
      ),
      { numRuns: 20 },
    );
  });
});
