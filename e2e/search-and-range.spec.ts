/**
 * Long search text is kept (cut at a cap that is said), wrapped, and never widens the page; bad
 * ranges are explained; Alibaba's retention narrowing is said; opening row after row keeps one
 * history entry.
 */
import { expect, test, type Page } from '@playwright/test';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';

const pelionLog = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`;
const aliyunLog = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`;

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const longText = (length: number) =>
  Array.from({ length }, (_, index) => 'abcdefghij'[index % 10]).join('');

for (const size of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`long search text at ${size.width} px`, () => {
    test.use({ viewport: size });

    test('a 1,200-character link keeps its first 500, says so, and does not widen the page', async ({
      page,
    }) => {
      await page.goto(`${pelionLog}?q=${longText(1200)}`);
      const box = page.getByLabel('Search loaded events');
      await expect(box).toHaveValue(longText(500));
      await expect(page.getByText('Search text is limited to 500 characters')).toBeVisible();
      await expect(page.getByText('Ignored invalid link parameter')).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: 'matches for' })).toContainText(
        '0 matches',
      );
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });
  });
}

test('typing 300 characters filters by all of them (it used to drop the filter)', async ({
  page,
}) => {
  await page.goto(pelionLog);
  const box = page.getByLabel('Search loaded events');
  await expect(page.locator('[data-event-id]').first()).toBeVisible();
  await box.fill(longText(300));
  await expect(page).toHaveURL(new RegExp(`[?&]q=${longText(300)}(&|$)`));
  await expect(page.getByRole('status').filter({ hasText: 'matches for' })).toBeVisible();
  await expect(page.getByText('Search text is limited')).toHaveCount(0);

  await page.goto(`/demo-pelion/devices?q=${longText(300)}`);
  await expect(page.getByLabel('Search devices')).toHaveValue(longText(300));
  await expect(page.getByText('Ignored invalid link parameter')).toHaveCount(0);
});

test('From after To is explained, and one click swaps them', async ({ page }) => {
  const from = '2030-01-01T00:00:00.000Z';
  const to = '2020-01-01T00:00:00.000Z';
  await page.goto(`${pelionLog}?from=${from}&to=${to}`);
  const note = page.getByRole('note').filter({ hasText: 'From is after To' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Swap From and To' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${encodeURIComponent(to)}|from=${to}`));
  await expect(note).toHaveCount(0);
});

test('Alibaba narrowing now-60d to its 30 days is said out loud', async ({ page }) => {
  await page.goto(`${aliyunLog}?from=now-60d`);
  const note = page.getByRole('note').filter({ hasText: 'keeps events for 30 days' });
  await expect(note).toBeVisible();
  const start = Date.parse((await note.locator('time').getAttribute('datetime')) ?? '');
  expect(Math.abs(start - (Date.now() - 30 * 86_400_000))).toBeLessThan(10 * 60_000);
  // Inside retention there is nothing to say.
  await page.goto(`${aliyunLog}?from=now-7d`);
  await expect(page.locator('[data-event-id]').first()).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'keeps events' })).toHaveCount(0);
});

test('opening row after row keeps one history entry: Back leaves the event view', async ({
  page,
}) => {
  await page.goto('/demo-pelion/devices');
  await page.goto(pelionLog);
  const rows = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]');
  await expect(rows.first()).toBeVisible();
  for (const index of [1, 2, 3, 4]) {
    const id = await rows.nth(index).getAttribute('data-event-id');
    await rows.nth(index).click();
    await expect(page).toHaveURL(new RegExp(`/events/${id}`));
  }
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${pelionLog}$`));
  await expect(page.getByRole('region', { name: 'Event details' })).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/demo-pelion\/devices$/);
});
