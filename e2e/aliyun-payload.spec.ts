/**
 * Alibaba payloads read as the thing model names them: OutputData parsed into named fields with
 * units and value labels in Event details, a compact summary in the grid, big integers exact.
 */
import { expect, test } from '@playwright/test';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';

const eventLog = `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events`;

test('OverVoltage: the grid summarises OutputData, details name Voltage in V', async ({ page }) => {
  await page.goto(`${eventLog}?identifier=OverVoltage`);
  const grid = page.getByRole('grid', { name: 'Events' });
  await expect(grid.getByRole('columnheader', { name: 'OutputData' })).toBeVisible();
  const row = grid.locator('[data-event-id]').first();
  await expect(row).toContainText(/voltage=\d+(\.\d+)? · phase=\d/);
  await row.click();
  const details = page.getByRole('region', { name: 'Event details' });
  const payload = details.getByRole('region', { name: 'Payload' });
  await expect(payload.locator('dt', { hasText: 'Voltage' })).toBeVisible();
  await expect(payload.locator('dd').first()).toHaveText(/^\d+(\.\d+)? V$/);
  await expect(payload.locator('dt', { hasText: 'Phase' })).toBeVisible();
});

test('EnergyReport: a counter beyond 2^53 shows every digit the device sent', async ({ page }) => {
  await page.goto(`${eventLog}?identifier=EnergyReport`);
  const row = page.getByRole('grid', { name: 'Events' }).locator('[data-event-id]').first();
  await row.click();
  const details = page.getByRole('region', { name: 'Event details' });
  const raw = (await details.getByLabel('Full record (JSON)').textContent()) ?? '';
  // The wire record keeps OutputData as the device's text: the digits as sent.
  const sent = /\\"energyTotalWh\\":(\d+)/.exec(raw)?.[1];
  expect(sent, raw).toBeDefined();
  expect(BigInt(sent ?? '0') > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  const payload = details.getByRole('region', { name: 'Payload' });
  await expect(payload.locator('dt', { hasText: 'Total energy' })).toBeVisible();
  await expect(payload.locator('dd').first()).toHaveText(sent ?? '');
  await expect(row).toContainText(`energyTotalWh=${sent}`);
});
