import { describe, expect, it } from 'vitest';
import { generateAliyunFleet, ALIYUN_NOTABLE_DEVICES } from './aliyun-fleet.ts';
import { liveSeries, liveTicksPassed } from './live-ticks.ts';
import { generatePelionFleet } from './pelion-fleet.ts';

const STARTED = Date.UTC(2026, 0, 10, 12, 0, 0);

describe('live demo devices', () => {
  it('the Pelion live device gets one event per 2 s tick since start, newer than its history', () => {
    let clock = STARTED + 1_000;
    const fleet = generatePelionFleet({ now: STARTED, clock: () => clock });
    const id = fleet.notable.live;
    expect(fleet.device(id)?.name).toBe('live-sensor-001');
    const before = fleet.eventsOf(id);
    expect(before.length).toBeGreaterThan(0);
    expect(before.at(-1)!.time).toBeLessThan(STARTED);

    clock = STARTED + 10_500;
    const after = fleet.eventsOf(id);
    const ticks = after.slice(before.length);
    expect(ticks.map((event) => event.time)).toEqual(
      [1, 2, 3, 4, 5].map((k) => STARTED + 2000 * k),
    );
    // Ids keep (date_time, id) order and can be found one by one.
    expect([...after.map((e) => e.key)].sort()).toEqual(after.map((e) => e.key));
    expect(fleet.event(ticks[2]!.key)?.time).toBe(STARTED + 6000);
    // The fleet-wide list sees them too.
    expect(fleet.allEvents().filter((event) => event.deviceId === id)).toHaveLength(after.length);
  });

  it('is a function of the clock: another fleet at the same moment answers the same events', () => {
    const a = generatePelionFleet({ now: STARTED, clock: () => STARTED + 20_000 });
    const b = generatePelionFleet({ now: STARTED, clock: () => STARTED + 20_000 });
    expect(a.eventsOf(a.notable.live)).toEqual(b.eventsOf(b.notable.live));
  });

  it('without a clock (tests of fixed fleets) no live event appears', () => {
    const fleet = generatePelionFleet({ now: STARTED });
    expect(fleet.eventsOf(fleet.notable.live).every((event) => event.time < STARTED)).toBe(true);
  });

  it('the Alibaba live meter gets one event per tick', () => {
    let clock = STARTED;
    const fleet = generateAliyunFleet({ now: STARTED, clock: () => clock });
    const iotId = ALIYUN_NOTABLE_DEVICES.live;
    expect(fleet.findDevice(iotId)?.deviceName).toBe('live-meter');
    const before = fleet.events(iotId).length;
    clock = STARTED + 6_000;
    const grown = fleet.events(iotId);
    expect(grown.slice(before).map((record) => record.time)).toEqual([
      STARTED + 2000,
      STARTED + 4000,
      STARTED + 6000,
    ]);
    expect(fleet.events(iotId)).toBe(grown);
  });

  it('keeps only the newest ticks once the cap is reached', () => {
    const series = liveSeries(
      () => ['base'],
      (k) => `tick-${k}`,
      3,
    );
    expect(series(2)).toEqual(['base', 'tick-1', 'tick-2']);
    expect(series(5)).toEqual(['base', 'tick-3', 'tick-4', 'tick-5']);
    expect(liveTicksPassed(STARTED, STARTED - 1)).toBe(0);
  });
});
