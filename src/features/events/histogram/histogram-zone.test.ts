import { describe, expect, it } from 'vitest';
import { planBuckets, zoneOffsetAt } from './bucket-plan.ts';
import { formatEdge } from './histogram-text.ts';

/**
 * A fixed zone offset (the zone a server-rendered histogram was drawn in, which the app keeps
 * until it has taken the page over): bars cut on that zone's midnights, labelled in its clock time
 * without a zone suffix, as the server wrote them in its own local time.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KOLKATA = 5.5 * HOUR;

describe('a histogram zone given as a fixed offset', () => {
  it('is that offset at any time', () => {
    expect(zoneOffsetAt(Date.UTC(2025, 0, 1), { offset: KOLKATA })).toBe(KOLKATA);
    expect(zoneOffsetAt(Date.UTC(2025, 6, 1), { offset: -7 * HOUR })).toBe(-7 * HOUR);
  });

  it('labels edges in that clock time, without a zone suffix', () => {
    const at = Date.UTC(2025, 0, 1, 20, 0);
    expect(formatEdge(at, HOUR, { offset: KOLKATA })).toBe('2025-01-02 01:30');
    expect(formatEdge(at, DAY, { offset: KOLKATA })).toBe('2025-01-02');
    expect(formatEdge(at, HOUR, 'utc')).toBe('2025-01-01 20:00 UTC');
  });

  it('cuts day bars on that zone’s midnights', () => {
    const from = Date.UTC(2025, 0, 1, 3, 0);
    const plan = planBuckets(from, from + 20 * DAY, zoneOffsetAt(from, { offset: KOLKATA }));
    expect(plan.step).toBe(DAY);
    for (const bucket of plan.buckets.slice(1))
      expect(new Date(bucket.start + KOLKATA).toISOString()).toMatch(/T00:00:00\.000Z$/);
  });
});
