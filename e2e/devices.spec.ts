/**
 * The device list and device page against the production build and the simulators: the fleet
 * shows up, search and the status filter narrow it through the URL, headers sort it (in the order
 * of the simulator's own data), statuses read as the filter names them, and a click anywhere on a
 * row opens the device on its Event log tab.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

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
  // The label the Status filter uses for the state.
  expect(new Set(statuses)).toEqual(new Set(['Deregistered']));

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

/** The demo Pelion directory as the simulator lists it (the wire records). */
async function pelionDirectory(request: APIRequestContext) {
  const answer = await request.get('/api/demo-pelion/v3/devices?limit=1000');
  const body = (await answer.json()) as {
    data: Array<{ id: string; name: string | null; updated_at: string }>;
    has_more: boolean;
  };
  expect(body.has_more).toBe(false);
  return body.data;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

test('a header sorts the whole fleet: the URL holds it and the rows follow the simulator’s data', async ({
  page,
  request,
}) => {
  const directory = await pelionDirectory(request);
  const label = (device: { id: string; name: string | null }) => device.name || device.id;
  const byName = [...directory].sort(
    (a, b) => collator.compare(label(a), label(b)) || (a.id < b.id ? -1 : 1),
  );

  await page.goto(LIST);
  await expect(deviceRows(page)).toHaveCount(50);
  const nameHeader = devicesTable(page).getByRole('columnheader', { name: /^Name/ });
  await nameHeader.getByRole('button').click();
  await expect(page).toHaveURL(/\?sort=name$/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(deviceRows(page).first()).toHaveAttribute('data-device-id', byName[0]!.id);
  expect(
    await deviceRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.deviceId)),
  ).toEqual(byName.slice(0, 50).map((device) => device.id));

  // Keyboard: Enter on the focused header reverses the order.
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?sort=name-desc$/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  const reversed = [...directory].sort(
    (a, b) => -collator.compare(label(a), label(b)) || (a.id < b.id ? -1 : 1),
  );
  await expect(deviceRows(page).first()).toHaveAttribute('data-device-id', reversed[0]!.id);

  // Last updated, most recent first, across pages: "Load more" continues the same order.
  await devicesTable(page)
    .getByRole('columnheader', { name: /^Last updated/ })
    .getByRole('button')
    .click();
  await expect(page).toHaveURL(/\?sort=last-seen$/);
  await page.getByRole('button', { name: 'Load more devices' }).click();
  await expect(deviceRows(page)).toHaveCount(Math.min(100, directory.length));
  const byUpdate = [...directory].sort(
    (a, b) =>
      Date.parse(b.updated_at) - Date.parse(a.updated_at) ||
      collator.compare(label(a), label(b)) ||
      (a.id < b.id ? -1 : 1),
  );
  expect(
    await deviceRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.deviceId)),
  ).toEqual(byUpdate.slice(0, 100).map((device) => device.id));

  // A reload keeps the order: the URL is the state.
  await page.reload();
  await expect(
    devicesTable(page).getByRole('columnheader', { name: /^Last updated/ }),
  ).toHaveAttribute('aria-sort', 'descending');
});

test('a click anywhere on a row opens the device; the name stays the row’s link', async ({
  page,
}) => {
  await page.goto(LIST);
  const row = deviceRows(page).nth(3);
  const id = await row.getAttribute('data-device-id');
  const name = await row.getByRole('link').textContent();
  await expect(row.getByRole('link')).toHaveCount(1);
  // The Created cell, nowhere near the link.
  await row.locator('td').last().click();
  await expect(page).toHaveURL(new RegExp(`/demo-pelion/devices/${id}/events$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '');
});

test('Alibaba: statuses read as the filter names them; firmware is the device page’s', async ({
  page,
  request,
}) => {
  await page.goto('/demo-aliyun/devices');
  // The first read of the Alibaba directory is a few dozen signed calls through the server.
  await expect(deviceRows(page)).toHaveCount(50, { timeout: 30_000 });
  const statusFilter = page.getByRole('combobox', { name: 'Status' });
  const filterLabels = (await statusFilter.locator('option').allTextContents()).slice(1);
  const shown = new Set(await deviceRows(page).locator('td:nth-child(3)').allTextContents());
  for (const status of shown) expect(filterLabels).toContain(status);
  expect(shown.has('UNACTIVE')).toBe(false);

  // Filtering by "Not activated" lists only rows that say "Not activated".
  await statusFilter.selectOption({ label: 'Not activated' });
  await expect(page).toHaveURL(/\?status=UNACTIVE$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ of \d+ devices? loaded$/);
  expect(new Set(await deviceRows(page).locator('td:nth-child(3)').allTextContents())).toEqual(
    new Set(['Not activated']),
  );

  // Firmware in the list equals what QueryDeviceDetail (the device page) says.
  await page.goto('/demo-aliyun/devices?status=ONLINE');
  await expect(deviceRows(page)).not.toHaveCount(0);
  for (let index = 0; index < 5; index++) {
    const row = deviceRows(page).nth(index);
    const iotId = (await row.getAttribute('data-device-id')) ?? '';
    const detail = await request.post('/api/demo-aliyun/', {
      form: { Action: 'QueryDeviceDetail', IotId: iotId },
    });
    const { Data } = (await detail.json()) as { Data: { FirmwareVersion?: string } };
    expect(Data.FirmwareVersion).toBeTruthy();
    await expect(row.locator('td:nth-child(5)')).toHaveText(Data.FirmwareVersion!);
  }
});
