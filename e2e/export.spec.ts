/**
 * Export of every event a view matches, through the real server and the demo simulators: the file
 * holds exactly what the backend holds for the view, not just the loaded rows.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { parseCsv } from './support/csv.ts';

const LONG = NOTABLE_PELION_DEVICES.longHistory;

interface WireEvent {
  id: string;
  date_time: string;
  event_type_description: string;
}

/** Every event of a device as the wire API pages it (newest first), read by this test itself. */
async function wholeDeviceLog(request: APIRequestContext, deviceId: string): Promise<WireEvent[]> {
  const all: WireEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const params = new URLSearchParams({ device_id__eq: deviceId, order: 'DESC', limit: '1000' });
    if (after) params.set('after', after);
    const answer = await request.get(`/api/demo-pelion/v3/device-events?${params}`);
    const body = (await answer.json()) as { data: WireEvent[]; has_more: boolean };
    all.push(...body.data);
    if (!body.has_more) return all;
    after = body.data.at(-1)!.id;
  }
}

/** The browser's save dialog is not scriptable: these tests take the download path. */
async function withoutSaveDialog(page: Page) {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

async function exportAs(page: Page, format: 'CSV' | 'NDJSON') {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: format, exact: true }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test.beforeEach(async ({ page }) => withoutSaveDialog(page));

test('NDJSON of a filtered view holds every matching event the simulator has, raw and normalised', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const expected = (await wholeDeviceLog(request, LONG)).filter(
    (event) => event.event_type_description === 'FAIL',
  );
  expect(expected.length).toBeGreaterThan(3000);

  await page.goto(`/demo-pelion/devices/${LONG}/events?type=FAIL`);
  await expect(
    page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first(),
  ).toBeVisible();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  // The export's requests wait until the progress bar and Cancel have been seen: read in slices
  // at once, a few thousand events can be done before a look at the page would find them.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/device-events\?/, async (route) => {
    await held;
    await route.fallback();
  });
  const file = exportAs(page, 'NDJSON');
  await expect(progress).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  release();
  const { name, text } = await file;
  await expect(progress).toHaveCount(0);

  expect(name).toContain('demo-pelion');
  expect(name).toContain(LONG);
  expect(name.endsWith('.ndjson')).toBe(true);
  const [header, ...lines] = text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(header).toMatchObject({
    type: 'fleetlog-export',
    backendId: 'demo-pelion',
    deviceId: LONG,
    view: '?type=FAIL',
  });
  expect(lines.map((line) => line.id)).toEqual(expected.map((event) => event.id));
  // Each record as the backend sent it, beside the normalised fields.
  expect(lines.map((line) => line.raw)).toEqual(expected);
  expect(lines.every((line) => line.level === 'FAIL' && line.isFailure === true)).toBe(true);
  await expect(
    page.getByText(`Exported ${expected.length.toLocaleString('en-US')} events`),
  ).toBeVisible();
});

test('CSV quotes commas, quotes and JSON payloads so it reads back to the same records', async ({
  page,
}) => {
  await page.goto(`/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.tieHeavy}/events`);
  await expect(
    page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first(),
  ).toBeVisible();
  const ndjson = await exportAs(page, 'NDJSON');
  const csv = await exportAs(page, 'CSV');
  expect(csv.name).toContain('demo-aliyun');
  expect(csv.name).toContain(ALIYUN_NOTABLE_DEVICES.tieHeavy);

  const records = ndjson.text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map(
      (line) =>
        JSON.parse(line) as { id: string; code: string; description: string; payload?: unknown },
    );
  const [columns, ...rows] = parseCsv(csv.text);
  expect(columns).toEqual([
    'id',
    'time',
    'timeText',
    'level',
    'rawLevel',
    'failure',
    'code',
    'category',
    'description',
    'deviceId',
    'payload',
  ]);
  expect(rows).toHaveLength(records.length);
  expect(records.length).toBeGreaterThan(100);
  rows.forEach((row, at) => {
    expect(row).toHaveLength(columns!.length);
    const record = records[at]!;
    expect(row[0]).toBe(record.id);
    expect(row[6]).toBe(record.code);
    expect(row[8]).toBe(record.description);
    expect(row[10] === '' ? undefined : JSON.parse(row[10]!)).toEqual(record.payload);
  });
  // The simulator's payloads carry quotes and commas: the file really had to quote them.
  expect(csv.text).toContain('""');
});

test('Cancel stops an export of the 100,000-event log and no file is made', async ({ page }) => {
  await page.goto(`/demo-pelion/devices/${LONG}/events`);
  await expect(
    page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first(),
  ).toBeVisible();
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'NDJSON', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', /of 100,006 events, [2-9]\d* pages/);
  await expect(progress).toHaveAttribute('aria-valuemax', '100006');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByText('Export cancelled.')).toBeVisible();
  await page.waitForTimeout(1500);
  expect(downloads).toBe(0);
});
