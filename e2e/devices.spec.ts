/**
 * The device list and device page against the production build and the Pelion simulator
 * (demo-pelion): the fleet shows up, search and the status filter narrow it through the URL,
 * and a row opens the device on its Event log tab.
 */
import { expect, test, type Page } from '@playwright/test';

const LIST = '/demo-pelion/devices';

const devicesTable = (page: Page) => page.getByRole('table', { name: 'Devices' });
const deviceRows = (page: Page) => devicesTable(page).locator('tbody tr[data-device-id]');

test('the device list shows the demo fleet, a page at a time', async ({ page }) => {
  await page.goto(LIST);
  await expect(deviceRows(page)).toHaveCount(50);
  await expect(page.getByRole('status')).toHaveText(/^50 of \d{3} devices loaded$/);
  const total = Number((await page.getByRole('status').textContent())?.match(/of (\d+)/)?.[1]);

  await page.getByRole('button', { name: 'Load more devices' }).click();
  await expect(deviceRows(page)).toHaveCount(Math.min(100, total));
  // Every row links to its device page by name (or id when unnamed).
  const firstLink = deviceRows(page).first().getByRole('link');
  await expect(firstLink).toHaveAttribute('href', /^\/demo-pelion\/devices\/[0-9a-f]{32}$/);
});

test('search narrows the list by substring and lives in ?q=', async ({ page }) => {
  await page.goto(LIST);
  await expect(deviceRows(page)).toHaveCount(50);
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('pump-station');
  await expect(page).toHaveURL(/\?q=pump-station$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ devices loaded/);
  const names = await deviceRows(page).getByRole('link').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  expect(names.length).toBeLessThan(50);
  for (const name of names) expect(name).toContain('pump-station');

  // Typing replaced the history entry instead of adding one per keystroke: Back leaves the list.
  await page.goBack();
  await expect(page).not.toHaveURL(/q=/);
});

test('the status filter narrows the list and survives a reload', async ({ page }) => {
  await page.goto(LIST);
  await expect(deviceRows(page)).toHaveCount(50);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('deregistered');
  await expect(page).toHaveURL(/\?status=deregistered$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ of \d+ devices loaded$/);
  const statuses = await deviceRows(page).locator('td:nth-child(3)').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.length).toBeLessThan(50);
  expect(new Set(statuses)).toEqual(new Set(['deregistered']));

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('deregistered');
  await expect(deviceRows(page)).toHaveCount(statuses.length);
});

test('a row opens the device page on its Event log tab; the breadcrumb returns to the filtered list', async ({
  page,
}) => {
  await page.goto(`${LIST}?q=edge-gateway`);
  const link = deviceRows(page).first().getByRole('link');
  const name = (await link.textContent()) ?? '';
  expect(name).toContain('edge-gateway');
  await link.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page).toHaveURL(/\/demo-pelion\/devices\/[0-9a-f]{32}\/events$/);
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByText('Firmware', { exact: true })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Devices' })
    .click();
  await expect(page).toHaveURL(/\/demo-pelion\/devices\?q=edge-gateway$/);
  await expect(page.getByRole('searchbox', { name: 'Search devices' })).toHaveValue('edge-gateway');
});

test('an unknown device id shows a clear not-found page', async ({ page }) => {
  await page.goto(`${LIST}/ffffffffffffffffffffffffffffffff`);
  await expect(page.getByRole('heading', { level: 1, name: 'Device not found' })).toBeVisible();
});
