/**
 * The server-rendered first screen of an Event log link (server/first-screen/): rows before any
 * script, the same rows when the app takes over, and no second request for them.
 */
import { expect, test, type Page } from '@playwright/test';
import { PAGE_PROBE } from '../scripts/bench/browser/page-probe.ts';
import { appRowTime } from '../scripts/bench/browser/launch.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { isCountRequest } from './support/count-requests.ts';
import { problemsOf } from './support/page-problems.ts';

const device = NOTABLE_PELION_DEVICES.mediumHistory;
const eventLog = `/demo-pelion/devices/${device}/events`;

async function newestEventIds(page: Page, count: number): Promise<string[]> {
  const answer = await page.request.get(
    `/api/demo-pelion/v3/device-events?device_id__eq=${device}&order=DESC&limit=${count}`,
  );
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { data: Array<{ id: string }> }).data.map((event) => event.id);
}

const rowIds = (page: Page) =>
  page.locator('[data-event-id]').evaluateAll((rows) => rows.map((row) => row.dataset.eventId));

const firstRowTimeText = (page: Page) =>
  page.locator('[data-event-id]').first().locator('time').textContent();

test.describe('first screen of an Event log link', () => {
  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    test('the link still shows the device and its newest events', async ({ page }) => {
      await page.goto(eventLog);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('gateway-longhaul-002');
      await expect(page.getByRole('tab', { name: 'Event log' })).toBeVisible();
      const newest = await newestEventIds(page, 5);
      expect((await rowIds(page)).slice(0, 5)).toEqual(newest);
      await expect(page.locator('[data-event-id]').first()).toBeVisible();
    });
  });

  test('the app takes the rows over without asking for them again, and they respond', async ({
    page,
  }) => {
    const problems = problemsOf(page);
    const eventRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      // The Event histogram's counts are not rows (e2e/support/count-requests.ts).
      if (url.pathname.startsWith('/api/') && !isCountRequest(request.url()))
        eventRequests.push(`${url.pathname}${url.search}`);
    });
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(eventLog);
    await appRowTime(page);
    const newest = await newestEventIds(page, 3);
    expect((await rowIds(page)).slice(0, 3)).toEqual(newest);
    await page.waitForLoadState('networkidle');
    expect(eventRequests, eventRequests.join('\n')).toEqual([]);

    await page.locator(`[data-event-id="${newest[1]}"]`).click();
    await expect(page.getByRole('heading', { name: 'Event details' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(`${eventLog}/${newest[1]}`);
    // React adopted the server's markup: a mismatch would have been reported here.
    expect(problems).toEqual([]);
  });

  test('an event opened after the takeover shows its wire record as the API sends it, which the page did not carry', async ({
    page,
  }) => {
    const problems = problemsOf(page);
    const answer = await page.request.get(
      `/api/demo-pelion/v3/device-events?device_id__eq=${device}&order=DESC&limit=3`,
    );
    const wire = ((await answer.json()) as { data: Array<{ id: string }> }).data[2]!;
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(eventLog);
    await appRowTime(page);
    // The embedded cache holds the rows' events without their records (a third of the bytes).
    const embedded = JSON.parse((await page.locator('#fleetlog-state').textContent()) ?? '') as {
      queries: Array<{ queryKey: unknown[]; state: { data: unknown } }>;
    };
    const list = embedded.queries.find((query) => query.queryKey[3] === 'list')?.state.data as {
      pages: Array<{ events: Array<Record<string, unknown>> }>;
    };
    const listed = list.pages[0]!.events;
    expect(listed.map((event) => event.id)).toContain(wire.id);
    expect(listed.filter((event) => 'raw' in event)).toEqual([]);
    await page.locator(`[data-event-id="${wire.id}"]`).click();
    const details = page.getByRole('region', { name: 'Event details' });
    const record = details.getByLabel('Full record (JSON)');
    await expect(record).toBeVisible();
    expect(JSON.parse((await record.textContent()) ?? '')).toEqual(wire);
    await expect(details.getByRole('button', { name: 'Copy JSON' })).toBeEnabled();
    expect(problems).toEqual([]);
  });

  test('a link to one event opens its details once the app has taken over, without errors', async ({
    page,
  }) => {
    const problems = problemsOf(page);
    const [, second] = await newestEventIds(page, 2);
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(`${eventLog}/${second}`);
    await appRowTime(page);
    await expect(page.getByRole('heading', { name: 'Event details' })).toBeVisible();
    await expect(page.locator(`[data-event-id="${second}"]`)).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(problems).toEqual([]);
  });

  test.describe('input made before the app takes over', () => {
    /**
     * Holds the app's entry script back until `release()`: the first screen stands alone, for as
     * long as the test needs, however busy the machine.
     */
    async function heldApp(page: Page): Promise<{ release: () => void }> {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      await page.addInitScript({ content: PAGE_PROBE });
      return { release };
    }
    const stillServerRendered = (page: Page) =>
      expect(page.locator('#root')).toHaveAttribute('data-first-screen', '');

    test('a row clicked meanwhile opens once the app runs', async ({ page }) => {
      const problems = problemsOf(page);
      const app = await heldApp(page);
      await page.goto(eventLog, { waitUntil: 'commit' });
      const row = page.locator('#root[data-first-screen] [data-event-id]').nth(2);
      const id = await row.getAttribute('data-event-id');
      await row.click();
      await stillServerRendered(page);
      await expect(page.locator('#root')).toHaveAttribute('aria-busy', 'true');
      app.release();
      await appRowTime(page);
      await expect(page.getByRole('heading', { name: 'Event details' })).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(`${eventLog}/${id}`);
      await expect(page.locator('#root')).not.toHaveAttribute('aria-busy', 'true');
      expect(problems).toEqual([]);
    });

    test('a filter ticked meanwhile is applied, and never shows ticked over an unfiltered list', async ({
      page,
    }) => {
      const problems = problemsOf(page);
      const app = await heldApp(page);
      await page.goto(eventLog, { waitUntil: 'commit' });
      const fail = page.getByRole('checkbox', { name: 'FAIL' });
      await page.locator('#root[data-first-screen] [data-event-id]').first().waitFor();
      await fail.click();
      await stillServerRendered(page);
      await expect(fail).not.toBeChecked();
      app.release();
      await appRowTime(page);
      await expect(page).toHaveURL(/[?&]type=FAIL(&|$)/);
      await expect(fail).toBeChecked();
      // The list is the filtered one: every row on screen is a failure.
      await expect
        .poll(() =>
          page
            .locator('[data-event-id]')
            .evaluateAll(
              (rows) =>
                rows.length > 0 && rows.every((row) => (row.textContent ?? '').includes('FAIL')),
            ),
        )
        .toBe(true);
      expect(problems).toEqual([]);
    });

    test('an order chosen meanwhile is applied', async ({ page }) => {
      const app = await heldApp(page);
      await page.goto(eventLog, { waitUntil: 'commit' });
      await page.locator('#root[data-first-screen] [data-event-id]').first().waitFor();
      const order = page.getByLabel('Order');
      await order.selectOption('asc');
      await stillServerRendered(page);
      // Held back: the select shows what the list shows; text fields wait too.
      await expect(order).toHaveValue('desc');
      await expect(page.getByLabel('From')).toHaveJSProperty('readOnly', true);
      app.release();
      await appRowTime(page);
      await expect(page).toHaveURL(/[?&]order=asc(&|$)/);
      await expect(order).toHaveValue('asc');
      await expect(page.getByLabel('From')).toHaveJSProperty('readOnly', false);
    });
  });

  test.describe('in a browser far from the server’s zone', () => {
    test.use({ timezoneId: 'America/Los_Angeles' });

    test('rows show local time before the app runs, the same text the app then shows', async ({
      page,
      browser,
    }) => {
      // Only the page's own inline scripts run: the server's rows as the browser first shows them.
      const early = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
      const earlyPage = await early.newPage();
      await earlyPage.route('**/assets/*.js', (route) => route.abort());
      await earlyPage.goto(eventLog);
      await expect(
        earlyPage.locator('#root[data-first-screen] [data-event-id]').first(),
      ).toBeVisible();
      const beforeApp = await firstRowTimeText(earlyPage);
      const utc = await earlyPage
        .locator('[data-event-id]')
        .first()
        .locator('time')
        .getAttribute('datetime');
      await early.close();

      const problems = problemsOf(page);
      await page.addInitScript({ content: PAGE_PROBE });
      await page.goto(eventLog);
      await appRowTime(page);
      // The text React found in the rows is the text it renders: hydration went through.
      expect(problems).toEqual([]);
      expect(beforeApp).toBe(await firstRowTimeText(page));
      // Los Angeles is 7 or 8 hours behind UTC: the text is not the server's UTC clock time.
      expect(beforeApp?.slice(11, 13)).not.toBe(utc?.slice(11, 13));
    });
  });
});
