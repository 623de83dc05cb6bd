/** The shell against the production build: entry redirect, unknown backends, deep links and invalid links. */
import { expect, test } from '@playwright/test';

test('/ redirects to the first backend’s device list', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/demo-pelion\/devices$/);
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Backend' })).toHaveValue('demo-pelion');
  await expect(page.getByRole('main')).toBeVisible();
});

test('an unknown backend shows a not-found page that links to the available ones', async ({
  page,
}) => {
  await page.goto('/no-such-backend/devices');
  await expect(page.getByRole('heading', { level: 1, name: 'Backend not found' })).toBeVisible();
  await page.getByRole('link', { name: /Izuma\/Pelion/ }).click();
  await expect(page).toHaveURL(/\/demo-pelion\/devices$/);
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible();
});

test('a deep link into a device loads directly and survives a reload (history fallback)', async ({
  page,
  request,
}) => {
  const answer = await request.get('/api/demo-pelion/v3/devices?limit=2');
  const { data } = (await answer.json()) as { data: Array<{ id: string; name: string | null }> };
  const device = data[0]!;
  const url = `/demo-pelion/devices/${device.id}/events?order=asc`;

  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(device.name ?? device.id);
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${device.id}/events\\?order=asc$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(device.name ?? device.id);
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('the bare device URL opens the Event log tab and keeps the link’s parameters', async ({
  page,
  request,
}) => {
  const answer = await request.get('/api/demo-pelion/v3/devices?limit=2');
  const { data } = (await answer.json()) as { data: Array<{ id: string }> };
  await page.goto(`/demo-pelion/devices/${data[0]!.id}?order=asc`);
  await expect(page).toHaveURL(
    new RegExp(`/demo-pelion/devices/${data[0]!.id}/events\\?order=asc$`),
  );
});

test('invalid link parameters are dropped with a visible notice, never a crash', async ({
  page,
}) => {
  await page.goto('/demo-pelion/devices?status=exploded&sort=sideways');
  await expect(page.getByRole('note')).toContainText('status=exploded');
  await expect(page.getByRole('note')).toContainText('sort=sideways');
  await expect(
    page.getByRole('table', { name: 'Devices' }).locator('tr[data-device-id]'),
  ).toHaveCount(50);
});
