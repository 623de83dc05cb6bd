import { hydrate, type DehydratedState, type InfiniteData } from '@tanstack/react-query';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Device, DeviceEvent, EventDefinition } from '../../src/backends/types.ts';
import { deviceKeys } from '../../src/features/devices/api/device-keys.ts';
import { eventQueries } from '../../src/features/events/api/event-queries.ts';
import { ALIYUN_VOCABULARY } from '../../src/backends/aliyun/vocabulary.ts';
import { PELION_VOCABULARY } from '../../src/backends/pelion/vocabulary.ts';
import { eventLogQueryFromUrl } from '../../src/features/events/utils/event-log-query.ts';
import type { LoadedEventPage } from '../../src/features/events/utils/page-window.ts';
import { fromJsonSafe } from '../../src/lib/json-safe.ts';
import { createQueryClient } from '../../src/lib/query-client.ts';
import { createAdapter } from '../../src/backends/registry.ts';
import { createApp, firstScreensReady, publicBackend } from '../app.ts';
import { PELION_CAPABILITIES, type ConfiguredBackend } from '../backends/types.ts';
import { buildBackends } from '../backends/registry.ts';
import { loadConfig } from '../config.ts';
import { DEMO_ALIYUN_CREDENTIALS, DEMO_PELION_API_KEY } from '../fleet/demo-credentials.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../fleet/pelion-fleet.ts';
import { eventLogTarget } from '../page-needs.ts';
import { SERVER_STATE_ELEMENT_ID } from '../shell.ts';
import { EARLY_INPUT_GLOBAL } from './early-input.ts';
import { renderFirstScreen } from './render.tsx';
import { LOCAL_TIME_SELECTOR } from './local-times.ts';

const backends = buildBackends(loadConfig({}));
const api = createApp({ backends });
const publicBackends = backends.map(publicBackend);
const device = NOTABLE_PELION_DEVICES.mediumHistory;
const eventsPath = `/demo-pelion/devices/${device}/events`;

async function render(pathAndQuery: string) {
  const url = new URL(pathAndQuery, 'http://fleetlog.test');
  const target = eventLogTarget(url.pathname, publicBackends);
  if (!target) throw new Error(`${pathAndQuery} is not an Event log link`);
  return renderFirstScreen({
    url: url.href,
    target,
    backends: publicBackends,
    transport: async (requestPath, init) => api.request(requestPath, init),
  });
}

async function newestEvents(query: string): Promise<Array<{ id: string }>> {
  const response = await api.request(
    `/api/demo-pelion/v3/device-events?device_id__eq=${device}&order=DESC&${query}`,
  );
  return ((await response.json()) as { data: Array<{ id: string }> }).data;
}

const DAY_MS = 86_400_000;

const rowIds = (html: string) => [...html.matchAll(/data-event-id="([^"]+)"/g)].map((m) => m[1]);

/** The queries of a first screen, in a cache like the app's, read with the app's own keys. */
function appCacheOf(state: unknown, search: string, info = publicBackends[0]!, deviceId = device) {
  const client = createQueryClient();
  // Through JSON, as the page carries it.
  hydrate(client, JSON.parse(JSON.stringify(state)) as DehydratedState, {
    defaultOptions: { deserializeData: fromJsonSafe },
  });
  const vocabulary = info.kind === 'aliyun' ? ALIYUN_VOCABULARY : PELION_VOCABULARY;
  const { filters } = eventLogQueryFromUrl({ info, vocabulary }, new URLSearchParams(search));
  const list = client.getQueryData<InfiniteData<LoadedEventPage>>(
    eventQueries.list(info.id, deviceId, filters),
  );
  const record = client.getQueryData<Device>(deviceKeys.detail(info.id, deviceId));
  const definitions = client.getQueryData<EventDefinition[]>(
    eventQueries.definitions(info.id, deviceId),
  );
  return { list, record, definitions };
}

describe('server-rendered first screen of an Event log link', () => {
  it('shows the device and its newest events, as the API lists them', async () => {
    const screen = await render(eventsPath);
    expect(screen).not.toBeNull();
    const newest = await newestEvents('limit=5');
    const ids = rowIds(screen!.html);
    expect(ids.slice(0, 5)).toEqual(newest.map((event) => event.id));
    // A viewport's worth, not the whole page: the rows are windowed on the server too.
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.length).toBeLessThan(60);
    expect(screen!.html).toMatch(/<h1[^>]*>gateway-longhaul-002<\/h1>/);
    expect(screen!.html).toContain('role="tab"');
    expect(screen!.localTimes).toBe(true);
  });

  it('embeds the data under the keys the app reads, so the app asks for none of it again', async () => {
    const search = '?type=FAIL&order=asc&tz=utc';
    const screen = await render(`${eventsPath}${search}`);
    expect(screen?.localTimes).toBe(false);
    const { list, record } = appCacheOf(screen!.state, search);
    expect(record?.name).toBe('gateway-longhaul-002');
    const firstPage = list?.pages[0]?.events ?? [];
    expect(firstPage).toHaveLength(200);
    expect(firstPage.every((event) => event.level === 'FAIL')).toBe(true);
    // The rows on screen are the first of that page, oldest first.
    expect(rowIds(screen!.html)).toEqual(
      firstPage.slice(0, rowIds(screen!.html).length).map((event) => event.id),
    );
    const oldest = await api.request(
      `/api/demo-pelion/v3/device-events?device_id__eq=${device}&order=ASC&limit=1000`,
    );
    const { data } = (await oldest.json()) as {
      data: Array<{ id: string; event_type_description: string }>;
    };
    const oldestFail = data.find((event) => event.event_type_description === 'FAIL');
    expect(oldestFail).toBeDefined();
    expect(firstPage[0]?.id).toBe(oldestFail?.id);
  });

  it('embeds the listed events without their wire records, which no row shows; a linked event keeps its own', async () => {
    const [linked] = await newestEvents('limit=1');
    const screen = await render(`${eventsPath}/${linked!.id}`);
    const client = createQueryClient();
    hydrate(client, JSON.parse(JSON.stringify(screen!.state)) as DehydratedState, {
      defaultOptions: { deserializeData: fromJsonSafe },
    });
    const { list } = appCacheOf(screen!.state, '');
    const events = list?.pages[0]?.events ?? [];
    expect(events).toHaveLength(200);
    expect(events.every((event) => !('raw' in event))).toBe(true);
    // Everything the rows show is there: the rows are the first of the page.
    expect(rowIds(screen!.html)).toEqual(
      events.slice(0, rowIds(screen!.html).length).map((event) => event.id),
    );
    expect(events[0]).toMatchObject({ id: linked!.id, code: expect.any(String) as string });
    const detail = client.getQueryData<DeviceEvent>(
      eventQueries.detail('demo-pelion', device, linked!.id),
    );
    expect(detail?.raw).toEqual(linked);
    // The page carries less than half of what it did with every record (~144 KB for 200).
    expect(JSON.stringify(screen!.state).length).toBeLessThan(80_000);
  });

  it('renders a linked event with its log and embeds the event', async () => {
    const [event] = await newestEvents('limit=1');
    const screen = await render(`${eventsPath}/${event!.id}`);
    expect(rowIds(screen!.html)).toContain(event!.id);
    expect(JSON.stringify(screen!.state)).toContain(`"detail","${event!.id}"`);
  });

  it('leaves a device the backend does not know to the app, which explains it', async () => {
    expect(await render('/demo-pelion/devices/0000000000000000000000000000dead/events')).toBeNull();
  });
});

describe('server-rendered first screen of an Alibaba Event log link', () => {
  const aliyun = publicBackends.find((backend) => backend.kind === 'aliyun')!;
  const meter = ALIYUN_NOTABLE_DEVICES.longHistory;
  const meterPath = `/${aliyun.id}/devices/${meter}/events`;

  async function newestRecords(
    count: number,
  ): Promise<Array<{ Time: string; Identifier: string; OutputData: string }>> {
    const now = Date.now();
    const response = await api.request(`/api/${aliyun.id}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'QueryDeviceEventData',
        IotId: meter,
        StartTime: String(now - 30 * DAY_MS),
        EndTime: String(now),
        PageSize: String(count),
        Asc: '0',
      }).toString(),
    });
    const body = (await response.json()) as {
      Data: {
        List: { EventInfo: Array<{ Time: string; Identifier: string; OutputData: string }> };
      };
    };
    return body.Data.List.EventInfo;
  }

  const newestRecordTimes = async (count: number) =>
    (await newestRecords(count)).map((record) => Number(record.Time));

  it('shows the newest events of the retention window, signed through the same proxy', async () => {
    const screen = await render(meterPath);
    expect(screen).not.toBeNull();
    expect(screen!.html).toMatch(/<h1[^>]*>Busiest meter<\/h1>/);
    const times = [...screen!.html.matchAll(/<time dateTime="([^"]+)"/g)].map((m) =>
      Date.parse(m[1]!),
    );
    expect(times.length).toBeGreaterThan(10);
    expect(times.slice(0, 5)).toEqual(await newestRecordTimes(5));
    expect(rowIds(screen!.html)).toHaveLength(times.length);
  });

  it('leaves a device Alibaba does not know (a business error in HTTP 200) to the app', async () => {
    expect(await render(`/${aliyun.id}/devices/NoSuchDevice0000000000000/events`)).toBeNull();
  });

  it('embeds the page with its 64-bit counters intact and the Identifier choices', async () => {
    const search = '?eventType=info,alert';
    const screen = await render(`${meterPath}${search}`);
    const { list, record, definitions } = appCacheOf(screen!.state, search, aliyun, meter);
    expect(record?.name).toBe('Busiest meter');
    expect(definitions?.map((definition) => definition.code)).toContain('EnergyReport');
    const events = list?.pages[0]?.events ?? [];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.level === 'info' || event.level === 'alert')).toBe(true);
    const report = events.find((event) => event.code === 'EnergyReport');
    const total = (report?.payload as { energyTotalWh?: unknown } | undefined)?.energyTotalWh;
    expect(typeof total).toBe('bigint');
    expect(total as bigint).toBeGreaterThan(2n ** 53n);
    // The exact digits the device sent, not a double's rounding of them: the record as the
    // details panel reads it (the list is embedded without records).
    expect(report?.raw).toBeUndefined();
    const adapter = await createAdapter(aliyun, async (requestPath, init) =>
      api.request(requestPath, init),
    );
    const read = await adapter.getEvent(meter, report!.id);
    const sent = (read?.raw as { OutputData?: string } | undefined)?.OutputData ?? '';
    expect(String(total)).toBe(/"energyTotalWh":(\d+)/.exec(sent)?.[1]);
  });
});

describe('pages served with a first screen', () => {
  const staticDir = mkdtempSync(path.join(tmpdir(), 'fleetlog-first-screen-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8"></head><body><div id="root"></div></body></html>',
  );
  const app = createApp({ backends, staticDir });

  it('hold the rows, the data and no credential; the data preloads are left out', async () => {
    const html = await (await app.request(eventsPath)).text();
    expect(html).toContain('<div id="root" data-first-screen>');
    expect(rowIds(html).length).toBeGreaterThan(10);
    expect(html).toContain(`<script type="application/json" id="${SERVER_STATE_ELEMENT_ID}">`);
    // The inline script that puts the times into the browser's zone (tz=local is the default).
    expect(html).toContain(`querySelectorAll(${JSON.stringify(LOCAL_TIME_SELECTOR)})`);
    // The inline script that holds input back until the app runs.
    expect(html).toContain(`window.${EARLY_INPUT_GLOBAL} = function`);
    expect(html).not.toContain('rel="preload" as="fetch"');
    expect(html).not.toContain(DEMO_PELION_API_KEY);
  });

  it('resolve a bound relative to the clock as the page is served', async () => {
    const before = Date.now();
    const html = await (await app.request(`${eventsPath}?from=now-24h&order=asc`)).text();
    const after = Date.now();
    expect(html).toContain('<div id="root" data-first-screen>');
    expect(html).not.toContain('rel="preload" as="fetch"');
    const times = [...html.matchAll(/<time dateTime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
    expect(times.length).toBeGreaterThan(0);
    // Oldest first from a bound the server took between `before` and `after`, minus 24 hours.
    expect(times[0]).toBeGreaterThanOrEqual(before - DAY_MS);
    const answer = await api.request(
      `/api/demo-pelion/v3/device-events?device_id__eq=${device}&order=ASC&limit=1` +
        `&date_time__gte=${new Date(after - DAY_MS).toISOString()}`,
    );
    const [laterBound] = ((await answer.json()) as { data: Array<{ date_time: string }> }).data;
    expect(times[0]).toBeLessThanOrEqual(Date.parse(laterBound!.date_time));
  });

  it('do not wait for an upstream that does not answer: the page comes without a first screen', async () => {
    const hanging: ConfiguredBackend = {
      id: 'stuck',
      kind: 'pelion',
      label: 'Stuck',
      demo: false,
      capabilities: PELION_CAPABILITIES,
      forward: () => new Promise<Response>(() => undefined),
    };
    const stuckApp = createApp({ backends: [hanging], staticDir });
    const html = await (await stuckApp.request(`/stuck/devices/${device}/events`)).text();
    expect(html).toContain('<div id="root"></div>');
    // The app fetches the data itself; the preloads make that start early.
    expect(html).toContain('rel="preload" as="fetch"');
  });

  it('cancel their own upstream requests once the page has gone out without them', async () => {
    const cancelled: string[] = [];
    const slow: ConfiguredBackend = {
      id: 'slow',
      kind: 'pelion',
      label: 'Slow',
      demo: false,
      capabilities: PELION_CAPABILITIES,
      forward: (request, subPath) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => {
            cancelled.push(subPath);
            reject(new Error('cancelled'));
          });
        }),
    };
    const slowApp = createApp({ backends: [slow], staticDir });
    await firstScreensReady(slowApp);
    const html = await (await slowApp.request(`/slow/devices/${device}/events`)).text();
    expect(html).toContain('<div id="root"></div>');
    await expect
      .poll(() => cancelled.sort())
      .toEqual([`/v3/device-events`, `/v3/devices/${device}`]);
  });

  it('are not made when the deadline is 0; the data preloads take their place', async () => {
    const plainApp = createApp({ backends, staticDir, firstScreenDeadlineMs: 0 });
    const html = await (await plainApp.request(eventsPath)).text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('rel="preload" as="fetch"');
  });

  it('are made for Alibaba links too, without preloads (its reads are POSTs)', async () => {
    const aliyunPath = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.tieHeavy}/events`;
    const html = await (await app.request(aliyunPath)).text();
    expect(html).toContain('<div id="root" data-first-screen>');
    expect(rowIds(html).length).toBeGreaterThan(10);
    expect(html).not.toContain('rel="preload" as="fetch"');
    // Signed on the server; neither half of the AccessKey reaches the page.
    expect(html).not.toContain(DEMO_ALIYUN_CREDENTIALS.accessKeyId);
    expect(html).not.toContain(DEMO_ALIYUN_CREDENTIALS.accessKeySecret);
  });

  it('are not made for the device path, which the app redirects to its Event log', async () => {
    const html = await (await app.request(`/demo-pelion/devices/${device}`)).text();
    expect(html).toContain('<div id="root"></div>');
  });
});
