import { describe, expect, it } from 'vitest';
import {
  NOTABLE_PELION_DEVICES,
  generatePelionFleet,
  pelionTimestamp,
  toWireEvent,
  wireEventJson,
  type StoredPelionEvent,
} from './pelion-fleet.ts';

const fleet = generatePelionFleet({ now: Date.UTC(2026, 0, 15, 12, 0, 0) });

/** The obvious formatting the fast one replaced. */
const isoMicros = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

describe('pelionTimestamp', () => {
  it('matches toISOString with microseconds across day, year and leap-day edges', () => {
    const instants = [
      0,
      -1,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(2020, 1, 29, 0, 0, 0, 0),
      Date.UTC(2020, 1, 29, 23, 59, 59, 999),
      Date.UTC(2024, 11, 31, 23, 59, 59, 1),
      Date.UTC(2025, 0, 1, 0, 0, 0, 10),
      Date.UTC(2019, 6, 18, 6, 45, 23, 662),
      Date.UTC(10_000, 0, 1, 12, 0, 0, 5),
    ];
    // Alternating far-apart instants also exercise the cached date part being replaced.
    for (let i = 0; i < 5_000; i++)
      instants.push(1_500_000_000_000 + i * 7_777_777_7 * (i % 2 ? 1 : -1));
    for (const ms of instants) expect(pelionTimestamp(ms)).toBe(isoMicros(ms));
  });
});

describe('wireEventJson', () => {
  const { longHistory, legacy, burst, mediumHistory } = NOTABLE_PELION_DEVICES;

  it('is byte-identical to JSON.stringify of the wire record for every event of the notable devices', () => {
    const events = [longHistory, legacy, burst, mediumHistory].flatMap((id) => fleet.eventsOf(id));
    // The sample must cover both record shapes, categories and campaign data.
    expect(events.some((e) => e.legacy)).toBe(true);
    expect(events.some((e) => e.category !== undefined)).toBe(true);
    expect(events.some((e) => e.campaignId !== undefined)).toBe(true);
    const mismatch = events.find((e) => wireEventJson(e) !== JSON.stringify(toWireEvent(e)));
    expect(mismatch && { event: mismatch, got: wireEventJson(mismatch) }).toBeUndefined();
  });

  it('escapes text fields the way JSON.stringify does', () => {
    const base = fleet.eventsOf(longHistory)[0]!;
    const odd: StoredPelionEvent[] = [
      { ...base, description: 'quote " backslash \\ newline \n tab \t control \u0001 ünïcødé …' },
      { ...base, legacy: true, eventType: 'CUSTOM_"1"', description: '\u2028 line separator' },
    ];
    for (const event of odd) {
      expect(wireEventJson(event)).toBe(JSON.stringify(toWireEvent(event)));
      expect(JSON.parse(wireEventJson(event))).toEqual(toWireEvent(event));
    }
  });
});
