/**
 * A theme picked with the header's toggle is on the page's first paint: the server reads the
 * visitor's theme cookie into `<html data-theme>`, so the server-rendered rows are never painted
 * in the other theme while the app's scripts load (src/lib/theme.ts, server/shell.ts).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { PAGE_PROBE } from '../scripts/bench/browser/page-probe.ts';
import { appRowTime } from '../scripts/bench/browser/launch.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { problemsOf } from './support/page-problems.ts';

const eventLog = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`;

/** The page's background as painted: the theme really applied, not just an attribute set. */
const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** The background of each theme, from pages that follow the system (no script runs). */
async function referenceBackgrounds(context: BrowserContext) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/demo-pelion/devices');
  const dark = await bodyBackground(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await bodyBackground(page);
  await page.close();
  expect(dark).not.toBe(light);
  return { dark, light };
}

/**
 * Holds every script of the app back until `release()`: what is on screen meanwhile is the
 * server's HTML and the stylesheet alone, i.e. the first paint.
 */
async function withScriptsHeld(page: Page): Promise<{ release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript({ content: PAGE_PROBE });
  return { release };
}

test.use({ colorScheme: 'light' });

test('a theme chosen with the toggle is the first paint of the next page, before any script', async ({
  page,
  context,
}) => {
  const { dark, light } = await referenceBackgrounds(context);

  await page.goto('/demo-pelion/devices');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // A cold load of an Event log link in the same browser: its HTML already carries the choice.
  const next = await context.newPage();
  const problems = problemsOf(next);
  const scripts = await withScriptsHeld(next);
  const response = await next.goto(eventLog, { waitUntil: 'commit' });
  expect(await response?.text()).toMatch(/<html[^>]* data-theme="dark"/);
  const serverRow = next.locator('#root[data-first-screen] [data-event-id]').first();
  await expect(serverRow).toBeVisible();
  expect(await bodyBackground(next)).toBe(dark);
  expect(await bodyBackground(next)).not.toBe(light);

  // The app takes the page over in the same theme, its toggle pressed, with no mismatch reported.
  scripts.release();
  await appRowTime(next);
  await expect(next.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await bodyBackground(next)).toBe(dark);
  expect(problems).toEqual([]);

  // Back to what the system shows: the choice is forgotten, the next page follows the system.
  await next.getByRole('button', { name: 'Dark mode' }).click();
  await expect(next.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  const third = await context.newPage();
  await withScriptsHeld(third);
  const plain = await third.goto(eventLog, { waitUntil: 'commit' });
  expect(await plain?.text()).not.toContain('data-theme');
  await expect(third.locator('#root[data-first-screen] [data-event-id]').first()).toBeVisible();
  expect(await bodyBackground(third)).toBe(light);
});

test('a light choice holds on a dark system from the first paint', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const { light } = await referenceBackgrounds(context);
  const url = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1');
  await context.addCookies([
    { name: 'fleetlog-theme', value: 'light', domain: url.hostname, path: '/' },
  ]);
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await withScriptsHeld(page);
  await page.goto(eventLog, { waitUntil: 'commit' });
  await expect(page.locator('#root[data-first-screen] [data-event-id]').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bodyBackground(page)).toBe(light);
  await context.close();
});
