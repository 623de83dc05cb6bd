/** The fleet-wide feed: every device's events from the Pelion API without a device filter. */
import { expect, test } from '@playwright/test';
import { EVENT_CODES_BY_MESSAGE_TYPE } from '../src/backends/pelion/event-codes.ts';

const FAIL_CODES = EVENT_CODES_BY_MESSAGE_TYPE.FAIL.map((info) => info.code);

test('lists failures across devices, newest first, each linking to its device’s log at that event', async ({
  page,
  request,
}) => {
  // Before the live device's ticks, so the list does not move while it is compared.
  const to = new Date(Date.now() - 60_000).toISOString();
  const answer = await request.get(
    `/api/demo-pelion/v3/device-events?${new URLSearchParams({
      order: 'DESC',
      limit: '30',
      event_type__in: FAIL_CODES.join(','),
      date_time__lte: to,
    })}`,
  );
  const { data } = (await answer.json()) as {
    data: Array<{ id: string; device_id: string; event_type_description: string }>;
  };
  const expected = data.filter((event) => event.event_type_description === 'FAIL').slice(0, 20);
  expect(new Set(expected.map((event) => event.device_id)).size).toBeGreaterThan(1);

  await page.goto(`/demo-pelion/events?type=FAIL&to=${encodeURIComponent(to)}`);
  const rows = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.evaluateAll((elements) =>
    elements.slice(0, 20).map((row) => (row as HTMLElement).dataset.eventId),
  );
  expect(shown).toEqual(expected.map((event) => event.id));

  const first = expected[0]!;
  const link = rows.first().getByRole('gridcell').first().getByRole('link');
  const href = await link.getAttribute('href');
  expect(href).toMatch(
    new RegExp(`^/demo-pelion/devices/${first.device_id}/events/${first.id}\\?.*from=.*to=`),
  );
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/devices/${first.device_id}/events/${first.id}`));
  await expect(
    page.getByRole('grid', { name: 'Events' }).locator(`[data-event-id="${first.id}"]`),
  ).toHaveAttribute('aria-selected', 'true');
});

test('the page is named for the fleet; each device, by name, opens its own log with the feed’s filters', async ({
  page,
  request,
}) => {
  const deviceReads: URL[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (url.pathname.startsWith('/api/demo-pelion/v3/devices')) deviceReads.push(url);
  });
  const to = new Date(Date.now() - 60_000).toISOString();
  await page.goto(`/demo-pelion/events?type=FAIL&to=${encodeURIComponent(to)}`);
  await expect(page).toHaveTitle(
    /^Fleet events — Demo fleet \(Izuma\/Pelion simulator\) — Fleetlog$/,
  );
  const rows = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]');
  const device = rows.first().getByRole('gridcell').nth(1).getByRole('link');
  const deviceId = /\/devices\/([0-9a-f]{32})\/events\?/.exec(
    (await device.getAttribute('href'))!,
  )![1]!;
  const record = (await (await request.get(`/api/demo-pelion/v3/devices/${deviceId}`)).json()) as {
    name: string | null;
  };
  const name = record.name ?? deviceId;
  // The device's name, read for the whole page at once: one id__in call per 50 devices.
  await expect(device).toHaveText(name);
  const shown = await rows.evaluateAll((elements) => elements.length);
  expect(deviceReads.length).toBeGreaterThan(0);
  expect(deviceReads.length).toBeLessThanOrEqual(Math.ceil(shown / 50));
  for (const url of deviceReads) expect(url.searchParams.get('id__in')).toBeTruthy();

  await device.click();
  await expect(page).toHaveURL(
    new RegExp(`/demo-pelion/devices/${deviceId}/events\\?(?=.*type=FAIL)(?=.*to=)`),
  );
  const log = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]');
  await expect(log.first()).toContainText('FAIL');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'FAIL' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'INFO' })).not.toBeChecked();
});

test('one Tab stop for the feed: the arrows move between rows and links, Tab goes on to Load more', async ({
  page,
}) => {
  await page.goto('/demo-pelion/events?type=FAIL');
  const grid = page.getByRole('grid', { name: 'Events' });
  const rows = grid.locator('[data-event-id]');
  await expect(rows.nth(199)).toBeAttached();
  const link = (row: number, cell: number) =>
    rows.nth(row).getByRole('gridcell').nth(cell).getByRole('link');
  // The shortcut list names this page's keys.
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.locator('kbd', { hasText: /^←$/ })).toHaveCount(1);
  await expect(help.locator('kbd', { hasText: /^→$/ })).toHaveCount(1);
  await expect(help).toContainText('Between an event’s time and its device');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // From the control before the grid, one Tab lands on the first row's time.
  await page.getByRole('searchbox', { name: 'Search loaded events' }).focus();
  await page.keyboard.press('Tab');
  await expect(link(0, 0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(link(2, 0)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(link(2, 1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(link(199, 1)).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(link(179, 1)).toBeFocused();
  // Out of the grid at once (it held 400 links), and back to where the keyboard was.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Load more events' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(link(179, 1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/demo-pelion\/devices\/[0-9a-f]{32}\/events\?/);
});

test('Search loaded events narrows the feed’s rows; Copy link copies the view and says so', async ({
  page,
}) => {
  await page.goto('/demo-pelion/events?type=FAIL');
  const rows = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]');
  await expect(rows).toHaveCount(200);
  const code = ((await rows.nth(5).getByRole('gridcell').nth(3).textContent()) ?? '').split(
    ' ',
  )[0]!;
  const codes = await rows.evaluateAll((elements) =>
    elements.map((row) => row.querySelectorAll('[role="gridcell"]')[3]?.textContent ?? ''),
  );
  const expected = codes.filter((text) => text.toLowerCase().includes(code.toLowerCase())).length;
  expect(expected).toBeLessThan(200);

  await page.getByRole('searchbox', { name: 'Search loaded events' }).fill(code);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${code}`));
  // Every row whose event shows the code stays; so may one that has it elsewhere (its payload).
  await expect.poll(() => rows.count()).toBeLessThan(200);
  const shown = await rows.count();
  expect(shown).toBeGreaterThanOrEqual(expected);
  for (const text of await rows.evaluateAll((elements) =>
    elements.map((row) => row.textContent ?? ''),
  ))
    expect(text).toContain(code);
  await expect(page.getByRole('status').first()).toContainText(`${shown} match “${code}”`);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('the Alibaba kind says its API has no fleet-wide query', async ({ page }) => {
  await page.goto('/demo-aliyun/devices');
  await page.getByRole('link', { name: 'Fleet events' }).click();
  await expect(page).toHaveURL(/\/demo-aliyun\/events$/);
  await expect(page.getByText(/cannot list events across devices/)).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Events' })).toHaveCount(0);
});
