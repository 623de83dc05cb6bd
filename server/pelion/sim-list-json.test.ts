import { describe, expect, it } from 'vitest';
import { NOTABLE_PELION_DEVICES, toWireEvent } from '../fleet/pelion-fleet.ts';
import { AUTH, query, testFleet, testSimulator } from './sim-testing.ts';
import { listJson } from './sim-list-json.ts';

const app = testSimulator();
const fleet = testFleet();
const { longHistory, legacy, noEvents } = NOTABLE_PELION_DEVICES;

async function rawList(params: Record<string, string | number>) {
  const response = await app.request(`/v3/device-events?${query(params)}`, { headers: AUTH });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** What serialising the documented envelope of wire records gives, built independently. */
const expectedBody = (fields: {
  data: ReturnType<typeof toWireEvent>[];
  limit: number;
  after: string | null;
  order: 'ASC' | 'DESC';
  has_more: boolean;
  total_count?: number;
}) => JSON.stringify({ object: 'list', ...fields });

describe('event list bodies', () => {
  it('are the exact bytes JSON.stringify gives for a full 1,000-event DESC page', async () => {
    const events = fleet.eventsOf(longHistory);
    const got = await rawList({ device_id: longHistory, limit: 1000, order: 'DESC' });
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/json');
    const data = events.slice(-1000).reverse().map(toWireEvent);
    expect(got.text).toBe(
      expectedBody({ data, limit: 1000, after: null, order: 'DESC', has_more: true }),
    );
  });

  it('keep byte identity with a cursor, total_count and old-style records', async () => {
    const events = fleet.eventsOf(legacy);
    const after = events[2]!.key;
    const got = await rawList({
      device_id: legacy,
      limit: 3,
      after,
      include: 'total_count',
    });
    expect(events[3]!.legacy).toBe(true);
    expect(got.text).toBe(
      expectedBody({
        data: events.slice(3, 6).map(toWireEvent),
        limit: 3,
        after,
        order: 'ASC',
        has_more: true,
        total_count: events.length,
      }),
    );
  });

  it('serialise an empty page as an empty data array', async () => {
    const got = await rawList({ device_id: noEvents, include: 'total_count' });
    expect(got.text).toBe(
      expectedBody({
        data: [],
        limit: 50,
        after: null,
        order: 'ASC',
        has_more: false,
        total_count: 0,
      }),
    );
  });
});

describe('listJson', () => {
  it('gives the UTF-8 of JSON.stringify for items of any text, escapes and astral characters included', () => {
    const items = [
      { id: 'a', text: 'plain' },
      { id: 'b', text: 'Grüße, 温度 ↑ 🛰️ "quoted" \\ back\nline \u2028' },
      { id: 'c', text: '' },
    ];
    const envelope = {
      object: 'list' as const,
      data: items,
      limit: 3,
      after: 'é',
      order: 'ASC' as const,
      has_more: false,
    };
    const bytes = listJson(envelope, (item) => JSON.stringify(item));
    expect(Buffer.from(bytes).equals(Buffer.from(JSON.stringify(envelope)))).toBe(true);
    expect(new TextDecoder().decode(listJson({ ...envelope, data: [] }, JSON.stringify))).toBe(
      JSON.stringify({ ...envelope, data: [] }),
    );
  });
});
