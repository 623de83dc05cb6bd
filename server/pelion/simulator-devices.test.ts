import { describe, expect, it } from 'vitest';
import { NOTABLE_PELION_DEVICES, type PelionDeviceRecord } from '../fleet/pelion-fleet.ts';
import { getJson, query, testFleet, testSimulator } from './sim-testing.ts';

const app = testSimulator();
const fleet = testFleet();
const devices = fleet.devices;

async function expectDevices(search: string, predicate: (d: PelionDeviceRecord) => boolean) {
  const response = await getJson(app, `/v3/devices?${search}&limit=1000&include=total_count`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const expected = devices.filter(predicate).map((d) => d.id);
  expect(response.body.data?.map((d) => d.id)).toEqual(expected);
  expect(response.body.total_count).toBe(expected.length);
  return expected.length;
}

const TEXT_FIELDS = [
  'name',
  'id',
  'state',
  'lifecycle_status',
  'endpoint_name',
  'device_class',
  'endpoint_type',
  'host_gateway',
  'serial_number',
  'vendor_id',
  'firmware_checksum',
] as const;
const DATE_FIELDS = [
  'created_at',
  'updated_at',
  'bootstrapped_timestamp',
  'manifest_timestamp',
] as const;

describe('GET /v3/devices filters', () => {
  const sample = devices.find(
    (d) => d.host_gateway !== '' && d.firmware_checksum !== '' && d.name,
  )!;
  const second = devices.find(
    (d) => d.state !== sample.state && d.device_class !== sample.device_class,
  )!;

  describe.each(TEXT_FIELDS)('%s', (field) => {
    const a = sample[field] as string;
    const b = second[field] as string;
    it('__eq, bare and legacy forms', async () => {
      const n = await expectDevices(query({ [`${field}__eq`]: a }), (d) => d[field] === a);
      expect(n).toBeGreaterThan(0);
      await expectDevices(query({ [field]: a }), (d) => d[field] === a);
      await expectDevices(query({ filter: query({ [field]: a }) }), (d) => d[field] === a);
    });
    it('__neq, __in, __nin', async () => {
      await expectDevices(query({ [`${field}__neq`]: a }), (d) => d[field] !== a);
      await expectDevices(
        query({ [`${field}__in`]: `${a},${b}` }),
        (d) => d[field] === a || d[field] === b,
      );
      await expectDevices(
        query({ [`${field}__nin`]: `${a},${b}` }),
        (d) => d[field] !== a && d[field] !== b,
      );
    });
  });

  describe.each(DATE_FIELDS)('%s', (field) => {
    const withValue = devices.filter((d) => d[field] !== null);
    const pivot = withValue[Math.floor(withValue.length / 2)]![field]!;
    const at = Date.parse(pivot);
    const time = (d: PelionDeviceRecord) => (d[field] === null ? null : Date.parse(d[field]!));
    it('__gte and __lte bound inclusively; nulls never match a bound', async () => {
      await expectDevices(`${field}__gte=${pivot}`, (d) => time(d) !== null && time(d)! >= at);
      await expectDevices(`${field}__lte=${pivot}`, (d) => time(d) !== null && time(d)! <= at);
    });
    it('__in and __nin take instants', async () => {
      expect(await expectDevices(`${field}__in=${pivot}`, (d) => time(d) === at)).toBeGreaterThan(
        0,
      );
      await expectDevices(`${field}__nin=${pivot}`, (d) => time(d) !== at);
    });
  });

  it('name__eq is exact (no substring search)', async () => {
    await expectDevices('name__eq=pump-station', () => false);
  });
});

describe('GET /v3/devices paging and lookup', () => {
  it('pages the directory by cursor in both orders without repeats or gaps', async () => {
    for (const order of ['ASC', 'DESC'] as const) {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const response = await getJson(
          app,
          `/v3/devices?${query({ limit: 45, order, ...(after ? { after } : {}) })}`,
        );
        const data = response.body.data ?? [];
        ids.push(...data.map((d) => String(d.id)));
        if (!response.body.has_more) break;
        after = ids[ids.length - 1]!;
      }
      const expected = devices.map((d) => d.id);
      expect(ids).toEqual(order === 'ASC' ? expected : [...expected].reverse());
    }
  });

  it('orders ASC by creation time', async () => {
    const response = await getJson(app, '/v3/devices?limit=1000');
    const created = response.body.data!.map((d) => String(d.created_at));
    expect(created).toEqual([...created].sort());
  });

  it('returns one device by id, including unnamed ones', async () => {
    const response = await getJson(app, `/v3/devices/${NOTABLE_PELION_DEVICES.unnamed}`);
    expect(response.body).toEqual(fleet.device(NOTABLE_PELION_DEVICES.unnamed));
    expect(response.body.name).toBeNull();
  });
});
