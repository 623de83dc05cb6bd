import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  NOTABLE_PELION_DEVICES,
  PELION_DEFAULT_SEED,
  generatePelionFleet,
  toWireEvent,
  type PelionFleet,
  type StoredPelionEvent,
} from './pelion-fleet.ts';
import { messageTypeOfCode } from '../../src/backends/pelion/event-codes.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const fleet = generatePelionFleet({ now: NOW });

const maxSameMillisecond = (events: readonly StoredPelionEvent[]) => {
  let best = 0;
  let run = 0;
  events.forEach((e, i) => {
    run = i > 0 && events[i - 1]!.time === e.time ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
};

/** A digest of everything a client could observe (keeps a failure message short). */
const fingerprint = (f: PelionFleet, deviceIds: readonly string[]) =>
  createHash('sha256')
    .update(JSON.stringify([f.devices, ...deviceIds.map((id) => f.eventsOf(id).map(toWireEvent))]))
    .digest('hex');

describe('generatePelionFleet determinism', () => {
  const sampleIds = [
    NOTABLE_PELION_DEVICES.burst,
    NOTABLE_PELION_DEVICES.legacy,
    fleet.devices[100]!.id,
  ];

  it('is identical for the same seed and now, whatever order histories are first read in', () => {
    const again = generatePelionFleet({ now: NOW, seed: PELION_DEFAULT_SEED });
    for (const id of [...sampleIds].reverse()) again.eventsOf(id);
    expect(fingerprint(again, sampleIds)).toBe(fingerprint(fleet, sampleIds));
  });

  it('differs for another seed, and its notable ids follow the seed', () => {
    const other = generatePelionFleet({ now: NOW, seed: 7 });
    expect(other.devices.map((d) => d.id)).not.toEqual(fleet.devices.map((d) => d.id));
    expect(other.device(other.notable.longHistory)?.name).toBe('gateway-longhaul-001');
  });

  it('keeps device ids independent of now, so the notable ids are constants', () => {
    const later = generatePelionFleet({ now: NOW + 86_400_000 * 30 });
    expect(later.devices.map((d) => d.id).sort()).toEqual(fleet.devices.map((d) => d.id).sort());
    expect(fleet.notable).toEqual(NOTABLE_PELION_DEVICES);
  });
});

describe('the demo fleet', () => {
  it('has at least 300 devices in every state, some blocked and some unnamed', () => {
    expect(fleet.devices.length).toBeGreaterThanOrEqual(300);
    const states = new Set(fleet.devices.map((d) => d.state));
    expect([...states].sort()).toEqual([
      'bootstrapped',
      'cloud_enrolling',
      'deregistered',
      'registered',
      'unenrolled',
    ]);
    expect(fleet.devices.some((d) => d.lifecycle_status === 'blocked')).toBe(true);
    expect(fleet.devices.filter((d) => d.name === null).length).toBeGreaterThan(0);
    expect(fleet.devices.filter((d) => d.name === '').length).toBeGreaterThan(0);
    expect(fleet.devices.every((d) => /^[0-9a-f]{32}$/.test(d.id))).toBe(true);
  });

  it('describes the notable devices truthfully', () => {
    const n = NOTABLE_PELION_DEVICES;
    expect(fleet.device(n.longHistory)?.name).toBe('gateway-longhaul-001');
    expect(fleet.eventsOf(n.longHistory).length).toBeGreaterThanOrEqual(100_000);
    expect(fleet.eventsOf(n.mediumHistory).length).toBeGreaterThanOrEqual(19_000);
    for (const id of n.bursts)
      expect(maxSameMillisecond(fleet.eventsOf(id))).toBeGreaterThanOrEqual(50);
    expect(fleet.eventsOf(n.noEvents)).toEqual([]);
    expect(fleet.device(n.unnamed)?.name).toBeNull();
    expect(fleet.device(n.emptyName)?.name).toBe('');
    const legacy = fleet.eventsOf(n.legacy);
    expect(legacy.some((e) => e.legacy)).toBe(true);
    expect(legacy.some((e) => e.messageType === 'UNDETERMINED')).toBe(true);
    expect(toWireEvent(legacy[0]!)).toHaveProperty('device_log_id');
    expect(toWireEvent(legacy[0]!)).not.toHaveProperty('id');
  });

  it('gives the 100k log a calm spell: a failure more than ten pages of 200 from the one before', () => {
    const history = fleet.eventsOf(NOTABLE_PELION_DEVICES.longHistory);
    const failAt = history.flatMap((e, i) => (e.messageType === 'FAIL' ? [i] : []));
    const gaps = failAt.slice(1).map((at, k) => at - failAt[k]!);
    expect(Math.max(...gaps)).toBeGreaterThan(10 * 200);
    // Everywhere else failures stay frequent (the spell is one stretch, not a quieter log).
    expect(gaps.filter((gap) => gap > 400)).toHaveLength(1);
    expect(failAt.length / history.length).toBeGreaterThan(0.02);
  });

  it('ends histories shortly before now and keeps ids in (date_time, id) order', () => {
    const history = fleet.eventsOf(NOTABLE_PELION_DEVICES.burst);
    const last = history[history.length - 1]!;
    expect(last.time).toBeLessThan(NOW);
    expect(NOW - last.time).toBeLessThan(2 * 3_600_000);
    history.forEach((e, i) => {
      expect(Number.parseInt(e.key.slice(0, 12), 16)).toBe(e.time);
      if (i > 0) expect(e.key > history[i - 1]!.key).toBe(true);
    });
  });

  describe('across all events', () => {
    const all = fleet.allEvents();
    const failures = all.filter((e) => e.messageType === 'FAIL');

    it('fails 5–10% of the time, with a category and a real code', () => {
      const share = failures.length / all.length;
      expect(share).toBeGreaterThanOrEqual(0.05);
      expect(share).toBeLessThanOrEqual(0.1);
      for (const e of failures) {
        expect(['FAIL_SERVICE', 'FAIL_NETWORK', 'FAIL_MANIFEST_REJECTED']).toContain(e.category);
        expect(messageTypeOfCode(e.eventType)).toBe('FAIL');
      }
    });

    it('has every message type, update campaigns walking UPD2_STATE_0…8, and SYS events', () => {
      const types = new Set(all.map((e) => e.messageType));
      expect([...types].sort()).toEqual(['FAIL', 'INFO', 'SKIPPED', 'SUCCESS', 'UNDETERMINED']);
      const codes = new Set(all.map((e) => e.eventType));
      for (let s = 0; s <= 8; s++) expect(codes.has(`UPD2_STATE_${s}`)).toBe(true);
      expect(codes.has('UPD4_OK_100')).toBe(true);
      expect([...codes].some((c) => c.startsWith('SYS_'))).toBe(true);
      expect(
        all
          .filter((e) => e.eventType.startsWith('UPD'))
          .every((e) => e.campaignId !== undefined || e.eventType.startsWith('UPD2_REPORT')),
      ).toBe(true);
    });

    it('uses each event id once fleet-wide, and finds every event by id', () => {
      expect(new Set(all.map((e) => e.key)).size).toBe(all.length);
      for (const e of all.filter((_, i) => i % 997 === 0)) expect(fleet.event(e.key)).toBe(e);
    });
  });
});
