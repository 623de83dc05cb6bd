/**
 * Keyboard only: the skip link lands on the Events grid, focus never falls to <body> (End on a
 * row, closing details by Close or Escape), j/k, `/` and the `?` Keyboard shortcuts dialog, page
 * titles naming the device and view, and aria-rowcount telling the log's real total.
 */
import { expect, test, type Page } from '@playwright/test';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';

const longLog = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.longHistory}/events`;
const mediumLog = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`;

/** The focused element: its event id when it is a row of the Events grid, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const row = active?.closest<HTMLElement>('[role="grid"] [role="row"]');
    if (row && row === active)
      return { where: 'row', id: row.dataset.eventId ?? null, index: row.dataset.index };
    return { where: active?.tagName.toLowerCase() ?? 'none', id: null, index: undefined };
  });

async function ready(page: Page, link: string) {
  await page.goto(link);
  await expect(
    page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first(),
  ).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen', /.*/);
}

test.describe('Event log by keyboard', () => {
  test('the skip link lands on the grid; j/k, End and details keep focus on rows', async ({
    page,
  }) => {
    await ready(page, mediumLog);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    const first = await focused(page);
    expect(first.where).toBe('row');
    expect(first.index).toBe('0');

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect((await focused(page)).index).toBe('2');
    await page.keyboard.press('k');
    expect((await focused(page)).index).toBe('1');

    // End: the last loaded row (or the row loading the next page) holds focus, and the arrows go on.
    await page.keyboard.press('End');
    await expect.poll(async () => (await focused(page)).where).toBe('row');
    const atEnd = Number((await focused(page)).index);
    expect(atEnd).toBeGreaterThan(100);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Number((await focused(page)).index)).toBe(atEnd - 1);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused(page)).index).toBe('0');

    // Enter opens details; Escape closes them and focus is back on the row.
    await page.keyboard.press('j');
    const row = await focused(page);
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Event details' });
    await expect(details).toBeVisible();
    await details.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
    await expect.poll(() => focused(page)).toEqual(row);

    // Close, pressed with the keyboard, does the same.
    await page.keyboard.press('Enter');
    await expect(details).toBeVisible();
    await details.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveCount(0);
    await expect.poll(() => focused(page)).toEqual(row);
  });

  test('a row clicked with the mouse, then closed, keeps focus on that row', async ({ page }) => {
    await ready(page, mediumLog);
    const row = page.locator('[data-event-id]').nth(4);
    const id = await row.getAttribute('data-event-id');
    await row.click();
    await page
      .getByRole('region', { name: 'Event details' })
      .getByRole('button', { name: 'Close' })
      .click();
    await expect.poll(async () => (await focused(page)).id).toBe(id);
  });

  test('n and p take the focus to the failure they open; the button leaves focus on itself', async ({
    page,
  }) => {
    await ready(page, longLog);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).index).toBe('0');
    const selected = page.locator('[role="row"][aria-selected="true"]');

    await page.keyboard.press('n');
    await expect(page).toHaveURL(/\/events\/[0-9a-f]+$/);
    const failure = page.url().split('/').pop()!;
    await expect(selected).toHaveAttribute('data-event-id', failure);
    await expect(selected).toContainText('FAIL');
    // Focus is on the failure's row, so the arrows go on from it.
    await expect.poll(async () => (await focused(page)).id).toBe(failure);
    const at = Number((await focused(page)).index);
    expect(at).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => Number((await focused(page)).index)).toBe(at + 1);

    // n again goes on from the open failure to the next one; p comes back; focus follows both.
    await page.keyboard.press('n');
    await expect(page).not.toHaveURL(new RegExp(`/events/${failure}$`));
    const second = page.url().split('/').pop()!;
    await expect(selected).toHaveAttribute('data-event-id', second);
    await expect.poll(async () => (await focused(page)).id).toBe(second);
    await page.keyboard.press('p');
    await expect(page).toHaveURL(new RegExp(`/events/${failure}$`));
    await expect.poll(async () => (await focused(page)).id).toBe(failure);

    // The toolbar's Next failure keeps the focus on the button (pressed again, it goes on).
    const next = page.getByRole('button', { name: 'Next failure' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(new RegExp(`/events/${failure}$`));
    await expect(next).toBeFocused();
  });

  test('/ goes to the search box, ? lists every shortcut', async ({ page }) => {
    await ready(page, mediumLog);
    await page.locator('body').press('/');
    await expect(page.getByLabel('Search loaded events')).toBeFocused();
    // Typed text is text: "j" and "?" in the box are not shortcuts.
    await page.keyboard.type('j?');
    await expect(page.getByLabel('Search loaded events')).toHaveValue('j?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

    await page.getByRole('tab', { name: 'Event log' }).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const key of ['?', '/', 'j', 'k', '↓', '↑', 'Page Down', 'Home', 'End', 'Enter', 'Esc'])
      await expect(dialog.locator('kbd', { hasText: new RegExp(`^${escape(key)}$`) })).toHaveCount(
        1,
      );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('tab', { name: 'Event log' })).toBeFocused();
  });

  test('the device list: / reaches Search devices', async ({ page }) => {
    await page.goto('/demo-pelion/devices');
    await expect(page.locator('tbody tr[data-device-id]').first()).toBeVisible();
    await expect(page).toHaveTitle('Devices — Demo fleet (Izuma/Pelion simulator) — Fleetlog');
    await page.locator('body').press('/');
    await expect(page.getByLabel('Search devices')).toBeFocused();
  });

  test('titles name the device and the view; aria-rowcount tells the whole log', async ({
    page,
  }) => {
    await ready(page, longLog);
    await expect(page).toHaveTitle(/^gateway-longhaul-001 · Event log — .+ — Fleetlog$/);
    const grid = page.getByRole('grid', { name: 'Events' });
    const total = await page.request
      .get(
        `/api/demo-pelion/v3/device-events?device_id__eq=${NOTABLE_PELION_DEVICES.longHistory}&limit=2&include=total_count`,
      )
      .then(async (answer) => ((await answer.json()) as { total_count: number }).total_count);
    expect(total).toBeGreaterThan(100_000);
    // The rows plus the header row.
    await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
    await grid.locator('[data-event-id]').first().click();
    await expect(page).toHaveTitle(/^Event details — gateway-longhaul-001 · Event log — /);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
