/**
 * Accessibility and themes against the production build: an axe-core scan of the device list, the
 * fleet feed and an Event log with its details open, at a desktop (1440×900) and a phone (390×844)
 * size, in the light and the dark theme, fails on any serious or critical violation; the header's
 * Dark mode toggle overrides the system's theme and is remembered.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** Serious and critical violations, one line each with the elements they were found on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

/** The page's background as painted: the theme really applied, not just an attribute set. */
const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const size of SIZES) {
  for (const theme of THEMES) {
    test.describe(`${size.name}, ${theme}`, () => {
      test.use({
        viewport: { width: size.width, height: size.height },
        colorScheme: theme,
      });
      // A full axe scan of a page of 50 rows takes seconds, many more on a busy machine.
      test.describe.configure({ timeout: 180_000 });

      test('the device list has no serious or critical axe violation', async ({ page }) => {
        await page.goto('/demo-pelion/devices');
        await expect(page.locator('tbody tr[data-device-id]')).toHaveCount(50);
        await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
          'aria-pressed',
          String(theme === 'dark'),
        );
        expect(await seriousViolations(page)).toEqual([]);
      });

      test('the fleet feed has no serious or critical axe violation', async ({ page }) => {
        // The last hours' failures: a few dozen rows, each built as the other 200 are.
        await page.goto('/demo-pelion/events?type=FAIL&from=now-3h');
        await expect(
          page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first(),
        ).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });

      test('an Event log with details open has no serious or critical axe violation', async ({
        page,
      }) => {
        await page.goto(`/demo-pelion/devices/${NOTABLE_PELION_DEVICES.burst}/events`);
        const firstRow = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]');
        await firstRow.first().click();
        // Beside the grid on a desktop, a full-screen dialog on a phone.
        await expect(
          page.getByRole(size.name === 'phone' ? 'dialog' : 'region', { name: 'Event details' }),
        ).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  }
}

test('the system theme applies before any script, and the toggle overrides it for good', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`/demo-pelion/devices/${NOTABLE_PELION_DEVICES.burst}/events`);
  // The server's first screen, with no script run at all, is already dark.
  const darkBackground = await bodyBackground(noScript);
  await context.close();

  const page = await browser.newPage({ colorScheme: 'dark' });
  await page.goto('/demo-pelion/devices');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await bodyBackground(page)).toBe(darkBackground);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const lightBackground = await bodyBackground(page);
  expect(lightBackground).not.toBe(darkBackground);

  // Remembered across a reload, and across pages.
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await bodyBackground(page)).toBe(lightBackground);

  // Choosing what the system shows forgets the choice: the page follows the system again.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await page.evaluate(() => localStorage.getItem('fleetlog:theme'))).toBeNull();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await bodyBackground(page)).toBe(lightBackground);
  await page.close();
});
