/**
 * Refresh and Live against the demo's live devices, which receive an event every 2 s from the
 * simulators themselves (so the browser sees what any client of the API would).
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ROW_HEIGHT } from '../src/features/events/components/row-height.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { recordEventPages } from './support/count-requests.ts';

const LIVE_SENSOR = NOTABLE_PELION_DEVICES.live;
const eventLog = (rest = '') => `/demo-pelion/devices/${LIVE_SENSOR}/events${rest}`;
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const scroller = (page: Page) => page.getByTestId('events-scroller');

async function newestOnServer(request: APIRequestContext): Promise<{ id: string; time: number }> {
  const answer = await request.get(
    `/api/demo-pelion/v3/device-events?device_id__eq=${LIVE_SENSOR}&order=DESC&limit=1`,
  );
  const { data } = (await answer.json()) as { data: Array<{ id: string; date_time: string }> };
  return { id: data[0]!.id, time: Date.parse(data[0]!.date_time) };
}

const rowAt = (page: Page, index: number) =>
  scroller(page).locator(`[role="row"][data-index="${index}"]`);

test('Refresh re-reads the newest end and re-resolves a relative From', async ({ page }) => {
  await page.goto(eventLog('?from=now-15m'));
  const firstRow = rowAt(page, 0);
  await expect(firstRow).toHaveAttribute('data-event-id', /.+/);
  const before = await firstRow.getAttribute('data-event-id');
  // Two ticks later the simulator holds newer events; the view, cached, does not show them.
  await page.waitForTimeout(4500);
  await expect(firstRow).toHaveAttribute('data-event-id', before!);

  const request = page.waitForRequest((r) => r.url().includes('/device-events?'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  const url = new URL((await request).url());
  // `now-15m` resolved at the click, not at the first load.
  const from = Date.parse(url.searchParams.get('date_time__gte')!);
  expect(Date.now() - 15 * 60_000 - from).toBeLessThan(3000);
  await expect(firstRow).not.toHaveAttribute('data-event-id', before!);
});

test('Live adds newer events on top while the reader is at the top', async ({ page, request }) => {
  await page.goto(eventLog());
  const live = page.getByRole('button', { name: 'Live' });
  await expect(live).toHaveAttribute('aria-pressed', 'false');
  await live.click();
  await expect(live).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]live=1/);
  const firstRow = rowAt(page, 0);
  const before = await firstRow.getAttribute('data-event-id');
  await expect(firstRow).not.toHaveAttribute('data-event-id', before!, { timeout: 8000 });
  // What arrived is the simulator's newest (give or take the tick in flight), and is not a copy.
  const shown = await firstRow.getAttribute('data-event-id');
  const newest = await newestOnServer(request);
  expect(shown! <= newest.id).toBe(true);
  const ids = await scroller(page)
    .locator('[data-event-id]')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.eventId));
  expect(new Set(ids).size).toBe(ids.length);
  await expect(page.getByRole('button', { name: /new events?$/ })).toHaveCount(0);
});

test('while scrolled away, newer events wait behind "N new events" and nothing moves', async ({
  page,
  request,
}) => {
  await page.goto(eventLog('?live=1'));
  await expect(rowAt(page, 0)).toHaveAttribute('data-event-id', /.+/);
  await scroller(page).evaluate((element, top) => {
    element.scrollTop = top;
  }, ROW_HEIGHT * 20);
  const reading = rowAt(page, 22);
  await expect(reading).toHaveAttribute('data-event-id', /.+/);
  const readId = await reading.getAttribute('data-event-id');

  const waiting = page.getByRole('button', { name: /^\d+ new events?$/ });
  await expect(waiting).toBeVisible({ timeout: 8000 });
  // Still the same event at the same place, and the list did not scroll.
  await expect(reading).toHaveAttribute('data-event-id', readId!);
  expect(await scroller(page).evaluate((element) => element.scrollTop)).toBe(ROW_HEIGHT * 20);

  await waiting.click();
  await expect(waiting).toHaveCount(0);
  expect(await scroller(page).evaluate((element) => element.scrollTop)).toBe(0);
  const newest = await newestOnServer(request);
  const top = await rowAt(page, 0).getAttribute('data-event-id');
  // The top row is the newest the server had when the button was pressed (or one tick before).
  expect(newest.id >= top!).toBe(true);
  expect(Date.now() - Number.parseInt(top!.slice(0, 12), 16)).toBeLessThan(8000);
  // Newest first, no event twice, across what arrived and what was there.
  const ids = await grid(page)
    .locator('[data-event-id]')
    .evaluateAll((rows) =>
      rows
        .map(
          (row) =>
            [
              Number((row as HTMLElement).dataset.index),
              (row as HTMLElement).dataset.eventId!,
            ] as const,
        )
        .sort((a, b) => a[0] - b[0])
        .map(([, id]) => id),
    );
  expect(ids).toEqual([...new Set(ids)].sort().reverse());
});

test('polling pauses while the tab is hidden', async ({ page }) => {
  await page.goto(eventLog('?live=1'));
  await expect(rowAt(page, 0)).toHaveAttribute('data-event-id', /.+/);
  // The Event histogram's counts (limit=2) are not polls.
  const polls = recordEventPages(page);
  await page.waitForTimeout(4500);
  expect(polls.length).toBeGreaterThan(0);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(500);
  polls.length = 0;
  await page.waitForTimeout(5000);
  expect(polls).toEqual([]);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => polls.length, { timeout: 8000 }).toBeGreaterThan(0);
});

test('Live on the Alibaba demo: live-meter events arrive', async ({ page }) => {
  await page.goto(`/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.live}/events?live=1`);
  const firstRow = rowAt(page, 0);
  await expect(firstRow).toHaveAttribute('data-event-id', /.+/);
  const before = await firstRow.getAttribute('data-event-id');
  await expect(firstRow).not.toHaveAttribute('data-event-id', before!, { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Live' })).toHaveAttribute('aria-pressed', 'true');
});

test('Refresh takes the waiting events in: the button goes, the newest is on top', async ({
  page,
  request,
}) => {
  await page.goto(eventLog('?live=1'));
  await expect(rowAt(page, 0)).toHaveAttribute('data-event-id', /.+/);
  await scroller(page).evaluate((element, top) => {
    element.scrollTop = top;
  }, ROW_HEIGHT * 20);
  const waiting = page.getByRole('button', { name: /^\d+ new events?$/ });
  await expect(waiting).toBeVisible({ timeout: 8000 });

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(waiting).toHaveCount(0);
  await expect(rowAt(page, 0)).toHaveAttribute('data-event-id', /.+/);
  const top = await rowAt(page, 0).getAttribute('data-event-id');
  const newest = await newestOnServer(request);
  // The fresh first page: the server's newest at the click, or one tick before it.
  expect(newest.time - Number.parseInt(top!.slice(0, 12), 16)).toBeLessThanOrEqual(2500);
  // Nothing waits to be added twice: after the next tick, still no older copies on top.
  const ids = await scroller(page)
    .locator('[data-event-id]')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.eventId));
  expect(new Set(ids).size).toBe(ids.length);
});
