/**
 * The log opens at any moment (demo-pelion, the 100,006-event device): event links deep in the
 * log without a range, links whose filters hide the event, Show in context and Next/Previous
 * failure, each compared with the simulator's own answer.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ROW_HEIGHT } from '../src/features/events/components/row-height.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { recordEventPages } from './support/count-requests.ts';
import { shownRows } from './support/grid-rows.ts';
import { EVENT_CODES_BY_MESSAGE_TYPE } from '../src/backends/pelion/event-codes.ts';

const API = '/api/demo-pelion/v3';
const DEVICE = NOTABLE_PELION_DEVICES.longHistory;
const LOG = `/demo-pelion/devices/${DEVICE}/events`;
const FAIL_CODES = EVENT_CODES_BY_MESSAGE_TYPE.FAIL.map((info) => info.code).join(',');

interface WireEvent {
  id: string;
  date_time: string;
  event_type_description?: string;
}

/** The oldest 1,000 events, oldest first, and the log's total: ~99,000 rows deep newest-first. */
async function oldestEvents(request: APIRequestContext) {
  const answer = await request.get(
    `${API}/device-events?device_id__eq=${DEVICE}&order=ASC&limit=1000&include=total_count`,
  );
  expect(answer.ok()).toBe(true);
  const body = (await answer.json()) as { data: WireEvent[]; total_count: number };
  return { events: body.data, total: body.total_count };
}

const row = (page: Page, id: string) =>
  page.getByRole('grid', { name: 'Events' }).locator(`[data-event-id="${id}"]`);

test.describe('The log opens at any moment (demo-pelion)', () => {
  test('an event link ~99,000 rows deep without a range opens at the event, neighbours both ways', async ({
    page,
    request,
  }) => {
    const { events, total } = await oldestEvents(request);
    const at = 500;
    const target = events[at]!;
    // Pages of rows; counts (the histogram's bars, the rows above) are the histogram spec's.
    const requests = recordEventPages(page);
    await page.goto(`${LOG}/${target.id}`);
    const selected = row(page, target.id);
    await expect(selected).toHaveAttribute('aria-selected', 'true');
    await expect(selected).toBeInViewport();
    // Row index as in the whole log, newest first.
    await expect(selected).toHaveAttribute('data-index', String(total - 1 - at));
    await expect(page.getByRole('region', { name: 'Event details' })).toContainText(target.id);
    // The neighbours on screen are the simulator's, in its order (newest first).
    await expect(row(page, events[at + 1]!.id)).toBeInViewport();
    await expect(row(page, events[at - 1]!.id)).toBeInViewport();
    const shown = await shownRows(page);
    for (const [index, id] of shown) expect(id).toBe(events[total - 1 - index]?.id);
    expect(shown.length).toBeGreaterThan(10);
    expect(requests.length).toBeLessThanOrEqual(8);
  });

  test('a link whose filter hides the event opens there, says which filter, and clears it', async ({
    page,
    request,
  }) => {
    const { events } = await oldestEvents(request);
    const at = events.findIndex((e, i) => i > 400 && e.event_type_description !== 'FAIL');
    const target = events[at]!;
    await page.goto(`${LOG}/${target.id}?type=FAIL`);
    const notice = page.getByTestId('hidden-event-notice');
    await expect(notice).toContainText('hidden by Message type (FAIL)');
    // Opened at its time: the nearest FAIL rows around it are on screen.
    const nearestOlderFail = events
      .slice(0, at)
      .reverse()
      .find((e) => e.event_type_description === 'FAIL')!;
    await expect(row(page, nearestOlderFail.id)).toBeVisible();
    await page.getByRole('button', { name: 'Clear these filters' }).click();
    await expect(page).toHaveURL(new RegExp(`${LOG}/${target.id}$`));
    await expect(row(page, target.id)).toHaveAttribute('aria-selected', 'true');
    await expect(notice).toHaveCount(0);
  });

  test('Show in context opens the unfiltered log around a filtered event', async ({
    page,
    request,
  }) => {
    const { events } = await oldestEvents(request);
    const at = events.findIndex((e, i) => i > 300 && e.event_type_description === 'FAIL');
    const target = events[at]!;
    await page.goto(`${LOG}/${target.id}?type=FAIL`);
    await expect(row(page, target.id)).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Show in context' }).click();
    await expect(page).toHaveURL(new RegExp(`${LOG}/${target.id}$`));
    await expect(row(page, target.id)).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, events[at - 1]!.id)).toBeVisible();
    await expect(row(page, events[at + 1]!.id)).toBeVisible();
  });

  test('Next and Previous failure land on the true adjacent FAIL', async ({ page, request }) => {
    const { events } = await oldestEvents(request);
    const at = events.findIndex((e, i) => i > 600 && e.event_type_description !== 'FAIL');
    const start = events[at]!;
    // Newest first: "next" is older (lower index here), "previous" newer.
    const isFail = (e: WireEvent) => e.event_type_description === 'FAIL';
    const older = events.slice(0, at).reverse().find(isFail)!;
    const olderAt = events.indexOf(older);
    const newerThanOlder = events.slice(olderAt + 1).find(isFail)!;
    await page.goto(`${LOG}/${start.id}`);
    await expect(row(page, start.id)).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Next failure' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${older.id}$`));
    await expect(row(page, older.id)).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, older.id)).toBeInViewport();
    await page.keyboard.press('p');
    await expect(page).toHaveURL(new RegExp(`/events/${newerThanOlder.id}$`));
    await expect(row(page, newerThanOlder.id)).toHaveAttribute('aria-selected', 'true');
  });

  test('Next failure crosses a calm spell of 13+ pages with a few requests, not by paging', async ({
    page,
    request,
  }) => {
    // Every FAIL of the log, newest first; the widest time gap between two is the calm spell.
    const failures: WireEvent[] = [];
    for (let after = ''; ;) {
      const answer = await request.get(
        `${API}/device-events?device_id__eq=${DEVICE}&event_type__in=${FAIL_CODES}&order=DESC&limit=1000${after && `&after=${after}`}`,
      );
      const body = (await answer.json()) as { data: WireEvent[]; has_more: boolean };
      failures.push(...body.data);
      if (!body.has_more) break;
      after = body.data.at(-1)!.id;
    }
    let widest = 1;
    for (let i = 2; i < failures.length; i++) {
      const gap = (k: number) =>
        Date.parse(failures[k - 1]!.date_time) - Date.parse(failures[k]!.date_time);
      if (gap(i) > gap(widest)) widest = i;
    }
    const [from, to] = [failures[widest - 1]!, failures[widest]!];
    const between = await request.get(
      `${API}/device-events?device_id__eq=${DEVICE}&limit=2&include=total_count` +
        `&date_time__gte=${to.date_time}&date_time__lte=${from.date_time}`,
    );
    const { total_count: rowsApart } = (await between.json()) as { total_count: number };
    expect(rowsApart).toBeGreaterThan(10 * 200);

    await page.goto(`${LOG}/${from.id}`);
    await expect(row(page, from.id)).toHaveAttribute('aria-selected', 'true');
    await page.waitForLoadState('networkidle');
    const pages = recordEventPages(page);
    await page.keyboard.press('n');
    await expect(page).toHaveURL(new RegExp(`/events/${to.id}$`));
    await expect(row(page, to.id)).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, to.id)).toBeInViewport();
    // One filtered look-up and the window around the failure; paging there would take 13+.
    expect(pages.length, pages.join('\n')).toBeLessThanOrEqual(5);
  });

  test('Alibaba (no counts): a link ~57,000 rows deep newest-first opens at the event', async ({
    page,
  }) => {
    const log = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`;
    // Oldest first, the log's first rows are the ones deepest in the default newest-first order.
    await page.goto(`${log}?order=asc`);
    const grid = page.getByRole('grid', { name: 'Events' });
    await expect(grid.locator('[data-event-id]').nth(8)).toBeVisible();
    await page.getByTestId('events-scroller').evaluate((element, top) => {
      element.scrollTop = top;
    }, ROW_HEIGHT * 36);
    await expect(grid.locator('[data-index="44"]')).toBeAttached();
    const byIndex = new Map(await shownRows(page));
    const oldest = [38, 39, 40, 41, 42].map((index) => byIndex.get(index)!);
    const target = oldest[2]!;
    await page.goto(`${log}/${encodeURIComponent(target)}`);
    await expect(row(page, target)).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, target)).toBeInViewport();
    // Newest first: the newer neighbours above, the older below, as the oldest-first list had them.
    await expect(row(page, oldest[3]!)).toBeInViewport();
    await expect(row(page, oldest[1]!)).toBeInViewport();
    const shown = (await shownRows(page)).map(([, id]) => id);
    const at = shown.indexOf(target);
    expect(shown.slice(at - 2, at + 3)).toEqual([...oldest].reverse());
  });
});
