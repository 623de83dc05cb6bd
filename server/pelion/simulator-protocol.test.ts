import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTABLE_PELION_DEVICES } from '../fleet/pelion-fleet.ts';
import { AUTH, eventKey, getJson, testFleet, testSimulator } from './sim-testing.ts';
import {
  pelionDeviceSchema,
  pelionErrorSchema,
  pelionEventSchema,
  pelionListSchema,
} from './wire.ts';

const app = testSimulator();
const { burst, legacy } = NOTABLE_PELION_DEVICES;

function expectError(response: Awaited<ReturnType<typeof getJson>>, status: number, type: string) {
  expect(response.status).toBe(status);
  const body = pelionErrorSchema.parse(response.body);
  expect(body).toMatchObject({ object: 'error', code: status, type });
  expect(response.headers.get('x-request-id')).toBe(body.request_id);
  return body;
}

describe('authentication', () => {
  it('answers 401 invalid_auth without a key, with the request id in header and body', async () => {
    expectError(await getJson(app, '/v3/device-events', {}), 401, 'invalid_auth');
  });

  it('answers 401 for a wrong key or a non-Bearer scheme', async () => {
    expectError(
      await getJson(app, '/v3/devices', { Authorization: 'Bearer ak_wrong' }),
      401,
      'invalid_auth',
    );
    expectError(
      await getJson(app, '/v3/devices', { Authorization: 'Basic ak_demo_fleetlog' }),
      401,
      'invalid_auth',
    );
  });

  it('accepts the demo key and tags every success with a fresh X-Request-ID', async () => {
    const first = await getJson(app, '/v3/devices?limit=2');
    const second = await getJson(app, '/v3/devices?limit=2');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });
});

describe('errors', () => {
  it('rejects a URL of 4096 characters or more with 400 bad_request, and accepts 4095', async () => {
    const base = `http://sim.test/v3/device-events?device_id=${burst}&description__nin=`;
    const at = (length: number) => base + 'x'.repeat(length - base.length);
    expect(at(4096)).toHaveLength(4096);
    expectError(await getJson(app, at(4096)), 400, 'bad_request');
    expect((await getJson(app, at(4095))).status).toBe(200);
  });

  it.each([
    ['an unknown field', 'colour=red', 'colour'],
    ['an unknown operator', `device_id__gt=${burst}`, 'device_id__gt'],
    ['an operator the field lacks', 'state_change__in=true,false', 'state_change__in'],
    ['a bad date', 'date_time__gte=yesterday', 'date_time__gte'],
    ['an impossible date', 'date_time__lte=2021-02-30T00:00:00Z', 'date_time__lte'],
    ['a bad boolean', 'state_change=yes', 'state_change'],
    ['a bad order', 'order=sideways', 'order'],
    ['a non-numeric limit', 'limit=many', 'limit'],
    ['an unknown include', 'include=everything', 'include'],
    ['a malformed cursor', 'after=not-an-id', 'after'],
    [
      'an unknown field in the legacy filter',
      `filter=${encodeURIComponent('colour=red')}`,
      'colour',
    ],
    ['the fault parameter while fault injection is off', 'x_sim_fault=throttle', 'x_sim_fault'],
  ])('answers 400 validation_error naming the parameter for %s', async (_, search, name) => {
    const body = expectError(
      await getJson(app, `/v3/device-events?${search}`),
      400,
      'validation_error',
    );
    expect(body.fields).toContainEqual(expect.objectContaining({ name }));
  });

  it.each([
    'toString=1',
    '__proto__=1',
    'constructor__eq=x',
    'hasOwnProperty=x',
    'valueOf__in=a,b',
  ])(
    'treats %s, named like an Object member, as an unknown field (400, not 500)',
    async (search) => {
      for (const path of ['/v3/devices', '/v3/device-events']) {
        const body = expectError(await getJson(app, `${path}?${search}`), 400, 'validation_error');
        expect(body.fields?.[0]?.name).toBe(search.split('=')[0]);
      }
    },
  );

  it('checks the names inside a legacy filter the same way (filter=constructor)', async () => {
    for (const filter of ['constructor', '__proto__%3D1', 'toString%3Dx']) {
      const body = expectError(
        await getJson(app, `/v3/devices?filter=${filter}`),
        400,
        'validation_error',
      );
      expect(body.fields?.[0]?.message).toMatch(/not a filterable field/);
    }
  });

  it('answers 404 for device and event ids named like Object members', async () => {
    for (const id of ['toString', '__proto__', 'constructor']) {
      expectError(await getJson(app, `/v3/devices/${id}`), 404, 'not_found');
      expectError(await getJson(app, `/v3/device-events/${id}`), 404, 'not_found');
    }
  });

  it('validates device list parameters too', async () => {
    const body = expectError(
      await getJson(app, '/v3/devices?created_at__eq=2020-01-01T00:00:00Z'),
      400,
      'validation_error',
    );
    expect(body.fields?.[0]?.name).toBe('created_at__eq');
    const cursor = expectError(
      await getJson(app, `/v3/devices?after=${'0'.repeat(32)}`),
      400,
      'validation_error',
    );
    expect(cursor.fields?.[0]?.name).toBe('after');
  });

  it('answers 404 not_found for an unknown device, event or path', async () => {
    expectError(await getJson(app, `/v3/devices/${'0'.repeat(32)}`), 404, 'not_found');
    expectError(await getJson(app, `/v3/device-events/${'0'.repeat(32)}`), 404, 'not_found');
    expectError(await getJson(app, '/v3/device-events/not-an-id'), 404, 'not_found');
    expectError(await getJson(app, '/v3/device-logs'), 404, 'not_found');
  });
});

describe('paths', () => {
  const event = testFleet().eventsOf(burst)[10]!;

  it.each([
    ['/v3/devices', 'list'],
    ['/v3/devices/', 'list'],
    [`/v3/devices/${burst}`, 'device'],
    [`/v3/devices/${burst}/`, 'device'],
    ['/v3/device-events', 'list'],
    ['/v3/device-events/', 'list'],
    [`/v3/device-events/${event.key}`, 'device-event'],
    [`/v3/device-events/${event.key}/`, 'device-event'],
    ['/v3/devicelog', 'list'],
    ['/v3/devicelog/', 'list'],
    [`/v3/devicelog/${event.key}`, 'device-event'],
  ])('GET %s answers a %s', async (path, object) => {
    const response = await getJson(app, path);
    expect(response.status).toBe(200);
    expect(response.body.object).toBe(object);
  });

  it('returns a single event as the list shows it', async () => {
    const list = await getJson(app, `/v3/device-events?device_id=${burst}&limit=20`);
    const single = await getJson(app, `/v3/device-events/${event.key}`);
    expect(single.body).toEqual(list.body.data?.[10]);
  });

  it('finds old-style records by their device_log_id', async () => {
    const old = testFleet().eventsOf(legacy)[0]!;
    expect(old.legacy).toBe(true);
    const single = await getJson(app, `/v3/device-events/${old.key}`);
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ device_log_id: old.key, device_id: legacy });
    expect(single.body.id).toBeUndefined();
  });
});

describe('wire shapes', () => {
  it('serves every device in the documented device shape', async () => {
    const response = await getJson(app, '/v3/devices?limit=1000');
    const list = pelionListSchema(pelionDeviceSchema).parse(response.body);
    expect(list.data.length).toBe(testFleet().devices.length);
  });

  it('serves events in the documented shape: id timestamps, categories on failures, campaign ids on updates', async () => {
    for (const device of [burst, legacy]) {
      const response = await getJson(app, `/v3/device-events?device_id=${device}&limit=1000`);
      const list = pelionListSchema(pelionEventSchema).parse(response.body);
      for (const e of list.data) {
        const key = eventKey(e);
        expect(Number.parseInt(key.slice(0, 12), 16)).toBe(Date.parse(e.date_time));
        if (e.event_type_description === 'FAIL') expect(e.event_type_category).toMatch(/^FAIL_/);
        if (/^UPD\d_(STATE|OK|FAIL)/.test(e.event_type))
          expect(e.data.campaign_id).toMatch(/^[0-9a-f]{32}$/);
        expect(e.changes).toEqual({});
      }
    }
  });
});

describe('fault injection (test aid)', () => {
  const faulty = testSimulator({ faultInjection: true });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('throttle answers 429 with Retry-After: 2 and a too_many_requests envelope', async () => {
    const response = await getJson(
      faulty,
      `/v3/device-events?device_id=${burst}&x_sim_fault=throttle`,
    );
    expectError(response, 429, 'too_many_requests');
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('error answers a 500 envelope', async () => {
    expectError(
      await getJson(faulty, `/v3/devices/${burst}?x_sim_fault=error`),
      500,
      'internal_server_error',
    );
  });

  it('slow answers normally, but only after about 3 seconds', async () => {
    vi.useFakeTimers();
    let settled = false;
    const pending = Promise.resolve(
      faulty.request(`/v3/device-events?device_id=${burst}&x_sim_fault=slow`, { headers: AUTH }),
    );
    void pending.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(2_500);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    expect(settled).toBe(true);
    expect((await pending).status).toBe(200);
  });
});
