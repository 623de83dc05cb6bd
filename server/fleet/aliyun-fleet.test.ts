import { describe, expect, it } from 'vitest';
import { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from './aliyun-fleet.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;

describe('demo Alibaba fleet', () => {
  const fleet = generateAliyunFleet({ now: NOW });

  it('is deterministic for the same seed and now, different for another seed', () => {
    const again = generateAliyunFleet({ now: NOW });
    expect(again.devices.map((d) => d.iotId)).toEqual(fleet.devices.map((d) => d.iotId));
    const someId = fleet.devices[7]!.iotId;
    expect(again.events(someId)).toEqual(fleet.events(someId));
    const other = generateAliyunFleet({ now: NOW, seed: 7 });
    expect(other.devices.map((d) => d.iotId)).not.toEqual(fleet.devices.map((d) => d.iotId));
  });

  it('has hundreds of devices in every status across several products', () => {
    expect(fleet.devices.length).toBeGreaterThanOrEqual(300);
    expect(new Set(fleet.devices.map((d) => d.status))).toEqual(
      new Set(['ONLINE', 'OFFLINE', 'UNACTIVE', 'DISABLE']),
    );
    expect(fleet.products.length).toBeGreaterThanOrEqual(4);
    expect(new Set(fleet.devices.map((d) => d.iotId)).size).toBe(fleet.devices.length);
  });

  it('keeps 40 days of history, older than retention included', () => {
    const history = fleet.events(ALIYUN_NOTABLE_DEVICES.longHistory);
    expect(history[0]!.time).toBeLessThan(NOW - 30 * DAY);
    expect(history.filter((e) => e.time >= NOW - 30 * DAY).length).toBeGreaterThanOrEqual(50_000);
    expect(history.every((e, i) => i === 0 || history[i - 1]!.time <= e.time)).toBe(true);
  });

  it('has bursts of up to 20 events in one millisecond on the tie-heavy device', () => {
    const perMs = new Map<number, number>();
    for (const e of fleet.events(ALIYUN_NOTABLE_DEVICES.tieHeavy)) {
      perMs.set(e.time, (perMs.get(e.time) ?? 0) + 1);
    }
    expect(Math.max(...perMs.values())).toBe(20);
  });

  it('has an empty device and custom-module events', () => {
    expect(fleet.events(ALIYUN_NOTABLE_DEVICES.empty)).toEqual([]);
    const gateway = fleet.events(ALIYUN_NOTABLE_DEVICES.customModule);
    expect(gateway.some((e) => e.identifier === 'modbusFb:SlaveTimeout')).toBe(true);
  });

  it('writes integers beyond 2^53 unquoted in OutputData', () => {
    const meter = fleet.events(ALIYUN_NOTABLE_DEVICES.longHistory);
    const report = meter.find((e) => e.identifier === 'EnergyReport')!;
    const digits = /"energyTotalWh":(\d+)/.exec(report.outputData)![1]!;
    expect(BigInt(digits) > 2n ** 53n).toBe(true);
  });
});
