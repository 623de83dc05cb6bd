/**
 * The Event histogram drawn with the server-rendered first screen (server/first-screen/histogram.ts,
 * src/features/events/histogram/histogram-slot.tsx): on the 100,006-event log its bars are on
 * the page before any script runs, with the API's counts; the app adopts them without a hydration
 * error and without counting the totals again; a bar clicked before the app (or the histogram's
 * code) runs opens the log there once it does.
 */
import { expect, test, type APIRequestContext, type Page, type Route } from '@playwright/test';
import { PAGE_PROBE } from '../scripts/bench/browser/page-probe.ts';
import { appRowTime } from '../scripts/bench/browser/launch.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { isCountRequest } from './support/count-requests.ts';
import { problemsOf } from './support/page-problems.ts';
import { apiCount, lastIncluded } from './support/api-count.ts';

const DEVICE = NOTABLE_PELION_DEVICES.longHistory;
const LOG = `/demo-pelion/devices/${DEVICE}/events`;

interface Bar {
  start: string;
  end: string;
  count: number;
}

const histogram = (page: Page) => page.locator('figure[aria-label="Event histogram"]');

const readBars = (page: Page): Promise<Bar[]> =>
  histogram(page)
    .locator('[data-bucket-start]')
    .evaluateAll((elements) =>
      elements.map((element) => {
        const bar = element as HTMLElement;
        return {
          start: bar.dataset.bucketStart ?? '',
          end: bar.dataset.bucketEnd ?? '',
          count: Number(bar.dataset.count),
        };
      }),
    );

const countOf = (request: APIRequestContext, from: string, to: string) =>
  apiCount(request, DEVICE, from, to);

/** Holds the scripts matching `pattern` back until `release()`. */
async function hold(page: Page, pattern: RegExp): Promise<{ release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

const APP_SCRIPT = /\/assets\/index-[^/]*\.js$/;
const HISTOGRAM_SCRIPT = /\/assets\/event-histogram-[^/]*\.js$/;

test.describe('the Event histogram on the first screen (demo-pelion, 100,006 events)', () => {
  test.describe.configure({ timeout: 120_000 });

  test('is drawn before the app runs, with the API’s counts; the app adopts it without an error', async ({
    page,
  }) => {
    const problems = problemsOf(page);
    const counts: string[] = [];
    page.on('request', (request) => {
      if (isCountRequest(request.url())) counts.push(request.url());
    });
    const app = await hold(page, APP_SCRIPT);
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(LOG, { waitUntil: 'commit' });
    const served = page.locator('#root[data-first-screen] figure[aria-label="Event histogram"]');
    await expect(served).toHaveAttribute('data-drawn', 'true');
    // The levels are the app's to count: the figure says it is not complete.
    await expect(served).toHaveAttribute('aria-busy', 'true');
    const bars = await readBars(page);
    expect(bars).toHaveLength(13);
    for (const bar of bars)
      expect(bar.count, bar.start).toBe(
        await countOf(page.request, bar.start, lastIncluded(bar.end)),
      );
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(100_006);
    expect(counts).toEqual([]);

    app.release();
    await appRowTime(page);
    await expect(histogram(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    // The same bars, now stacked by level, and no total was asked for again: only the levels
    // (3 per bar: FAIL, and two of the three others) and no end of the log.
    expect(await readBars(page)).toEqual(bars);
    for (const bar of await histogram(page).locator('[data-bucket-start]').all()) {
      const total = Number(await bar.getAttribute('data-count'));
      const levels = await bar
        .locator('[data-level]')
        .evaluateAll((segments) =>
          segments.reduce(
            (sum, segment) => sum + Number((segment as HTMLElement).dataset.count),
            0,
          ),
        );
      expect(levels).toBe(total);
    }
    expect(counts.every((url) => url.includes('event_type__in'))).toBe(true);
    expect(counts).toHaveLength(13 * 3);
    expect(problems).toEqual([]);
  });

  test('a bar clicked before the app runs opens the log there once it does', async ({ page }) => {
    const problems = problemsOf(page);
    const app = await hold(page, APP_SCRIPT);
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(LOG, { waitUntil: 'commit' });
    const bar = page.locator('#root[data-first-screen] [data-bucket-start]').nth(6);
    const end = await bar.getAttribute('data-bucket-end');
    await bar.click();
    await expect(page.locator('#root')).toHaveAttribute('aria-busy', 'true');
    expect(page.url()).not.toContain('at=');
    app.release();
    await expect(page).toHaveURL((url) => url.searchParams.get('at') === lastIncluded(end!));
    expect(problems).toEqual([]);
  });

  test('a bar clicked after the takeover, before the histogram’s code is in, opens the log there once it is', async ({
    page,
  }) => {
    const problems = problemsOf(page);
    const code = await hold(page, HISTOGRAM_SCRIPT);
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(LOG);
    await appRowTime(page);
    await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen', /.*/);
    // The server's bars stay on screen while the code is held back.
    const bar = histogram(page).locator('[data-bucket-start]').nth(4);
    await expect(histogram(page)).toHaveAttribute('data-drawn', 'true');
    const end = await bar.getAttribute('data-bucket-end');
    await bar.click();
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain('at=');
    await expect(histogram(page)).toHaveAttribute('data-drawn', 'true');
    code.release();
    await expect(page).toHaveURL((url) => url.searchParams.get('at') === lastIncluded(end!));
    expect(problems).toEqual([]);
  });

  test.describe('in a browser far from the server’s zone', () => {
    test.use({ timezoneId: 'America/Los_Angeles' });

    test('the app adopts the server’s bars, then cuts them in local time, with the API’s counts', async ({
      page,
    }) => {
      const problems = problemsOf(page);
      await page.addInitScript({ content: PAGE_PROBE });
      await page.goto(LOG);
      await appRowTime(page);
      await expect(histogram(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
      const bars = await readBars(page);
      // Bars of whole days start on Los Angeles' midnights (every bar but the first, cut by the log).
      for (const bar of bars.slice(1)) {
        const hour = new Date(bar.start).getUTCHours();
        expect([7, 8], bar.start).toContain(hour);
      }
      for (const bar of bars)
        expect(bar.count, bar.start).toBe(
          await countOf(page.request, bar.start, lastIncluded(bar.end)),
        );
      expect(problems).toEqual([]);
    });
  });
});
