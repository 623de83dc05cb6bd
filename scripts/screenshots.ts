/**
 * The README's screenshots of the device list, light and dark, taken with headless Chromium from
 * a running Fleetlog: `tsx scripts/screenshots.ts http://127.0.0.1:5173` (after `npm start`).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.ts';

const origin = process.argv[2] ?? 'http://127.0.0.1:5173';
const shots = [
  { file: 'docs/device-list.png', path: '/demo-pelion/devices', colorScheme: 'light' },
  { file: 'docs/device-list-dark.png', path: '/demo-pelion/devices', colorScheme: 'dark' },
] as const;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 720 },
      colorScheme: shot.colorScheme,
    });
    await page.goto(`${origin}${shot.path}`);
    await page.locator('tbody tr[data-device-id]').nth(10).waitFor();
    await page.screenshot({ path: shot.file });
    await page.close();
    console.log(shot.file);
  }
} finally {
  await browser.close();
}
