/**
 * The Event histogram (README "Event histogram"): its bars against the API's own counts on the
 * 100,006-event demo device, drag-to-zoom and a bar's click against the rows the simulator holds
 * there, Alibaba's label for what it counts, and an axe scan with the histogram drawn.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { apiCount, lastIncluded } from './support/api-count.ts';

const API = '/api/demo-pelion/v3/device-events';
const DEVICE = NOTABLE_PELION_DEVICES.longHistory;
const LOG = `/demo-pelion/devices/${DEVICE}/events`;

interface WireEvent {
  id: string;
  date_time: string;
  event_type_description?: string;
}

interface Bar {
  start: string;
  end: string;
  count: number;
  levels: Record<string, number>;
}

const histogram = (page: Page) => page.getByRole('figure', { name: 'Event histogram' });

/** Waits until every count is in, then reads the bars as the page shows them. */
async function readBars(page: Page): Promise<Bar[]> {
  const figure = histogram(page);
  await expect(figure).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  return figure.locator('[data-bucket-start]').evaluateAll((elements) =>
    elements.map((element) => {
      const bar = element as HTMLElement;
      const levels: Record<string, number> = {};
      for (const segment of bar.querySelectorAll<HTMLElement>('[data-level]')) {
        levels[segment.dataset.level ?? ''] = Number(segment.dataset.count);
      }
      return {
        start: bar.dataset.bucketStart ?? '',
        end: bar.dataset.bucketEnd ?? '',
        count: Number(bar.dataset.count),
        levels,
      };
    }),
  );
}

const countOf = (request: APIRequestContext, from: string, to: string) =>
  apiCount(request, DEVICE, from, to);

/** Every event of the device in [from, to], newest first (paged with the API's cursor). */
async function apiEvents(request: APIRequestContext, from: string, to: string) {
  const events: WireEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const query = new URLSearchParams({
      device_id__eq: DEVICE,
      order: 'DESC',
      limit: '1000',
      date_time__gte: from,
      date_time__lte: to,
      ...(after ? { after } : {}),
    });
    const answer = await request.get(`${API}?${query}`);
    const body = (await answer.json()) as { data: WireEvent[]; has_more: boolean };
    events.push(...body.data);
    if (!body.has_more) return events;
    after = body.data.at(-1)!.id;
  }
}

/** The newest day of the device's log, as an absolute range. */
async function newestDay(request: APIRequestContext) {
  const answer = await request.get(`${API}?device_id__eq=${DEVICE}&order=DESC&limit=2`);
  const newest = Date.parse(((await answer.json()) as { data: WireEvent[] }).data[0]!.date_time);
  return {
    from: new Date(newest - 24 * 3_600_000).toISOString(),
    to: new Date(newest).toISOString(),
  };
}

const levelOf = (event: WireEvent) =>
  event.event_type_description === 'UNDETERMINED' ? 'INFO' : event.event_type_description;

async function rowIdsInView(page: Page): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Events' });
  await expect(grid.locator('[data-event-id]').first()).toBeVisible();
  return grid
    .locator('[data-event-id]')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.eventId ?? ''));
}

async function dragAcross(page: Page, plot: Locator, fromShare: number, toShare: number) {
  const box = (await plot.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromShare, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromShare + toShare) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * toShare, y, { steps: 4 });
  await page.mouse.up();
}

test.describe('Event histogram (demo-pelion, 100,006 events)', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the whole log: each bar’s count is the API’s count of its window, and they add up to the log', async ({
    page,
    request,
  }) => {
    await page.goto(LOG);
    const bars = await readBars(page);
    expect(bars.length).toBeGreaterThan(5);
    expect(bars.length).toBeLessThanOrEqual(24);
    const total = await countOf(request, bars[0]!.start, lastIncluded(bars.at(-1)!.end));
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(total);
    expect(total).toBeGreaterThanOrEqual(100_000);
    for (const bar of bars) {
      expect(bar.count, bar.start).toBe(await countOf(request, bar.start, lastIncluded(bar.end)));
      // The stack adds up to the bar.
      expect(Object.values(bar.levels).reduce((sum, n) => sum + n, 0)).toBe(bar.count);
    }
    await expect(histogram(page)).toContainText(`${total.toLocaleString('en-US')} events`);
  });

  test('a day: every bar’s levels equal the simulator’s events of that window', async ({
    page,
    request,
  }) => {
    const day = await newestDay(request);
    await page.goto(`${LOG}?${new URLSearchParams(day)}`);
    const bars = await readBars(page);
    const events = await apiEvents(request, day.from, day.to);
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(events.length);
    for (const bar of bars) {
      const inBar = events.filter((event) => {
        const time = Date.parse(event.date_time);
        return time >= Date.parse(bar.start) && time < Date.parse(bar.end);
      });
      const expected: Record<string, number> = {};
      for (const event of inBar) expected[levelOf(event)!] = (expected[levelOf(event)!] ?? 0) + 1;
      expect(bar.count, bar.start).toBe(inBar.length);
      expect(bar.levels, bar.start).toEqual(expected);
    }
    // Failures are drawn in the failure colour: the FAIL segments are red, the others are not.
    const fail = histogram(page).locator('[data-level="FAIL"]').first();
    const info = histogram(page).locator('[data-level="INFO"]').first();
    const colour = (segment: Locator) =>
      segment.evaluate((element) => getComputedStyle(element).backgroundColor);
    if ((await fail.count()) > 0) expect(await colour(fail)).not.toBe(await colour(info));
  });

  test('the FAIL filter: the bars count failures only, and agree with the API', async ({
    page,
    request,
  }) => {
    await page.goto(`${LOG}?type=FAIL`);
    const bars = await readBars(page);
    const all = await apiEvents(request, bars[0]!.start, lastIncluded(bars.at(-1)!.end)).then(
      (events) => events.filter((event) => levelOf(event) === 'FAIL'),
    );
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(all.length);
    for (const bar of bars) expect(Object.keys(bar.levels)).toEqual(bar.count ? ['FAIL'] : []);
  });

  test('a filter change: the histogram asks nothing before the new rows are in, and counts them', async ({
    page,
  }) => {
    await page.goto(LOG);
    await readBars(page);
    // The new list's first page is held back 1.5 s: a histogram that did not wait for it would
    // send its reads (one-row ends and counts, `limit=2`) meanwhile.
    const log: Array<{ at: number; what: 'count' | 'page-done' }> = [];
    const isPage = (url: string) =>
      url.includes('/device-events?') &&
      /\blimit=200\b/.test(url) &&
      url.includes('event_type__nin');
    await page.route(
      (url) => isPage(url.href),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      },
    );
    page.on('request', (request) => {
      if (/\/device-events\?.*\blimit=2\b/.test(request.url()))
        log.push({ at: Date.now(), what: 'count' });
    });
    page.on('requestfinished', (request) => {
      if (isPage(request.url())) log.push({ at: Date.now(), what: 'page-done' });
    });
    await page.getByRole('button', { name: 'Failures only' }).click();
    await expect(page).toHaveURL(/type=FAIL/);
    const bars = await readBars(page);
    for (const bar of bars) expect(Object.keys(bar.levels)).toEqual(bar.count ? ['FAIL'] : []);
    const pageDone = log.findIndex((entry) => entry.what === 'page-done');
    expect(pageDone).toBeGreaterThanOrEqual(0);
    expect(log.slice(0, pageDone).filter((entry) => entry.what === 'count')).toEqual([]);
    expect(log.filter((entry) => entry.what === 'count').length).toBeGreaterThan(0);
  });

  test('dragging across sets from/to, and the rows shown are the simulator’s in that range', async ({
    page,
    request,
  }) => {
    const day = await newestDay(request);
    await page.goto(`${LOG}?${new URLSearchParams(day)}`);
    await readBars(page);
    await dragAcross(page, histogram(page).getByRole('toolbar'), 0.3, 0.6);
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('from') !== day.from && url.searchParams.get('to') !== day.to,
    );
    const url = new URL(page.url());
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    // The new range lies inside the old one, about 30 %–60 % of the way through it.
    const span = Date.parse(day.to) - Date.parse(day.from);
    expect(Date.parse(from) - Date.parse(day.from)).toBeGreaterThan(span * 0.2);
    expect(Date.parse(to) - Date.parse(day.from)).toBeLessThan(span * 0.7);
    const expected = (await apiEvents(request, from, to)).map((event) => event.id);
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.getByRole('status').first()).toContainText('End of log');
    const ids = await rowIdsInView(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected.slice(0, ids.length));
    // The histogram follows: its bars now cover the new range only.
    const bars = await readBars(page);
    expect(bars[0]!.start).toBe(new Date(Date.parse(from)).toISOString());
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(expected.length);
  });

  test('clicking a bar opens the log at its newest moment (at=), its first event in view', async ({
    page,
    request,
  }) => {
    await page.goto(LOG);
    const bars = await readBars(page);
    const bar = bars[Math.floor(bars.length / 2)]!;
    await histogram(page).locator(`[data-bucket-start="${bar.start}"]`).click();
    const at = lastIncluded(bar.end);
    await expect(page).toHaveURL((url) => url.searchParams.get('at') === at);
    // Newest first: the log opens at the first event at or before the bar's last millisecond.
    const answer = await request.get(
      `${API}?device_id__eq=${DEVICE}&order=DESC&limit=2&date_time__lte=${at}`,
    );
    const first = ((await answer.json()) as { data: WireEvent[] }).data[0]!;
    expect(Date.parse(first.date_time)).toBeGreaterThanOrEqual(Date.parse(bar.start));
    const row = page.getByRole('grid', { name: 'Events' }).locator(`[data-event-id="${first.id}"]`);
    await expect(row).toBeInViewport({ timeout: 20_000 });
  });

  test('no serious or critical axe violation with the histogram drawn', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(LOG);
    await readBars(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' | ')}`);
    expect(serious).toEqual([]);
  });
});

test('Alibaba cannot count: the histogram counts the loaded events and says so', async ({
  page,
}) => {
  await page.goto(`/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`);
  const figure = histogram(page);
  await expect(figure).toHaveAttribute('data-mode', 'loaded');
  await expect(figure).toContainText(/Counts of the [\d,]+ loaded events only/);
  await readBars(page);
  // What it counts is what the status says is loaded (read together: pages may still arrive).
  const counted = async () => {
    const summary = (await figure.locator('p').first().textContent()) ?? '';
    const status = (await page.getByRole('status').first().textContent()) ?? '';
    return {
      histogram: /Counts of the ([\d,]+) loaded/.exec(summary)?.[1],
      status: /([\d,]+) events? loaded/.exec(status)?.[1],
    };
  };
  await expect
    .poll(async () => {
      const { histogram: shown, status } = await counted();
      return shown !== undefined && shown === status;
    })
    .toBe(true);
});
