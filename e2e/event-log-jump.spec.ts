/**
 * Jump anywhere in the 100,006-event demo log (demo-pelion counts its events): the scrollbar
 * dragged to the middle, End and Home land on real rows — compared with the simulator's own list
 * read through /api — in a bounded number of /device-events requests, and keyboard focus stays on
 * a row.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { ROW_HEIGHT } from '../src/features/events/components/row-height.ts';
import { recordEventPages } from './support/count-requests.ts';
import { shownRows } from './support/grid-rows.ts';

const API = '/api/demo-pelion/v3';
const DEVICE = NOTABLE_PELION_DEVICES.longHistory;
const LOG = `/demo-pelion/devices/${DEVICE}/events`;

interface WireEvent {
  id: string;
}
interface WirePage {
  data: WireEvent[];
  has_more: boolean;
  total_count?: number;
}

async function listPage(request: APIRequestContext, params: Record<string, string>) {
  const query = new URLSearchParams({ device_id__eq: DEVICE, ...params });
  const answer = await request.get(`${API}/device-events?${query}`);
  expect(answer.ok()).toBe(true);
  return (await answer.json()) as WirePage;
}

/**
 * The log newest first from the row of `id` on, and that row's index: the events newer than its
 * millisecond counted by the API, then the list from that millisecond down (a burst in it is in
 * the API's own order).
 */
async function newestFirstFrom(request: APIRequestContext, id: string, rows: number) {
  const record = await request.get(`${API}/device-events/${id}`);
  expect(record.ok()).toBe(true);
  const time = Date.parse(((await record.json()) as { date_time: string }).date_time);
  const newer = await listPage(request, {
    limit: '2',
    include: 'total_count',
    date_time__gte: new Date(time + 1).toISOString(),
  });
  const from = await listPage(request, {
    order: 'DESC',
    limit: String(Math.min(1000, rows + 50)),
    date_time__lte: new Date(time).toISOString(),
  });
  return { firstRow: newer.total_count ?? 0, ids: from.data.map((event) => event.id) };
}

/** The focused element: its row index and event id when it is a row of the Events grid. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const row = active?.closest<HTMLElement>('[role="grid"] [role="row"]');
    return row && row === active ? { index: row.dataset.index, id: row.dataset.eventId } : null;
  });

const status = (page: Page) => page.getByRole('status').filter({ hasText: /loaded|Loading/ });

async function open(page: Page, total: number) {
  await page.goto(LOG);
  await expect(status(page)).toContainText(`200 of ${total.toLocaleString('en-US')} events loaded`);
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen', /.*/);
}

test.describe('Jump anywhere in the 100k log (demo-pelion)', () => {
  // Two browsers and a server on a shared two-core machine: time for the API reads around them.
  test.setTimeout(120_000);
  test('the scrollbar dragged to the middle shows the rows the log has there', async ({
    page,
    request,
  }) => {
    const { total_count: total = 0 } = await listPage(request, {
      limit: '2',
      include: 'total_count',
    });
    expect(total).toBeGreaterThan(100_000);
    await open(page, total);
    const scroller = page.getByTestId('events-scroller');
    // The scroll range is the whole log's, before anything past the first page is read.
    expect(await scroller.evaluate((element) => element.scrollHeight)).toBe(total * ROW_HEIGHT);
    const requests = recordEventPages(page);
    const middle = Math.floor(total / 2);
    // A drag: the thumb passes through positions on its way, each a scroll event, then stops.
    await scroller.evaluate(
      async (element, [target, rowHeight]) => {
        for (let step = 1; step <= 8; step += 1) {
          element.scrollTop = (target * rowHeight * step) / 8;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      },
      [middle, ROW_HEIGHT] as const,
    );
    await expect(status(page)).toContainText(/Rows [\d,]+–[\d,]+ of 100,006 loaded/);
    await expect(scroller.locator('[data-event-id]').first()).toBeVisible();
    const shown = await shownRows(page);
    expect(shown.length).toBeGreaterThan(10);
    // Near where the thumb was left: row numbers within 1 % of the log of the middle.
    const firstShown = shown[0]![0];
    expect(Math.abs(firstShown - middle)).toBeLessThan(total / 100);
    // Each row is the event the whole log has at that row (newest first).
    const truth = await newestFirstFrom(request, shown[0]![1], shown.length);
    for (const [index, id] of shown) {
      expect(id, `row ${index}`).toBe(truth.ids[index - truth.firstRow]);
    }
    // The log's two ends, the page at the moment and the count above it, the page above: no walk.
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(8);
  });

  test('End with focus in the grid lands on the oldest event and "End of log"; Home on the newest', async ({
    page,
    request,
  }) => {
    const counted = await listPage(request, { limit: '2', include: 'total_count', order: 'ASC' });
    const total = counted.total_count ?? 0;
    const oldest = counted.data[0]!.id;
    const newest = (await listPage(request, { limit: '2', order: 'DESC' })).data[0]!.id;
    await open(page, total);
    const grid = page.getByRole('grid', { name: 'Events' });
    await grid.locator('[data-index="0"]').focus();
    const requests = recordEventPages(page);

    await page.keyboard.press('End');
    const last = grid.locator(`[data-event-id="${oldest}"]`);
    await expect(last).toBeInViewport();
    await expect(last).toHaveAttribute('data-index', String(total - 1));
    await expect(status(page)).toContainText('End of log');
    await expect(status(page)).toContainText(
      `Rows ${(total - 199).toLocaleString('en-US')}–${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} loaded`,
    );
    // Focus stays on a row: the last one, now the oldest event.
    await expect.poll(() => focusedRow(page)).toEqual({ index: String(total - 1), id: oldest });
    // The count and the oldest page; nothing in between.
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(4);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focusedRow(page))?.index).toBe(String(total - 2));

    requests.length = 0;
    await page.keyboard.press('Home');
    const first = grid.locator(`[data-event-id="${newest}"]`);
    await expect(first).toBeInViewport();
    await expect(first).toHaveAttribute('data-index', '0');
    await expect.poll(() => focusedRow(page)).toEqual({ index: '0', id: newest });
    await expect(status(page)).toContainText(
      `200 of ${total.toLocaleString('en-US')} events loaded`,
    );
    // The first page was still held: back at the top without a request.
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(1);
  });
});
