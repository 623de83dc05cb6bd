/**
 * The Event log against the production build and the Pelion simulator (demo-pelion): what an
 * operator sees, and what a shared link reproduces.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ROW_HEIGHT } from '../src/features/events/components/row-height.ts';
import { readWholeLog } from './support/read-whole-log.ts';
import { EVENT_CODES_BY_MESSAGE_TYPE } from '../src/backends/pelion/event-codes.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';

const API = '/api/demo-pelion/v3';
const FAIL_CODES = EVENT_CODES_BY_MESSAGE_TYPE.FAIL.map((info) => info.code);

interface WireEvent {
  id: string;
  date_time: string;
  event_type: string;
  event_type_description?: string;
}

const eventLog = (deviceId: string, rest = '') => `/demo-pelion/devices/${deviceId}/events${rest}`;

async function listEvents(
  request: APIRequestContext,
  params: Record<string, string>,
): Promise<{ data: WireEvent[]; total_count?: number }> {
  const answer = await request.get(`${API}/device-events?${new URLSearchParams(params)}`);
  expect(answer.ok()).toBe(true);
  return (await answer.json()) as { data: WireEvent[]; total_count?: number };
}

/** A device whose whole log is a few hundred events: long enough to page, short enough to read to the end. */
async function findDeviceWithAFewHundredEvents(
  request: APIRequestContext,
): Promise<{ id: string; total: number }> {
  const answer = await request.get(`${API}/devices?limit=60`);
  const { data } = (await answer.json()) as { data: Array<{ id: string }> };
  for (const device of data) {
    const { total_count: total = 0 } = await listEvents(request, {
      device_id__eq: device.id,
      limit: '2',
      include: 'total_count',
    });
    if (total >= 250 && total <= 600) return { id: device.id, total };
  }
  throw new Error('no demo device has 250–600 events');
}

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /loaded|No events|Loading/ });
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });

test.describe('Event log (demo-pelion)', () => {
  test('lists events newest first', async ({ page, request }) => {
    const device = await findDeviceWithAFewHundredEvents(request);
    await page.goto(eventLog(device.id));
    await expect(status(page)).toContainText(
      `of ${device.total.toLocaleString('en-US')} events loaded`,
    );
    const newest = await listEvents(request, {
      device_id__eq: device.id,
      order: 'DESC',
      limit: '5',
    });
    const firstIds = await grid(page)
      .locator('[data-event-id]')
      .evaluateAll((rows) => rows.slice(0, 5).map((row) => row.getAttribute('data-event-id')));
    expect(firstIds).toEqual(newest.data.map((event) => event.id));
  });

  test('ticking FAIL shows exactly the failures the API returns for FAIL codes', async ({
    page,
    request,
  }) => {
    const device = await findDeviceWithAFewHundredEvents(request);
    await page.goto(eventLog(device.id));
    await expect(status(page)).toContainText('events loaded');
    await page
      .getByRole('group', { name: 'Message type' })
      .getByRole('checkbox', { name: 'FAIL' })
      .check();
    await expect(page).toHaveURL(/[?&]type=FAIL(&|$)/);
    await expect(status(page)).toContainText('End of log');

    const expected = await listEvents(request, {
      device_id__eq: device.id,
      event_type__in: FAIL_CODES.join(','),
      order: 'DESC',
      limit: '1000',
    });
    expect(expected.data.length).toBeGreaterThan(0);
    const badges = await grid(page)
      .locator('[data-event-id] [role="gridcell"]:nth-child(2)')
      .allTextContents();
    expect(new Set(badges)).toEqual(new Set(['FAIL']));
    expect(await readWholeLog(page, status(page))).toEqual(expected.data.map((event) => event.id));
  });

  test('scrolling loads more pages until "End of log"', async ({ page, request }) => {
    const device = await findDeviceWithAFewHundredEvents(request);
    await page.goto(eventLog(device.id));
    await expect(status(page)).toContainText(
      `200 of ${device.total.toLocaleString('en-US')} events loaded`,
    );
    const ids = await readWholeLog(page, status(page));
    await expect(status(page)).toContainText(
      `${device.total.toLocaleString('en-US')} of ${device.total.toLocaleString('en-US')} events loaded. End of log.`,
    );
    expect(ids).toHaveLength(device.total);
  });

  test('rows are built for the part of the list on screen, which fills the window below the header', async ({
    page,
  }) => {
    // A short window: the grid takes what is left below the header and filters.
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.goto(eventLog(NOTABLE_PELION_DEVICES.longHistory));
    await expect(status(page)).toContainText('200 of');
    const scroller = page.getByTestId('events-scroller');
    // What is on screen of the list, and the rows there and in the DOM.
    const coverage = () =>
      scroller.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const shownTop = Math.max(box.top, 0);
        const shownBottom = Math.min(box.bottom, window.innerHeight);
        const rows = Array.from(element.querySelectorAll<HTMLElement>('[data-event-id]'), (row) =>
          row.getBoundingClientRect(),
        );
        const covered = (y: number) => rows.some((row) => row.top <= y && row.bottom > y);
        const gaps: number[] = [];
        for (let y = Math.ceil(shownTop); y < shownBottom; y += 6) if (!covered(y)) gaps.push(y);
        return {
          rows: rows.length,
          below: rows.filter((row) => row.top > window.innerHeight).length,
          gaps,
        };
      });
    await expect.poll(async () => (await coverage()).gaps).toEqual([]);
    // Arrow keys past the last row on screen scroll the list: the focused row stays in the window.
    await scroller.locator('[data-index="0"]').focus();
    for (let step = 0; step < 15; step++) await page.keyboard.press('ArrowDown');
    const focused = page.locator('[role="row"]:focus');
    await expect(focused).toHaveAttribute('data-index', '15');
    await expect(focused).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Home');
    await expect(focused).toHaveAttribute('data-index', '0');
    await expect.poll(async () => (await coverage()).gaps).toEqual([]);
    // Clicking a row cut off at the top edge brings it fully into view, nothing more.
    await scroller.evaluate(
      (element, top) => {
        element.scrollTop = top;
      },
      ROW_HEIGHT * 40 + 18,
    );
    const cut = scroller.locator('[data-index="40"]');
    await cut.click({ position: { x: 100, y: 27 } });
    await expect(page.getByRole('region', { name: 'Event details' })).toBeVisible();
    await expect
      .poll(() => scroller.evaluate((element) => element.scrollTop))
      .toBe(ROW_HEIGHT * 40);
    await expect(cut).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    const before = await coverage();
    // Only a few rows of overscan lie past the bottom of the window.
    expect(before.below).toBeLessThanOrEqual(4);
    // The list already fills the window below the header (one scroll): the page has nowhere to
    // scroll, and trying leaves the rows as they were, with no blank band.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(async () => (await coverage()).gaps).toEqual([]);
    expect((await coverage()).rows).toBe(before.rows);
    // Rows for a new scroll position are there in the very frame that paints it (rendered in the
    // scroll event, which runs before the frame's animation callbacks), not a frame later.
    const gapsInNextFrame = await scroller.evaluate(
      (element, top) =>
        new Promise<number>((resolve) => {
          element.scrollTop = top;
          requestAnimationFrame(() => {
            const box = element.getBoundingClientRect();
            const rows = Array.from(element.querySelectorAll('[data-event-id]'), (row) =>
              row.getBoundingClientRect(),
            );
            let gaps = 0;
            for (let y = Math.max(box.top, 0); y < Math.min(box.bottom, window.innerHeight); y += 6)
              if (!rows.some((row) => row.top <= y && row.bottom > y)) gaps += 1;
            resolve(gaps);
          });
        }),
      ROW_HEIGHT * 150,
    );
    expect(gapsInNextFrame).toBe(0);
  });

  test('a copied link reproduces the same filtered view in a new browser context', async ({
    page,
    request,
    browser,
  }) => {
    const device = await findDeviceWithAFewHundredEvents(request);
    await page.goto(eventLog(device.id));
    await page.getByRole('button', { name: 'Failures only' }).click();
    await page.getByLabel('Order').selectOption('asc');
    await page.getByRole('button', { name: 'UTC' }).click();
    await expect(status(page)).toContainText('End of log');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('type=FAIL');
    expect(link).toContain('order=asc');
    const rows = await grid(page)
      .locator('[data-event-id]')
      .evaluateAll((all) => all.map((row) => row.textContent));

    const other = await browser.newContext();
    try {
      const fresh = await other.newPage();
      await fresh.goto(link);
      await expect(status(fresh)).toContainText('End of log');
      await expect(fresh.getByRole('button', { name: 'Failures only' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(fresh.getByLabel('Order')).toHaveValue('asc');
      const freshRows = await grid(fresh)
        .locator('[data-event-id]')
        .evaluateAll((all) => all.map((row) => row.textContent));
      expect(freshRows).toEqual(rows);
    } finally {
      await other.close();
    }
  });

  test('an event link opens that event with its details', async ({ page, request }) => {
    const device = await findDeviceWithAFewHundredEvents(request);
    await page.goto(eventLog(device.id, '?type=FAIL'));
    const firstRow = grid(page).locator('[data-event-id]').first();
    const eventId = await firstRow.getAttribute('data-event-id');
    await firstRow.click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect(details).toContainText(`"id": "${eventId}"`);
    await expect(details).toContainText('The device did not reach the desired state.');
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}\\?type=FAIL$`));
    await details.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`/events/${eventId}\\?.*from=\\d{4}-.*&to=\\d{4}-`));

    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/events\\?type=FAIL$`));

    await page.goto(link);
    await expect(page.getByRole('region', { name: 'Event details' })).toContainText(
      `"id": "${eventId}"`,
    );
    await expect(page.locator(`[data-event-id="${eventId}"]`)).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('a deep link to an event thousands deep in the 100,000-event log opens with its details', async ({
    page,
    request,
  }) => {
    const deviceId = NOTABLE_PELION_DEVICES.longHistory;
    // Walk the API (not the UI) 5,000 events back to pick a deep event.
    const { data } = await listEvents(request, {
      device_id__eq: deviceId,
      order: 'DESC',
      limit: '1000',
    });
    let last = data.at(-1);
    for (let page = 1; page < 5 && last; page++) {
      const next = await listEvents(request, {
        device_id__eq: deviceId,
        order: 'DESC',
        limit: '1000',
        after: last.id,
      });
      last = next.data.at(-1);
    }
    if (!last) throw new Error('the long-history device has fewer than 5,000 events');
    const at = Date.parse(last.date_time);
    const range = new URLSearchParams({
      from: new Date(at - 3_600_000).toISOString(),
      to: new Date(at + 3_600_000).toISOString(),
    });
    const started = Date.now();
    await page.goto(eventLog(deviceId, `/${last.id}?${range}`));
    await expect(page.getByRole('region', { name: 'Event details' })).toContainText(
      `"id": "${last.id}"`,
    );
    const row = page.locator(`[data-event-id="${last.id}"]`);
    await expect(row).toBeInViewport();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(status(page)).toContainText('End of log');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('an invalid type parameter shows a notice and the default view', async ({
    page,
    request,
  }) => {
    const device = await findDeviceWithAFewHundredEvents(request);
    await page.goto(eventLog(device.id, '?type=BOGUS'));
    await expect(page.getByRole('note')).toContainText(
      'Ignored invalid link parameter: type=BOGUS',
    );
    await expect(status(page)).toContainText(
      `of ${device.total.toLocaleString('en-US')} events loaded`,
    );
    for (const type of ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO']) {
      await expect(page.getByRole('checkbox', { name: type })).not.toBeChecked();
    }
  });
});
