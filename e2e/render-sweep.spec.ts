/**
 * Server and browser render the same screen for every link: a sweep over varied links of both
 * demo backends (empty results, retention notices, filters, invalid parameters, event links), in
 * two time zones far from the server's, fails on any console error or warning — a failed
 * hydration (React #418/#425) is reported as one — and on any uncaught error.
 */
import { expect, test, type Page } from '@playwright/test';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { problemsOf as pageProblems } from './support/page-problems.ts';

const pelionLog = (device: string) => `/demo-pelion/devices/${device}/events`;
const aliyunLog = (device: string) => `/demo-aliyun/devices/${device}/events`;

const LINKS: readonly string[] = [
  '/demo-pelion/devices',
  '/demo-pelion/devices?q=gateway&sort=name',
  '/demo-aliyun/devices',
  '/demo-aliyun/devices?status=UNACTIVE',
  pelionLog(NOTABLE_PELION_DEVICES.mediumHistory),
  `${pelionLog(NOTABLE_PELION_DEVICES.mediumHistory)}?type=FAIL&order=asc`,
  `${pelionLog(NOTABLE_PELION_DEVICES.burst)}?tz=utc&q=FAIL`,
  `${pelionLog(NOTABLE_PELION_DEVICES.legacy)}?from=now-7d`,
  `${pelionLog(NOTABLE_PELION_DEVICES.noEvents)}`,
  `${pelionLog(NOTABLE_PELION_DEVICES.mediumHistory)}?type=BOGUS&order=sideways`,
  `${pelionLog(NOTABLE_PELION_DEVICES.mediumHistory)}?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z`,
  aliyunLog(ALIYUN_NOTABLE_DEVICES.empty),
  `${aliyunLog(ALIYUN_NOTABLE_DEVICES.customModule)}?identifier=Nope`,
  `${aliyunLog(ALIYUN_NOTABLE_DEVICES.longHistory)}?eventType=error`,
  `${aliyunLog(ALIYUN_NOTABLE_DEVICES.longHistory)}?from=now-60d`,
  `${aliyunLog(ALIYUN_NOTABLE_DEVICES.longHistory)}?to=2020-01-01T00:00:00Z`,
  `${aliyunLog(ALIYUN_NOTABLE_DEVICES.tieHeavy)}?tz=utc&order=asc`,
  '/demo-pelion/devices/no-such-device/events',
  '/demo-aliyun/devices/NoSuchDevice/events',
  '/no-such-backend/devices',
];

/** Console errors and warnings and uncaught errors, as they happen. */
// A 404 answer (an unknown device or backend) is the page's subject, not a rendering fault.
const problemsOf = (page: Page) =>
  pageProblems(page, (text) => text.startsWith('Failed to load resource'));

/** Loads a link and waits until the app has taken the page over and settled. */
async function visit(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen', /.*/);
  await expect(page.locator('#root')).not.toHaveAttribute('aria-busy', 'true');
  await page.waitForLoadState('networkidle');
  // Effects scheduled after the last answer have run.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

/** A link to one event of a log, as the app writes it when the row is opened. */
async function eventLinkOf(page: Page, log: string): Promise<string> {
  await page.goto(log);
  const row = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').nth(3);
  const id = await row.getAttribute('data-event-id');
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/events/${encodeURIComponent(id ?? '')}`));
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

for (const timezoneId of ['America/Los_Angeles', 'Asia/Kolkata']) {
  test.describe(`every link renders alike on server and browser (${timezoneId})`, () => {
    test.use({ timezoneId });

    test('varied links of both backends, without a console error', async ({ page }) => {
      test.setTimeout(180_000);
      const eventLinks = [
        await eventLinkOf(page, pelionLog(NOTABLE_PELION_DEVICES.mediumHistory)),
        await eventLinkOf(page, aliyunLog(ALIYUN_NOTABLE_DEVICES.longHistory)),
      ];
      const problems = problemsOf(page);
      const seen: string[] = [];
      for (const link of [...LINKS, ...eventLinks]) {
        await visit(page, link);
        seen.push(...problems.splice(0).map((problem) => `${link}: ${problem}`));
      }
      expect(seen).toEqual([]);
    });

    test('the empty Alibaba log keeps the server’s screen and says where history starts', async ({
      page,
    }) => {
      const problems = problemsOf(page);
      await visit(page, aliyunLog(ALIYUN_NOTABLE_DEVICES.empty));
      await expect(page.getByRole('status').filter({ hasText: 'No events' })).toContainText(
        'History is available from',
      );
      expect(problems).toEqual([]);
    });
  });
}
