/**
 * Export of an opened export (/import): the operator who received a file exports the filtered
 * view of it again, as NDJSON or CSV. The events come from the worker holding the opened file,
 * raw records read again from the file; the NDJSON names the backend the file came from, so it
 * opens again at /import.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { parseCsv } from './support/csv.ts';

const LONG = NOTABLE_PELION_DEVICES.longHistory;

interface Download {
  name: string;
  path: string;
  text: string;
}

/** Export through the UI (the save dialog is not scriptable: the download path). */
async function exportAs(page: Page, format: 'CSV' | 'NDJSON', savePath: string): Promise<Download> {
  const download = page.waitForEvent('download', { timeout: 240_000 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: format, exact: true }).click();
  const file = await download;
  await file.saveAs(savePath);
  return { name: file.suggestedFilename(), path: savePath, text: await readFile(savePath, 'utf8') };
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const lines = (text: string) => text.trimEnd().split('\n');

test('the filtered view of an opened export exports again as NDJSON and CSV, and the NDJSON opens again', async ({
  page,
}, testInfo) => {
  test.setTimeout(480_000);
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });

  // A file made by the live log's Export: several thousand FAIL and SKIPPED events.
  await page.goto(`/demo-pelion/devices/${LONG}/events?type=FAIL,SKIPPED`);
  await expect(grid(page).locator('[data-event-id]').first()).toBeVisible();
  const original = await exportAs(page, 'NDJSON', testInfo.outputPath('received.ndjson'));
  const [originalHeaderLine, ...originalLines] = lines(original.text);
  const originalHeader = JSON.parse(originalHeaderLine!) as Record<string, unknown>;
  const originalRecords = originalLines.map(
    (line) => JSON.parse(line) as { id: string; level: string; code: string; description: string },
  );
  expect(originalRecords.length).toBeGreaterThan(3000);

  // Opened, then filtered to SKIPPED, oldest first.
  await page.goto('/import');
  await page.getByLabel('Choose an export').setInputFiles(original.path);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Imported file: received.ndjson' }),
  ).toBeVisible({ timeout: 60_000 });
  await page.getByRole('group', { name: 'Message type' }).getByLabel('SKIPPED').check();
  await page.getByLabel('Order').selectOption('asc');
  await expect(page).toHaveURL(/type=SKIPPED/);
  await expect(page).toHaveURL(/order=asc/);
  // What the view holds: the file's SKIPPED lines, oldest first (the file is newest first).
  const expectedLines = originalLines
    .filter((_, at) => originalRecords[at]!.level === 'SKIPPED')
    .reverse();
  expect(expectedLines.length).toBeGreaterThan(100);
  expect(expectedLines.length).toBeLessThan(originalLines.length);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(expectedLines.length + 1));

  // NDJSON: the header names the backend the file came from; every line is the received file's
  // line for that event, byte for byte (normalised fields and the raw record as the backend sent it).
  const again = await exportAs(page, 'NDJSON', testInfo.outputPath('again.ndjson'));
  expect(again.name).toMatch(new RegExp(`^fleetlog_demo-pelion_${LONG}_.*\\.ndjson$`));
  const [headerLine, ...recordLines] = lines(again.text);
  const header = JSON.parse(headerLine!) as Record<string, unknown>;
  expect(header).toMatchObject({
    type: 'fleetlog-export',
    version: 1,
    backendId: 'demo-pelion',
    kind: 'pelion',
    backendLabel: originalHeader.backendLabel,
    deviceId: LONG,
  });
  expect(String(header.view)).toContain('type=SKIPPED');
  expect(recordLines).toEqual(expectedLines);
  await expect(
    page.getByText(`Exported ${expectedLines.length.toLocaleString('en-US')} events`),
  ).toBeVisible();

  // CSV of the same view: one row per event, same ids and fields, in the same order.
  const csv = await exportAs(page, 'CSV', testInfo.outputPath('again.csv'));
  expect(csv.name).toMatch(new RegExp(`^fleetlog_demo-pelion_${LONG}_.*\\.csv$`));
  const [columns, ...rows] = parseCsv(csv.text);
  expect(columns?.[0]).toBe('id');
  const expected = expectedLines.map(
    (line) => JSON.parse(line) as { id: string; code: string; description: string },
  );
  expect(rows.map((row) => row[0])).toEqual(expected.map((record) => record.id));
  rows.forEach((row, at) => {
    expect(row[3]).toBe('SKIPPED');
    expect(row[6]).toBe(expected[at]!.code);
    expect(row[8]).toBe(expected[at]!.description);
    expect(row[9]).toBe(LONG);
  });

  // The NDJSON written from the opened file opens again, with exactly those events.
  await page.getByLabel('Choose an export').setInputFiles(again.path);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Imported file: again.ndjson' }),
  ).toBeVisible({ timeout: 60_000 });
  const summary = page.getByRole('region', { name: /Imported file/ });
  await expect(summary).toContainText(
    `${expectedLines.length.toLocaleString('en-US')} in the file`,
  );
  await expect(summary).toContainText('demo-pelion');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(expectedLines.length + 1));
  await expect(grid(page).locator('[data-event-id]').first()).toHaveAttribute(
    'data-event-id',
    expected[0]!.id,
  );
});
