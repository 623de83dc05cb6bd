/**
 * Export throughput: the Event log of the 100,006-event device exported as NDJSON from a cold
 * page, click → file complete, through the production server and the Pelion demo simulator.
 * The browser's save dialog cannot be driven, so the export takes its download path (Blob parts).
 */
import { stat } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import type { BenchOptions } from '../options.ts';
import { coldPage } from './launch.ts';
import type { Sink } from './scenarios.ts';

const TARGET_EVENTS_PER_SECOND = 20_000;

export interface ExportRun {
  events: number;
  seconds: number;
  bytes: number;
}

/** One NDJSON export of the device's whole Event log from a cold page: click → download complete. */
export async function exportOnce(
  browser: Browser,
  origin: string,
  deviceId: string,
): Promise<ExportRun> {
  const { context, page } = await coldPage(browser, origin);
  try {
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await page.goto(`/demo-pelion/devices/${deviceId}/events`);
    await page.locator('[data-event-id]').first().waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download', { timeout: 300_000 });
    const started = Date.now();
    await page.getByRole('button', { name: 'NDJSON', exact: true }).click();
    const file = await download;
    const path = await file.path();
    const seconds = (Date.now() - started) / 1000;
    const message = await page.getByText(/^Exported [\d,]+ events/).textContent();
    const events = Number(/Exported ([\d,]+)/.exec(message ?? '')?.[1]?.replaceAll(',', ''));
    const bytes = path ? (await stat(path)).size : 0;
    return { events, seconds, bytes };
  } finally {
    await context.close();
  }
}

export async function exportSection(
  browser: Browser,
  origin: string,
  deviceId: string,
  options: BenchOptions,
  sink: Sink,
): Promise<void> {
  const rates: number[] = [];
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      const { events, seconds, bytes } = await exportOnce(browser, origin, deviceId);
      const rate = events / seconds;
      rates.push(rate);
      sink.add('exportThroughput', rate);
      sink.log(
        `export run ${run}: ${events} events, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s`,
      );
    }
    const sorted = [...rates].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    sink.note(
      'exportThroughput',
      `click → download complete, NDJSON, pages of 1,000 through the server; median ${
        median >= TARGET_EVENTS_PER_SECOND ? 'meets' : 'misses'
      } the ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')} events/s target`,
    );
  } catch (error) {
    sink.fail(['exportThroughput'], error);
  }
}
