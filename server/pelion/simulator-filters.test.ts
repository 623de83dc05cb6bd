import { describe, expect, it } from 'vitest';
import { NOTABLE_PELION_DEVICES, type StoredPelionEvent } from '../fleet/pelion-fleet.ts';
import { codesOtherThan } from '../../src/backends/pelion/event-codes.ts';
import { eventKey, getJson, testFleet, testSimulator } from './sim-testing.ts';

const app = testSimulator();
const fleet = testFleet();
const { burst, legacy, unnamed } = NOTABLE_PELION_DEVICES;
const history = fleet.eventsOf(burst);

type Form = 'direct' | 'bare' | 'legacy';

/** Writes one filter in each of the API's three spellings (bare only exists for __eq). */
function search(
  form: Form,
  filters: Array<[string, string]>,
  extra = 'limit=1000&include=total_count',
): string {
  const spelled = filters.map(([key, value]) => [
    form === 'bare' ? key.replace(/__eq$/, '') : key,
    value,
  ]);
  const encoded = new URLSearchParams(spelled).toString();
  return form === 'legacy'
    ? `filter=${encodeURIComponent(encoded)}&${extra}`
    : `${encoded}&${extra}`;
}

async function expectMatches(searchText: string, expected: readonly StoredPelionEvent[]) {
  const response = await getJson(app, `/v3/device-events?${searchText}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.total_count).toBe(expected.length);
  expect(response.body.data?.map(eventKey)).toEqual(expected.slice(0, 1000).map((e) => e.key));
}

const sample = history.find((e) => e.messageType === 'FAIL')!;
const other = history.find((e) => e.eventType === 'UPD4_OK_100')!;
const inBurst = (predicate: (e: StoredPelionEvent) => boolean) => history.filter(predicate);

describe.each<Form>(['direct', 'legacy'])('event filters, %s form', (form) => {
  const device: [string, string] = ['device_id__eq', burst];

  it.each<[string, string, (e: StoredPelionEvent) => boolean]>([
    ['event_type__eq', sample.eventType, (e) => e.eventType === sample.eventType],
    ['event_type__neq', 'SYS_105', (e) => e.eventType !== 'SYS_105'],
    [
      'event_type__in',
      `${sample.eventType},UPD4_OK_100`,
      (e) => [sample.eventType, 'UPD4_OK_100'].includes(e.eventType),
    ],
    [
      'event_type__nin',
      'SYS_105,SYS_106,SYS_107',
      (e) => !['SYS_105', 'SYS_106', 'SYS_107'].includes(e.eventType),
    ],
    ['description__eq', other.description, (e) => e.description === other.description],
    [
      'description__neq',
      'Firmware hash reported',
      (e) => e.description !== 'Firmware hash reported',
    ],
    [
      'description__in',
      'Firmware hash reported,Update succeeded event',
      (e) => ['Firmware hash reported', 'Update succeeded event'].includes(e.description),
    ],
    [
      'description__nin',
      'Firmware hash reported,Update succeeded event',
      (e) => !['Firmware hash reported', 'Update succeeded event'].includes(e.description),
    ],
    ['id__eq', sample.key, (e) => e.key === sample.key],
    ['id__neq', sample.key, (e) => e.key !== sample.key],
    ['id__in', `${sample.key},${other.key}`, (e) => e.key === sample.key || e.key === other.key],
    ['id__nin', `${sample.key},${other.key}`, (e) => e.key !== sample.key && e.key !== other.key],
    ['state_change__eq', 'True', (e) => e.stateChange],
    ['state_change__eq', 'FALSE', (e) => !e.stateChange],
    ['state_change__neq', 'true', (e) => !e.stateChange],
  ])('%s=%s', async (key, value, predicate) => {
    await expectMatches(search(form, [device, [key, value]]), inBurst(predicate));
  });

  it('device_id__eq/__neq/__in/__nin select devices', async () => {
    await expectMatches(search(form, [['device_id__eq', unnamed]]), fleet.eventsOf(unnamed));
    const both = [...fleet.eventsOf(unnamed), ...fleet.eventsOf(legacy)].sort((a, b) =>
      a.key < b.key ? -1 : 1,
    );
    await expectMatches(search(form, [['device_id__in', `${unnamed},${legacy}`]]), both);
    // neq/nin over the whole fleet, narrowed by event id so the expectation stays small.
    const ids = `${fleet.eventsOf(unnamed)[0]!.key},${fleet.eventsOf(legacy)[1]!.key}`;
    await expectMatches(
      search(form, [
        ['id__in', ids],
        ['device_id__neq', unnamed],
      ]),
      [fleet.eventsOf(legacy)[1]!],
    );
    await expectMatches(
      search(form, [
        ['id__in', ids],
        ['device_id__nin', `${legacy},${burst}`],
      ]),
      [fleet.eventsOf(unnamed)[0]!],
    );
  });
});

describe('event filters, bare form (field=value means __eq)', () => {
  it.each<[string, string, (e: StoredPelionEvent) => boolean]>([
    ['event_type', sample.eventType, (e) => e.eventType === sample.eventType],
    ['description', other.description, (e) => e.description === other.description],
    ['id', sample.key, (e) => e.key === sample.key],
    ['state_change', 'True', (e) => e.stateChange],
  ])('%s=%s', async (key, value, predicate) => {
    await expectMatches(
      search('bare', [
        ['device_id__eq', burst],
        [`${key}__eq`, value],
      ]),
      inBurst(predicate),
    );
  });

  it('a legacy filter combines with direct parameters (AND)', async () => {
    const legacyPart = encodeURIComponent(`device_id=${burst}&state_change=True`);
    await expectMatches(
      `filter=${legacyPart}&event_type__eq=UPD4_OK_100&include=total_count&limit=1000`,
      inBurst((e) => e.stateChange && e.eventType === 'UPD4_OK_100'),
    );
  });
});

describe('Message type filtering as the SPA does it (event_type__nin of the other types)', () => {
  it.each([['FAIL'], ['SUCCESS', 'SKIPPED']] as const)('keeps only %s events', async (...types) => {
    const expected = fleet
      .eventsOf(NOTABLE_PELION_DEVICES.longHistory)
      .filter((e) => (types as readonly string[]).includes(e.messageType));
    const search = `device_id=${NOTABLE_PELION_DEVICES.longHistory}&event_type__nin=${codesOtherThan([...types]).join(',')}&include=total_count&limit=1000`;
    expect(`https://api.us-east-1.mbedcloud.com/v3/device-events?${search}`.length).toBeLessThan(
      4096,
    );
    await expectMatches(search, expected);
  });
});

describe('date_time filters', () => {
  // A burst: many events in one millisecond, which a ms-precise bound must keep or drop together.
  const counts = new Map<number, number>();
  for (const e of history) counts.set(e.time, (counts.get(e.time) ?? 0) + 1);
  const burstTime = [...counts].find(([, n]) => n >= 50)![0];
  const secondStart = Math.floor(burstTime / 1000) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString(); // 2016-11-30T16:25:12.123Z
  const basic = (ms: number) =>
    iso(ms)
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z'); // 20161130T162512Z
  const wholeSecond = (ms: number) => iso(ms).replace(/\.\d+Z$/, 'Z'); // 2016-11-30T16:25:12Z

  it('the three RFC 3339 forms give the same answer for the same instant', async () => {
    const expected = inBurst((e) => e.time >= secondStart);
    for (const text of [
      wholeSecond(secondStart),
      basic(secondStart),
      `${wholeSecond(secondStart).slice(0, -1)}.0000Z`,
    ]) {
      await expectMatches(
        `device_id=${burst}&date_time__gte=${text}&include=total_count&limit=1000`,
        expected,
      );
    }
  });

  it('honours sub-millisecond fractions: .1230Z keeps an event at .123, .1231Z drops it', async () => {
    const fraction = (burstTime % 1000).toString().padStart(3, '0');
    const base = wholeSecond(burstTime).slice(0, -1);
    await expectMatches(
      `device_id=${burst}&date_time__gte=${base}.${fraction}0Z&include=total_count&limit=1000`,
      inBurst((e) => e.time >= burstTime),
    );
    await expectMatches(
      `device_id=${burst}&date_time__gte=${base}.${fraction}1Z&include=total_count&limit=1000`,
      inBurst((e) => e.time > burstTime),
    );
  });

  it('date_time__lte and __gte bound a range inclusively, in both orders', async () => {
    const from = history[100]!.time;
    const to = burstTime;
    const expected = inBurst((e) => e.time >= from && e.time <= to);
    const range = `device_id=${burst}&date_time__gte=${iso(from)}&date_time__lte=${iso(to)}&include=total_count&limit=1000`;
    await expectMatches(range, expected);
    const desc = await getJson(app, `/v3/device-events?${range}&order=DESC`);
    expect(desc.body.data?.map(eventKey)).toEqual(expected.map((e) => e.key).reverse());
  });

  it('date_time__in / __nin take comma lists of instants (any of the forms)', async () => {
    // The basic form has whole seconds only: it names the instant at the start of the first event's second.
    const wholeSecondInstant = Math.floor(history[0]!.time / 1000) * 1000;
    const list = `${iso(burstTime)},${basic(wholeSecondInstant)}`;
    const isListed = (e: StoredPelionEvent) =>
      e.time === burstTime || e.time === wholeSecondInstant;
    await expectMatches(
      `device_id=${burst}&date_time__in=${list}&include=total_count&limit=1000`,
      inBurst(isListed),
    );
    await expectMatches(
      `device_id=${burst}&date_time__nin=${list}&include=total_count&limit=1000`,
      inBurst((e) => !isListed(e)),
    );
    expect(inBurst(isListed).length).toBeGreaterThanOrEqual(50);
  });

  it('the same filters work in the legacy form', async () => {
    const filter = encodeURIComponent(`device_id=${burst}&date_time__lte=${basic(secondStart)}`);
    await expectMatches(
      `filter=${filter}&include=total_count&limit=1000`,
      inBurst((e) => e.time <= secondStart),
    );
  });
});
