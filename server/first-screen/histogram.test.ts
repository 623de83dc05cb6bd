import { hydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { histogramKeys } from '../../src/features/events/histogram/histogram-keys.ts';
import { fromJsonSafe } from '../../src/lib/json-safe.ts';
import { createApp, publicBackend } from '../app.ts';
import { buildBackends } from '../backends/registry.ts';
import { loadConfig } from '../config.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../fleet/pelion-fleet.ts';
import { eventLogTarget } from '../page-needs.ts';
import type { Transport } from '../../src/backends/http.ts';
import { HISTOGRAM_WAIT_MS, renderFirstScreen } from './render.tsx';

/**
 * The Event histogram in a server-rendered first screen (server/first-screen/histogram.ts): the
 * bars come drawn with the rows on the 100,006-event log, each bar's total the simulator's count
 * of its span; a slow count leaves the histogram out and the rows on time.
 */

const backends = buildBackends(loadConfig({}));
const api = createApp({ backends });
const publicBackends = backends.map(publicBackend);
const DEVICE = NOTABLE_PELION_DEVICES.longHistory;
const LOG = `/demo-pelion/devices/${DEVICE}/events`;
const inProcess: Transport = async (requestPath, init) => api.request(requestPath, init);

/**
 * The first screen of a link. The histogram's wait is generous unless a test is about it: on a
 * loaded machine a dozen in-process reads can take longer than the production default.
 */
async function render(
  pathAndQuery: string,
  transport: Transport = inProcess,
  histogramWaitMs = 10_000,
) {
  const url = new URL(pathAndQuery, 'http://fleetlog.test');
  const target = eventLogTarget(url.pathname, publicBackends);
  if (!target) throw new Error(`${pathAndQuery} is not an Event log link`);
  return renderFirstScreen({
    url: url.href,
    target,
    backends: publicBackends,
    transport,
    histogramWaitMs,
  });
}

interface ServerBar {
  start: string;
  end: string;
  count: number | undefined;
  label: string;
}

/** The histogram figure's attributes and bars, as the server's markup holds them. */
function figureOf(html: string) {
  const open = /<figure aria-label="Event histogram"[^>]*>/.exec(html)?.[0];
  if (!open) return null;
  const body = html.slice(html.indexOf(open), html.indexOf('</figure>', html.indexOf(open)));
  const bars: ServerBar[] = [...body.matchAll(/<button [^>]*data-bucket-start="[^"]*"[^>]*>/g)].map(
    ([tag]) => {
      const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
      const count = attribute('data-count');
      return {
        start: attribute('data-bucket-start')!,
        end: attribute('data-bucket-end')!,
        count: count === undefined ? undefined : Number(count),
        label: attribute('aria-label') ?? '',
      };
    },
  );
  return {
    drawn: /data-drawn="true"/.test(open),
    busy: /aria-busy="true"/.test(open),
    bars,
  };
}

async function apiCount(from: string, lastIncluded: string): Promise<number> {
  const query = new URLSearchParams({
    device_id__eq: DEVICE,
    limit: '2',
    include: 'total_count',
    date_time__gte: from,
    date_time__lte: lastIncluded,
  });
  const answer = await api.request(`/api/demo-pelion/v3/device-events?${query}`);
  return ((await answer.json()) as { total_count: number }).total_count;
}

const histogramQueries = (state: unknown) => {
  const client = new QueryClient();
  hydrate(client, JSON.parse(JSON.stringify(state)) as DehydratedState, {
    defaultOptions: { deserializeData: fromJsonSafe },
  });
  return client.getQueryCache().findAll({ queryKey: histogramKeys.all('demo-pelion', DEVICE) });
};

describe('the Event histogram in a server-rendered first screen', () => {
  it('comes drawn on the 100,006-event log: every bar’s total is the API’s count of its span', async () => {
    const screen = await render(LOG);
    expect(screen).not.toBeNull();
    const figure = figureOf(screen!.html);
    expect(figure?.drawn).toBe(true);
    // The levels within the bars are the browser's to count: the figure says it is not done.
    expect(figure?.busy).toBe(true);
    const bars = figure!.bars;
    expect(bars).toHaveLength(13);
    for (const bar of bars) {
      const lastIncluded = new Date(Date.parse(bar.end) - 1).toISOString();
      expect(bar.count, `${bar.start}…${bar.end}`).toBe(await apiCount(bar.start, lastIncluded));
      expect(bar.label).toContain(`${bar.count!.toLocaleString('en-US')} event`);
    }
    // The bars cover the whole log, one after the other.
    const whole = await apiCount('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    expect(whole).toBe(100_006);
    expect(bars.reduce((sum, bar) => sum + bar.count!, 0)).toBe(whole);
    bars.slice(1).forEach((bar, index) => expect(bar.start).toBe(bars[index]!.end));
    // Embedded for the app: the window, the totals (all but the last bar, which the list's count
    // gives) and the marker that the server drew them, in the server's zone.
    const queries = histogramQueries(screen!.state);
    const keys = queries.map((query) => query.queryKey[4]);
    expect(keys.filter((key) => key === 'count')).toHaveLength(12);
    expect(keys).toContain('window');
    const marker = queries.find((query) => query.queryKey[4] === 'first-screen');
    expect(marker?.state.data).toEqual({
      zoneOffset: -new Date(Date.parse(bars[0]!.start)).getTimezoneOffset() * 60_000 || 0,
    });
  });

  it('is left out when the counts are slow: the rows go out on time, with the placeholder', async () => {
    const slowCounts: Transport = async (requestPath, init) => {
      if (/[?&]include=total_count/.test(requestPath) && requestPath.includes('date_time__gte')) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 3_000);
          init.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        });
      }
      return api.request(requestPath, init);
    };
    const started = performance.now();
    const screen = await render(LOG, slowCounts, HISTOGRAM_WAIT_MS);
    const took = performance.now() - started;
    expect(screen).not.toBeNull();
    expect(screen!.html).toMatch(/data-event-id="/);
    expect(figureOf(screen!.html)).toBeNull();
    // The histogram's wait (HISTOGRAM_WAIT_MS) and no more, well before a count would answer.
    expect(took).toBeLessThan(1_500);
    // Nothing half done is embedded: no marker, so the app counts as it does without one.
    const keys = histogramQueries(screen!.state).map((query) => query.queryKey[4]);
    expect(keys).not.toContain('first-screen');
  });

  it('draws "no events" when nothing matches, and cuts bars on UTC days for tz=utc', async () => {
    // An open side reaches the log's end, and there is none before 2001.
    const empty = await render(`${LOG}?to=2001-01-01T00:00:00Z`);
    const none = figureOf(empty!.html);
    expect(none?.drawn).toBe(true);
    expect(none?.bars).toEqual([]);
    expect(empty!.html).toContain('No events in this range.');
    const utc = figureOf((await render(`${LOG}?tz=utc&type=FAIL`))!.html);
    expect(utc?.drawn).toBe(true);
    expect(utc?.bars.length).toBeGreaterThan(1);
    // Every bar but the first starts on a UTC midnight, and is labelled in UTC.
    for (const bar of utc!.bars.slice(1)) expect(bar.start).toMatch(/T00:00:00\.000Z$/);
    expect(utc!.bars[0]!.label).toMatch(/ UTC – .* UTC: [\d,]+ events?/);
  });

  it('is not drawn on the server for Alibaba, whose histogram counts the loaded events', async () => {
    const screen = await render(
      `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`,
    );
    expect(screen).not.toBeNull();
    expect(figureOf(screen!.html)).toBeNull();
  });
});
