import { describe, expect, it } from 'vitest';
import { NOTABLE_PELION_DEVICES, type StoredPelionEvent } from '../fleet/pelion-fleet.ts';
import { eventKey, getJson, query, testFleet, testSimulator } from './sim-testing.ts';

const app = testSimulator();
const fleet = testFleet();
const { burst, legacy, longHistory, mediumHistory, noEvents } = NOTABLE_PELION_DEVICES;

const keys = (events: readonly StoredPelionEvent[]) => events.map((e) => e.key);

/** Follows `has_more`/`after` like a client, returning every id in the order received. */
async function pageAll(
  params: Record<string, string | number>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const response = await getJson(
      app,
      `/v3/device-events?${query({ ...params, ...(after ? { after } : {}) })}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.after).toBe(after);
    const data = response.body.data ?? [];
    ids.push(...data.map(eventKey));
    pages++;
    if (!response.body.has_more) return { ids, pages };
    expect(data.length).toBe(response.body.limit);
    after = eventKey(data[data.length - 1]!);
  }
}

describe('limit', () => {
  it('defaults to 50', async () => {
    const response = await getJson(app, `/v3/device-events?device_id=${burst}`);
    expect(response.body.limit).toBe(50);
    expect(response.body.data).toHaveLength(50);
  });

  it.each([
    ['1', 2],
    ['0', 2],
    ['-7', 2],
    ['1001', 1000],
    ['5000', 1000],
    ['1000', 1000],
    ['2', 2],
  ])('clamps limit=%s to %i instead of rejecting it', async (limit, expected) => {
    const response = await getJson(
      app,
      `/v3/device-events?device_id=${longHistory}&limit=${limit}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.limit).toBe(expected);
    expect(response.body.data).toHaveLength(expected);
  });
});

describe('order', () => {
  it('defaults to ASC: oldest first, ordered by (date_time, id)', async () => {
    const response = await getJson(app, `/v3/device-events?device_id=${burst}&limit=1000`);
    expect(response.body.order).toBe('ASC');
    expect(response.body.data?.map(eventKey)).toEqual(keys(fleet.eventsOf(burst)).slice(0, 1000));
  });

  it('accepts lowercase desc and returns newest first', async () => {
    const response = await getJson(app, `/v3/device-events?device_id=${burst}&order=desc&limit=5`);
    expect(response.body.order).toBe('DESC');
    expect(response.body.data?.map(eventKey)).toEqual(
      keys(fleet.eventsOf(burst)).reverse().slice(0, 5),
    );
  });
});

describe('cursor paging', () => {
  it('the tie-heavy device really has 50+ events in one millisecond', () => {
    const counts = new Map<number, number>();
    for (const e of fleet.eventsOf(burst)) counts.set(e.time, (counts.get(e.time) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(50);
  });

  it.each(['ASC', 'DESC'] as const)(
    'pages a tie-heavy device in %s order with every id exactly once, equal to its full history',
    async (order) => {
      const expected = keys(fleet.eventsOf(burst));
      // A page size below the burst size forces page boundaries inside same-millisecond runs.
      const { ids, pages } = await pageAll({ device_id: burst, order, limit: 37 });
      expect(pages).toBeGreaterThan(10);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(order === 'ASC' ? expected : [...expected].reverse());
    },
  );

  it('pages old-style records (device_log_id) just as consistently', async () => {
    const { ids } = await pageAll({ device_id: legacy, limit: 7, order: 'DESC' });
    expect(ids).toEqual(keys(fleet.eventsOf(legacy)).reverse());
    expect(fleet.eventsOf(legacy).some((e) => e.legacy)).toBe(true);
  });

  it('pages the 20,000-event device with the maximum page size', async () => {
    const { ids, pages } = await pageAll({ device_id: mediumHistory, limit: 1000 });
    expect(pages).toBe(Math.ceil(fleet.eventsOf(mediumHistory).length / 1000));
    expect(ids).toEqual(keys(fleet.eventsOf(mediumHistory)));
  });

  it('serves a cursor deep inside the 100,000-event device from the right position', async () => {
    const history = fleet.eventsOf(longHistory);
    expect(history.length).toBeGreaterThanOrEqual(100_000);
    const cursor = history[77_777]!.key;
    const asc = await getJson(
      app,
      `/v3/device-events?device_id=${longHistory}&limit=1000&after=${cursor}`,
    );
    expect(asc.body.data?.map(eventKey)).toEqual(keys(history.slice(77_778, 78_778)));
    const desc = await getJson(
      app,
      `/v3/device-events?device_id=${longHistory}&limit=3&order=DESC&after=${cursor}`,
    );
    expect(desc.body.data?.map(eventKey)).toEqual(keys(history.slice(77_774, 77_777)).reverse());
  });

  it('merges several devices (device_id__in) into one exact (date_time, id) order', async () => {
    const expected = keys(
      [...fleet.eventsOf(burst), ...fleet.eventsOf(legacy)].sort((a, b) =>
        a.key < b.key ? -1 : 1,
      ),
    );
    const { ids } = await pageAll({ device_id__in: `${burst},${legacy}`, limit: 500 });
    expect(ids).toEqual(expected);
  });

  it('answers an empty last page for a device without events', async () => {
    const response = await getJson(
      app,
      `/v3/device-events?device_id=${noEvents}&include=total_count`,
    );
    expect(response.body).toMatchObject({
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
    });
  });
});

describe('unfiltered event log (the whole fleet)', () => {
  // Generates every history; done while the file loads so it never races a test timeout.
  const all = fleet.allEvents();

  it('pages across devices in (date_time, id) order and counts every event', async () => {
    const first = await getJson(app, '/v3/device-events?limit=1000&include=total_count');
    expect(first.body.total_count).toBe(all.length);
    expect(first.body.data?.map(eventKey)).toEqual(keys(all.slice(0, 1000)));
    const cursor = eventKey(first.body.data![999]!);
    const second = await getJson(app, `/v3/device-events?limit=1000&after=${cursor}`);
    expect(second.body.data?.map(eventKey)).toEqual(keys(all.slice(1000, 2000)));
    const last = await getJson(app, '/v3/device-events?limit=3&order=DESC');
    expect(last.body.data?.map(eventKey)).toEqual(keys(all.slice(-3)).reverse());
  });
});

describe('include=total_count', () => {
  it('counts all matches, not the page, and only when asked', async () => {
    const withCount = await getJson(
      app,
      `/v3/device-events?device_id=${burst}&limit=5&include=total_count`,
    );
    expect(withCount.body.total_count).toBe(fleet.eventsOf(burst).length);
    expect(withCount.body.data).toHaveLength(5);
    const without = await getJson(app, `/v3/device-events?device_id=${burst}&limit=5`);
    expect(without.body).not.toHaveProperty('total_count');
    expect(Object.keys(without.body)).toEqual([
      'object',
      'data',
      'limit',
      'after',
      'order',
      'has_more',
    ]);
  });

  it('counts filtered matches on later pages too', async () => {
    const expected = fleet
      .eventsOf(burst)
      .filter((e) => e.messageType === 'FAIL' && e.eventType.startsWith('SYS_'));
    const after = fleet.eventsOf(burst)[200]!.key;
    const response = await getJson(
      app,
      `/v3/device-events?device_id=${burst}&event_type__in=SYS_101,SYS_103,SYS_104,SYS_111,SYS_123,SYS_124&include=total_count&after=${after}`,
    );
    expect(response.body.total_count).toBe(expected.length);
  });
});
