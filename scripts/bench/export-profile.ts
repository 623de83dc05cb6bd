/**
 * `npx tsx scripts/bench/export-profile.ts <origin>`: one NDJSON export of the 100,006-event log
 * with a CPU profile of the page (DevTools protocol) and the Resource Timing of its requests.
 * Prints where the page's main thread spent the export (self time by function, idle share) and
 * the requests' timing: how long each page took the server, and how long the page waited between
 * a page arriving and asking for the next.
 */
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { coldPage, launchChromium } from './browser/launch.ts';

const origin = process.argv[2] ?? 'http://127.0.0.1:5541';
const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const { context, page } = await coldPage(browser, origin);
await page.addInitScript(() => {
  delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
});
await page.goto(`/demo-pelion/devices/${NOTABLE_PELION_DEVICES.longHistory}/events`);
await page.locator('[data-event-id]').first().waitFor();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.getByRole('button', { name: 'Export' }).click();
await page.getByRole('button', { name: 'NDJSON', exact: true }).waitFor();
const download = page.waitForEvent('download', { timeout: 300_000 });
await cdp.send('Profiler.start');
const started = Date.now();
const t0 = (await page.evaluate('performance.now()')) as number;
await page.getByRole('button', { name: 'NDJSON', exact: true }).click();
await download;
const seconds = (Date.now() - started) / 1000;
const { profile } = (await cdp.send('Profiler.stop')) as {
  profile: {
    nodes: Array<{
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
    }>;
    samples: number[];
    timeDeltas: number[];
  };
};
const entries = (await page.evaluate(
  `performance.getEntriesByType('resource').filter(e => e.name.includes('/device-events') && e.startTime >= ${t0}).map(e => ({ start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd, size: e.encodedBodySize, decoded: e.decodedBodySize }))`,
)) as Array<{
  start: number;
  requestStart: number;
  responseStart: number;
  end: number;
  size: number;
  decoded: number;
}>;
await context.close();
await browser.close();

const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]!)!;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  total += dt;
  const frame = node.callFrame;
  const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt);
}
console.log(`export: ${seconds.toFixed(2)} s, profile ${total.toFixed(0)} ms`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(
    `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`,
  );
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const server = entries.map((e) => e.responseStart - e.requestStart);
const body = entries.map((e) => e.end - e.responseStart);
const gaps = entries.slice(1).map((e, i) => e.start - entries[i]!.end);
console.log(
  `${entries.length} requests: server wait ${sum(server).toFixed(0)} ms (${(sum(server) / entries.length).toFixed(1)}/page), body ${sum(body).toFixed(0)} ms, gaps between a page's end and the next request ${sum(gaps).toFixed(0)} ms (${(sum(gaps) / Math.max(1, gaps.length)).toFixed(1)}/page), transferred ${(sum(entries.map((e) => e.size)) / 1e6).toFixed(1)} MB`,
);
