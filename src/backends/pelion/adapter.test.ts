import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendError, type EventQuery } from '../types.ts';
import type { MessageType } from './event-codes.ts';
import { createPelionAdapter } from './adapter.ts';
import { fakePelionInfo } from '../../testing/fake-event-adapter.ts';

const info = fakePelionInfo;
const DEVICE = '01667c6e992c00000000000100100370';

interface Call {
  url: URL;
}

/** Stubs global fetch with a handler per call; records the URLs the adapter asked for. */
function stubFetch(handler: (url: URL) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string) => {
      const url = new URL(input, 'http://fleetlog.test');
      calls.push({ url });
      return Promise.resolve(handler(url));
    }),
  );
  return calls;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function event(id: string, code: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    object: 'device-event',
    id,
    date_time: '2019-07-18T06:45:23.662000Z',
    device_id: DEVICE,
    event_type: code,
    event_type_description: type,
    ...extra,
  };
}

const baseQuery: EventQuery = { deviceId: DEVICE, levels: [], order: 'desc' };

afterEach(() => vi.unstubAllGlobals());

describe('Pelion adapter: events', () => {
  it('maps UNDETERMINED to INFO keeping the raw value, and falls back to device_log_id', async () => {
    stubFetch(() =>
      json({
        object: 'list',
        data: [
          {
            device_log_id: 'aaa1',
            date_time: '2017-01-02T03:04:05.123456Z',
            event_type: 'SYS_105',
            event_type_description: 'UNDETERMINED',
            unknown_field: 1,
          },
        ],
        has_more: false,
      }),
    );
    const page = await createPelionAdapter(info).listEvents(baseQuery, null, 50);
    expect(page.events).toHaveLength(1);
    const [first] = page.events;
    expect(first).toMatchObject({
      id: 'aaa1',
      level: 'INFO',
      rawLevel: 'UNDETERMINED',
      isFailure: false,
      code: 'SYS_105',
    });
    expect(first?.timeText).toBe('2017-01-02T03:04:05.123456Z');
    expect(first?.time).toBe(Date.UTC(2017, 0, 2, 3, 4, 5, 123));
    expect((first?.raw as Record<string, unknown>).unknown_field).toBe(1);
    expect(page.nextCursor).toBeNull();
  });

  it('marks FAIL as a failure and takes the description from the code table when missing', async () => {
    stubFetch(() =>
      json({
        data: [
          event('e1', 'UPD4_FAIL_101', 'FAIL', {
            event_type_category: 'FAIL_NETWORK',
            data: { campaign_id: 'c1' },
          }),
        ],
        has_more: false,
      }),
    );
    const [mapped] = (await createPelionAdapter(info).listEvents(baseQuery, null, 50)).events;
    expect(mapped).toMatchObject({
      level: 'FAIL',
      isFailure: true,
      category: 'FAIL_NETWORK',
      description: 'Update error, nonspecific network error',
      payload: { campaign_id: 'c1' },
    });
  });

  it('sends device, order, limit, cursor and the time range; next cursor is the last id', async () => {
    const calls = stubFetch(() =>
      json({
        data: [event('e1', 'SYS_112', 'SUCCESS'), event('e2', 'SYS_112', 'SUCCESS')],
        has_more: true,
        total_count: 9,
      }),
    );
    const adapter = createPelionAdapter(info);
    const first = await adapter.listEvents(
      {
        ...baseQuery,
        order: 'asc',
        from: Date.UTC(2024, 0, 1),
        to: Date.UTC(2024, 0, 2, 0, 0, 0, 5),
      },
      null,
      5000,
    );
    expect(first).toMatchObject({ nextCursor: 'e2', totalCount: 9 });
    const params = calls[0]!.url.searchParams;
    expect(calls[0]!.url.pathname).toBe('/api/demo-pelion/v3/device-events');
    expect(params.get('device_id__eq')).toBe(DEVICE);
    expect(params.get('order')).toBe('ASC');
    expect(params.get('limit')).toBe('1000');
    expect(params.get('include')).toBe('total_count');
    expect(params.get('date_time__gte')).toBe('2024-01-01T00:00:00.000Z');
    expect(params.get('date_time__lte')).toBe('2024-01-02T00:00:00.005Z');
    expect(params.has('after')).toBe(false);

    await adapter.listEvents(baseQuery, 'e2', 50);
    expect(calls[1]!.url.searchParams.get('after')).toBe('e2');
    expect(calls[1]!.url.searchParams.get('order')).toBe('DESC');
    expect(calls[1]!.url.searchParams.has('include')).toBe(false);
  });

  it('leaves out malformed records, counts them, and pages past them', async () => {
    stubFetch(() =>
      json({
        object: 'list',
        data: [
          event('016c03d40a4e000000000001001003b4', 'UPD4_OK_100', 'SUCCESS'),
          { object: 'device-event', event_type: 'SYS_100' }, // neither id nor time
          { ...event('016c03d40a4e000000000001001003b6', 'SYS_100', 'INFO'), date_time: 42 },
        ],
        has_more: true,
      }),
    );
    const page = await createPelionAdapter(info).listEvents(baseQuery, null, 50);
    expect(page.events.map((e) => e.id)).toEqual(['016c03d40a4e000000000001001003b4']);
    expect(page.malformed).toBe(2);
    // The last record had an id: the next page starts after it, not before it again.
    expect(page.nextCursor).toBe('016c03d40a4e000000000001001003b6');
  });

  it('treats 404 on a list as an empty last page', async () => {
    stubFetch(() =>
      json({ object: 'error', code: 404, type: 'not_found', message: 'Unable to find page.' }, 404),
    );
    expect(await createPelionAdapter(info).listEvents(baseQuery, null, 50)).toEqual({
      events: [],
      nextCursor: null,
    });
  });

  it('translates a Message type filter into event_type__nin and drops mismatching rows, keeping the cursor moving', async () => {
    const calls = stubFetch(() =>
      json({
        data: [
          event('e1', 'UPD4_FAIL_101', 'FAIL'),
          event('e2', 'NEW_CODE_1', 'INFO'),
          event('e3', 'NEW_CODE_2', 'FAIL'),
        ],
        has_more: true,
      }),
    );
    const page = await createPelionAdapter(info).listEvents(
      { ...baseQuery, levels: ['FAIL'] },
      null,
      50,
    );
    const nin = calls[0]!.url.searchParams.get('event_type__nin')!.split(',');
    expect(nin).toContain('SYS_112'); // a SUCCESS code
    expect(nin).toContain('UPD2_STATE_4'); // an INFO code
    expect(nin).toContain('SYS_110'); // a SKIPPED code
    expect(nin).not.toContain('UPD4_FAIL_101');
    expect(page.events.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(page.nextCursor).toBe('e3');
  });

  it('can return an empty page that still has a next cursor', async () => {
    stubFetch(() => json({ data: [event('e9', 'NEW_CODE', 'INFO')], has_more: true }));
    const page = await createPelionAdapter(info).listEvents(
      { ...baseQuery, levels: ['SUCCESS'] },
      null,
      50,
    );
    expect(page).toMatchObject({ events: [], nextCursor: 'e9' });
  });

  it('sends no type filter for all four types', async () => {
    const calls = stubFetch(() => json({ data: [], has_more: false }));
    await createPelionAdapter(info).listEvents(
      { ...baseQuery, levels: ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] },
      null,
      50,
    );
    expect(calls[0]!.url.searchParams.has('event_type__nin')).toBe(false);
  });

  it('keeps every Message type subset URL under the 4096-character limit', async () => {
    const calls = stubFetch(() => json({ data: [], has_more: false }));
    const adapter = createPelionAdapter(info);
    const types: MessageType[] = ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'];
    for (let mask = 1; mask < 15; mask++) {
      const levels = types.filter((_, bit) => mask & (1 << bit));
      await adapter.listEvents(
        { ...baseQuery, levels, from: 0, to: Date.now() },
        'f'.repeat(32),
        1000,
      );
    }
    expect(calls).toHaveLength(14);
    const longest = Math.max(...calls.map((call) => call.url.href.length));
    // The server forwards the path after /api/<id>; measure the whole browser URL to be safe.
    expect(longest).toBeGreaterThan(1000);
    expect(longest).toBeLessThan(4096);
  });

  it('getEvent returns null for 404 and for another device’s event', async () => {
    stubFetch((url) =>
      url.pathname.endsWith('/missing')
        ? json({ type: 'not_found', message: 'Not found' }, 404)
        : json(event('e1', 'SYS_112', 'SUCCESS', { device_id: 'other' })),
    );
    const adapter = createPelionAdapter(info);
    expect(await adapter.getEvent(DEVICE, 'missing')).toBeNull();
    expect(await adapter.getEvent(DEVICE, 'e1')).toBeNull();
  });
});

describe('Pelion adapter: errors', () => {
  it('carries status, code and the body request id; explains a rejected key', async () => {
    stubFetch(() =>
      json(
        {
          object: 'error',
          code: '401',
          type: 'invalid_auth',
          message: 'Invalid API key',
          request_id: 'req-body-1',
        },
        401,
        { 'x-request-id': 'req-header' },
      ),
    );
    const error = await createPelionAdapter(info)
      .listEvents(baseQuery, null, 50)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    const { details, message } = error as BackendError;
    expect(details).toMatchObject({
      status: 401,
      code: 'invalid_auth',
      requestId: 'req-body-1',
      retryable: false,
    });
    expect(message).toContain('PELION_API_KEY');
  });

  it('falls back to the X-Request-ID header and reads Retry-After for throttling', async () => {
    stubFetch(
      () =>
        new Response('Too many', {
          status: 429,
          headers: { 'x-request-id': 'req-h', 'retry-after': '7' },
        }),
    );
    const error = (await createPelionAdapter(info)
      .listDevices({}, null)
      .catch((e: unknown) => e)) as BackendError;
    expect(error.details).toMatchObject({
      status: 429,
      requestId: 'req-h',
      retryAfter: 7,
      retryable: true,
    });
    expect(error.message).toMatch(/retry in 7 s/i);
  });

  it('lists validation fields given as {field,message}', async () => {
    stubFetch(() =>
      json(
        {
          code: 400,
          type: 'validation_error',
          message: 'Bad query',
          fields: [{ field: 'limit', message: 'too big' }],
        },
        400,
      ),
    );
    const error = (await createPelionAdapter(info)
      .listEvents(baseQuery, null, 50)
      .catch((e: unknown) => e)) as BackendError;
    expect(error.message).toBe('Bad query — limit: too big');
    expect(error.details.code).toBe('validation_error');
  });

  it('reports a 404 device as a BackendError with status 404', async () => {
    stubFetch(() => json({ type: 'not_found', message: 'Not found', request_id: 'r' }, 404));
    const error = (await createPelionAdapter(info)
      .getDevice('nope')
      .catch((e: unknown) => e)) as BackendError;
    expect(error.details.status).toBe(404);
  });

  it('makes a network failure retryable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await createPelionAdapter(info)
      .listDevices({}, null)
      .catch((e: unknown) => e)) as BackendError;
    expect(error.details).toMatchObject({ status: 0, retryable: true });
  });
});

describe('Pelion adapter: devices', () => {
  const fleet = Array.from({ length: 5 }, (_, i) => ({
    object: 'device',
    id: `0000000000000000000000000000000${i}`,
    name: i === 4 ? null : `pump-${i}`,
    state: i % 2 ? 'deregistered' : 'registered',
    device_class: 'cls',
    firmware_checksum: 'a'.repeat(64),
    created_at: '2024-03-04T05:06:07.000Z',
  }));

  it('maps facts and pages with the last id as cursor', async () => {
    const calls = stubFetch(() =>
      json({ data: fleet.slice(0, 2), has_more: true, total_count: 5 }),
    );
    const page = await createPelionAdapter(info).listDevices(
      { status: 'registered', sort: 'oldest' },
      null,
    );
    expect(page.nextCursor).toBe(fleet[1]!.id);
    expect(page.totalCount).toBe(5);
    expect(page.devices[0]).toMatchObject({ name: 'pump-0', status: 'registered' });
    expect(page.devices[0]!.facts).toEqual(
      expect.arrayContaining([
        { label: 'Class', value: 'cls' },
        { label: 'Firmware', value: 'aaaaaaaaaaaa…' },
        { label: 'Created', value: '2024-03-04 05:06 UTC' },
      ]),
    );
    const params = calls[0]!.url.searchParams;
    expect(params.get('state__eq')).toBe('registered');
    expect(params.get('order')).toBe('ASC');
  });

  it('searches by substring over the directory, case-insensitively', async () => {
    stubFetch(() => json({ data: fleet, has_more: false }));
    const page = await createPelionAdapter(info).listDevices({ search: 'PUMP-3' }, null);
    expect(page.devices.map((d) => d.name)).toEqual(['pump-3']);
    expect(page.nextCursor).toBeNull();
  });

  it('searches a 32-hex text as an exact id', async () => {
    const calls = stubFetch(() => json({ data: [fleet[4]], has_more: false }));
    const page = await createPelionAdapter(info).listDevices(
      { search: fleet[4]!.id.toUpperCase() },
      null,
    );
    expect(calls[0]!.url.searchParams.get('id__eq')).toBe(fleet[4]!.id);
    expect(page.devices[0]!.name).toBeNull();
  });

  it('reads devices by id with id__in, 50 ids a call, each id once, only well-formed ids', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => i.toString(16).padStart(32, '0'));
    const calls = stubFetch((url) => {
      const asked = url.searchParams.get('id__in')!.split(',');
      return json({
        object: 'list',
        data: asked.map((id) => ({ object: 'device', id, name: `dev-${id.slice(-3)}` })),
        has_more: false,
      });
    });
    const found = await createPelionAdapter(info).getDevices!([
      ...ids,
      ids[0]!.toUpperCase(),
      ids[7]!,
      'not-an-id',
    ]);
    expect(calls.map((call) => call.url.pathname)).toEqual(
      Array(3).fill(`/api/${info.id}/v3/devices`),
    );
    const asked = calls.map((call) => call.url.searchParams.get('id__in')!.split(','));
    expect(asked.map((chunk) => chunk.length)).toEqual([50, 50, 20]);
    expect(new Set(asked.flat())).toEqual(new Set(ids));
    expect(calls.map((call) => call.url.searchParams.get('limit'))).toEqual(['50', '50', '20']);
    expect(found).toHaveLength(120);
    expect(found[5]).toMatchObject({ id: ids[5], name: 'dev-005' });
  });

  it('asks nothing for no ids', async () => {
    const calls = stubFetch(() => json({ data: [], has_more: false }));
    expect(await createPelionAdapter(info).getDevices!([])).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('names the class readably, keeps the full values for the tooltip, and dates last update', async () => {
    stubFetch(() =>
      json({
        data: [
          {
            ...fleet[0],
            device_class: '0123456789abcdef0123456789abcdef',
            endpoint_type: 'MBED_GW',
            updated_at: '2026-11-30T10:00:00.000Z',
          },
        ],
        has_more: false,
      }),
    );
    const [device] = (await createPelionAdapter(info).listDevices({}, null)).devices;
    expect(device!.model).toEqual({
      text: 'Gateway · 01234567…',
      full: 'device_class 0123456789abcdef0123456789abcdef, endpoint_type MBED_GW',
    });
    expect(device!.firmware).toEqual({ text: 'aaaaaaaaaaaa…', full: 'a'.repeat(64) });
    expect(device!.lastSeenAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('sorts by a column the API cannot order by over the whole directory, paged by offset', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      object: 'device',
      id: i.toString(16).padStart(32, '0'),
      name: `dev-${(i * 7919) % 1500}`,
      state: 'registered',
      created_at: '2024-03-04T05:06:07.000Z',
    }));
    const calls = stubFetch((url) => {
      const after = url.searchParams.get('after');
      const start = after ? many.findIndex((d) => d.id === after) + 1 : 0;
      const data = many.slice(start, start + Number(url.searchParams.get('limit')));
      return json({ data, has_more: start + data.length < many.length });
    });
    const adapter = createPelionAdapter(info);
    const first = await adapter.listDevices({ sort: 'name-desc' }, null);
    expect(calls.map((call) => call.url.searchParams.get('limit'))).toEqual(['1000', '1000']);
    expect(first.totalCount).toBe(1500);
    expect(first.devices.slice(0, 3).map((d) => d.name)).toEqual([
      'dev-1499',
      'dev-1498',
      'dev-1497',
    ]);
    const second = await adapter.listDevices({ sort: 'name-desc' }, first.nextCursor);
    expect(second.devices[0]!.name).toBe('dev-1449');
    // "Load more" reads from the directory already read.
    expect(calls).toHaveLength(2);
  });

  it('finishes a sorting read for the next caller when the caller that started it goes away', async () => {
    const calls = stubFetch(() => json({ data: fleet, has_more: false }));
    const adapter = createPelionAdapter(info);
    const first = new AbortController();
    const gone = adapter.listDevices({ sort: 'name' }, null, first.signal);
    first.abort();
    await expect(gone).rejects.toBeDefined();
    const page = await adapter.listDevices(
      { sort: 'name-desc' },
      null,
      new AbortController().signal,
    );
    expect(page.devices.map((d) => d.name ?? d.id)[0]).toBe('pump-3');
    expect(calls).toHaveLength(1);
  });
});

describe('Pelion adapter: fleet-wide events', () => {
  it('asks device-events without a device filter and says which device each event is from', async () => {
    const calls = stubFetch(() =>
      json({
        object: 'list',
        data: [event('016c03d40a4e00000000000100100001', 'UPD4_FAIL_101', 'FAIL')],
        has_more: false,
        total_count: 1,
      }),
    );
    const adapter = createPelionAdapter(info);
    const page = await adapter.listFleetEvents!({ levels: ['FAIL'], order: 'desc' }, null, 200);
    const params = calls[0]!.url.searchParams;
    expect(calls[0]!.url.pathname).toBe('/api/demo-pelion/v3/device-events');
    expect(params.has('device_id__eq')).toBe(false);
    expect(params.get('event_type__nin')).toContain('UPD4_OK_100');
    expect(page.events.map((e) => [e.id, e.deviceId])).toEqual([
      ['016c03d40a4e00000000000100100001', DEVICE],
    ]);
  });
});
