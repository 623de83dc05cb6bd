/**
 * The README's screenshots of the device list (light and dark), Event logs at 1440×900 with their
 * details beside the grid (a Pelion log filtered to FAIL, light; an Alibaba log with its payload,
 * dark) and the phone layout (390×844: device list, Event log, details as a full-screen sheet),
 * taken with headless Chromium from a running Fleetlog: `tsx scripts/screenshots.ts
 * http://127.0.0.1:5173` (after `npm start`).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.ts';

const origin = process.argv[2] ?? 'http://127.0.0.1:5173';
const desktop = { width: 1280, height: 720 };
const phone = { width: 390, height: 844 };
const deviceRow = 'tbody tr[data-device-id]';
const eventRow = '[data-event-id]';
const shots: ReadonlyArray<{
  file: string;
  path: string;
  colorScheme: 'light' | 'dark';
  viewport: { width: number; height: number };
  ready: string;
  /** A row to open (its details) before the shot. */
  open?: number;
}> = [
  {
    file: 'docs/device-list.png',
    path: '/demo-pelion/devices',
    colorScheme: 'light',
    viewport: desktop,
    ready: deviceRow,
  },
  {
    file: 'docs/device-list-dark.png',
    path: '/demo-pelion/devices',
    colorScheme: 'dark',
    viewport: desktop,
    ready: deviceRow,
  },
  {
    file: 'docs/event-log-fail.png',
    path: '/demo-pelion/devices/01682647e01e00000000000100100000/events?type=FAIL',
    colorScheme: 'light',
    viewport: { width: 1440, height: 900 },
    ready: eventRow,
    open: 2,
  },
  {
    file: 'docs/event-log-aliyun-dark.png',
    path: '/demo-aliyun/devices/LongHistMeter0000000A00100/events?identifier=OverVoltage',
    colorScheme: 'dark',
    viewport: { width: 1440, height: 900 },
    ready: eventRow,
    open: 1,
  },
  {
    // The Event histogram of the 100,006-event log, every level counted.
    file: 'docs/event-log-histogram.png',
    path: '/demo-pelion/devices/01682647e01e00000000000100100000/events',
    colorScheme: 'light',
    viewport: { width: 1440, height: 900 },
    ready: 'figure[aria-busy="false"] [data-bucket-start]',
  },
  {
    file: 'docs/event-log-phone.png',
    path: '/demo-pelion/devices/016826b5c4ee00000000000100100002/events',
    colorScheme: 'light',
    viewport: phone,
    ready: eventRow,
  },
  {
    file: 'docs/event-log-phone-details-dark.png',
    path: '/demo-aliyun/devices/LongHistMeter0000000A00100/events?identifier=OverVoltage',
    colorScheme: 'dark',
    viewport: phone,
    ready: eventRow,
    open: 0,
  },
  {
    file: 'docs/device-list-phone-dark.png',
    path: '/demo-aliyun/devices',
    colorScheme: 'dark',
    viewport: phone,
    ready: deviceRow,
  },
];

/**
 * An event link deep in the 100,006-event demo log, no range: the log opens at the event. Its id
 * depends on when the server started, so it is read from the API first.
 */
async function deepEventPath(): Promise<string> {
  const device = '01682647e01e00000000000100100000';
  const answer = await fetch(
    `${origin}/api/demo-pelion/v3/device-events?device_id__eq=${device}&order=ASC&limit=1000`,
  );
  const { data } = (await answer.json()) as { data: Array<{ id: string }> };
  return `/demo-pelion/devices/${device}/events/${data[500]?.id ?? ''}`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  const deep = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await deep.goto(`${origin}${await deepEventPath()}`);
  await deep.locator('[aria-selected="true"][data-event-id]').waitFor();
  await deep.getByRole('region', { name: 'Event details' }).waitFor();
  await deep.waitForTimeout(500);
  await deep.screenshot({ path: 'docs/event-log-moment.png' });
  await deep.close();
  console.log('docs/event-log-moment.png');
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, colorScheme: shot.colorScheme });
    await page.goto(`${origin}${shot.path}`);
    await page.locator(shot.ready).nth(3).waitFor();
    if (shot.open !== undefined) {
      await page.locator(shot.ready).nth(shot.open).click();
      // Beside the grid, or a full-screen dialog on a phone.
      await page.getByRole('heading', { name: 'Event details' }).waitFor();
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: shot.file });
    await page.close();
    console.log(shot.file);
  }
} finally {
  await browser.close();
}
