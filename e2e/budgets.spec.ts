/**
 * Deterministic performance budgets (issue "100,000-event logs stay instant"). Only figures that do
 * not depend on machine speed are asserted here: bytes, DOM rows, request counts. Timings belong
 * to `npm run bench`, which measures these same scenarios with the same helpers.
 */
import { expect, test, type Page } from '@playwright/test';
import { PAGE_PROBE } from '../scripts/bench/browser/page-probe.ts';
import { loadDeepLink } from '../scripts/bench/browser/deep-link-load.ts';
import { fling } from '../scripts/bench/browser/fling.ts';
import { appRowTime } from '../scripts/bench/browser/launch.ts';
import { BUDGETS } from '../scripts/bench/measures.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { HISTOGRAM_MAX_REQUESTS, isCountRequest } from './support/count-requests.ts';

const longLog = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.longHistory}/events`;

const aliyunLog = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`;

async function probe(page: Page): Promise<void> {
  await page.addInitScript({ content: PAGE_PROBE });
}

const listing = (requests: Array<{ method: string; what: string }>) =>
  requests.map((request) => `${request.method} ${request.what}`).join('\n');

/**
 * The requests of a deep link that read rows: none, the first screen brings them. The Event
 * histogram's counts are data the first screen does not carry; they are bounded, not absent.
 */
function rowRequests(requests: Array<{ method: string; what: string }>) {
  const counts = requests.filter((request) => isCountRequest(request.what));
  expect(counts.length, listing(counts)).toBeLessThanOrEqual(HISTOGRAM_MAX_REQUESTS);
  return requests.filter((request) => !isCountRequest(request.what));
}

test.describe('performance budgets', () => {
  test('a deep link to the 100,000-event log loads at most 150 KB of gzip JavaScript before its first row', async ({
    page,
  }) => {
    await probe(page);
    const load = await loadDeepLink(page, longLog);
    const files = load.js
      .map((file) => `${new URL(file.url).pathname}: ${file.gzipBytes} B`)
      .join('\n');
    expect(load.js.length, 'scripts loaded before the first row').toBeGreaterThan(0);
    expect(
      load.jsGzipBytes,
      `gzip bytes of the scripts before the first row:\n${files}`,
    ).toBeLessThanOrEqual(BUDGETS.initialJsGzipBytes);
  });

  test('the events table keeps at most 150 rows in the DOM while scrolling 20,000 rows deep', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await probe(page);
    await page.goto(longLog);
    await appRowTime(page);
    const result = await fling(page, { pxPerFrame: 4000, timeoutMs: 150_000, stopAtRow: 20_000 });
    // Deep enough that the bounded page window has evicted and placeholdered the first pages.
    expect(result.rowsScrolled, `status: ${result.status}`).toBeGreaterThanOrEqual(20_000);
    expect(result.maxRows, 'most [data-event-id] rows in the DOM in any frame').toBeLessThanOrEqual(
      BUDGETS.maxDomRows,
    );
    expect(result.maxRows).toBeGreaterThan(0);
  });

  test('an Event log deep link makes no /api request: the first screen brings its data', async ({
    page,
  }) => {
    await probe(page);
    const load = await loadDeepLink(page, longLog);
    expect(rowRequests(load.api), listing(load.api)).toEqual([]);
  });

  test('a filtered Event log deep link makes none either', async ({ page }) => {
    // The app must read the embedded data under the keys it derives from the same URL (the long
    // Message type filter, a range, an order); a difference would show up as requests here.
    await probe(page);
    const load = await loadDeepLink(
      page,
      `${longLog}?type=FAIL,SKIPPED&order=asc&from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00.000Z`,
    );
    expect(rowRequests(load.api), listing(load.api)).toEqual([]);
  });

  test('a link relative to the clock makes none either: the server resolves it', async ({
    page,
  }) => {
    await probe(page);
    const load = await loadDeepLink(page, `${longLog}?type=FAIL,SKIPPED&from=now-7d`);
    expect(rowRequests(load.api), listing(load.api)).toEqual([]);
  });

  test('an Alibaba Event log deep link makes none either: device, Identifier choices and page come along', async ({
    page,
  }) => {
    // Its payloads hold integers beyond 2^53 (BigInt), which plain JSON cannot carry.
    await probe(page);
    const load = await loadDeepLink(page, aliyunLog);
    expect(load.firstScreen).toBe(true);
    expect(rowRequests(load.api), listing(load.api)).toEqual([]);
  });

  test('an Alibaba link to two EventTypes (two merged streams) makes none either', async ({
    page,
  }) => {
    await probe(page);
    const load = await loadDeepLink(page, `${aliyunLog}?eventType=info,alert&order=asc`);
    expect(load.firstScreen).toBe(true);
    expect(rowRequests(load.api), listing(load.api)).toEqual([]);
  });

  test('a link to one event makes no /api request: the event comes with the first screen', async ({
    page,
    request,
  }) => {
    const query = new URLSearchParams({
      device_id__eq: NOTABLE_PELION_DEVICES.longHistory,
      order: 'DESC',
      limit: '50',
    });
    const answer = await request.get(`/api/demo-pelion/v3/device-events?${query}`);
    expect(answer.ok()).toBe(true);
    const { data } = (await answer.json()) as { data: Array<{ id: string; date_time: string }> };
    const event = data.at(-1);
    if (!event) throw new Error('the long-history device has no events');
    const at = Date.parse(event.date_time);
    const range = new URLSearchParams({
      from: new Date(at - 3_600_000).toISOString(),
      to: new Date(at + 3_600_000).toISOString(),
    });
    await probe(page);
    const load = await loadDeepLink(page, `${longLog}/${event.id}?${range}`);
    await expect(page.locator(`[data-event-id="${event.id}"]`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Event details' })).toBeVisible();
    expect(rowRequests(load.api), listing(load.api)).toEqual([]);
  });
});
