/**
 * `npm run bench:export-ab -- <origin A> <origin B> …`: the bench's NDJSON export of the
 * 100,006-event log against running Fleetlog servers, alternating them in one Chromium so every
 * build sees the same machine load. Prints each run and the median events/s per origin.
 *
 * Environment: EXPORT_AB_RUNS (exports per origin, default 3), CHROMIUM_PATH.
 */
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { launchChromium } from './browser/launch.ts';
import { exportOnce } from './browser/export-throughput.ts';
import { summarize } from './stats.ts';

const origins = process.argv.slice(2).filter((arg) => arg !== '--');
if (origins.length < 1 || origins.some((origin) => !/^https?:\/\//.test(origin))) {
  console.error('usage: npm run bench:export-ab -- http://127.0.0.1:5451 http://127.0.0.1:5453');
  process.exit(2);
}
const runs = Number(process.env.EXPORT_AB_RUNS ?? 3);
const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const rates = new Map<string, number[]>(origins.map((origin) => [origin, []]));
try {
  for (let run = 1; run <= runs; run += 1) {
    const order = run % 2 === 1 ? origins : [...origins].reverse();
    for (const origin of order) {
      const { events, seconds, bytes } = await exportOnce(
        browser,
        origin,
        NOTABLE_PELION_DEVICES.longHistory,
      );
      rates.get(origin)?.push(events / seconds);
      console.log(
        `run ${run} ${origin}: ${events} events, ${(bytes / 1e6).toFixed(1)} MB in ` +
          `${seconds.toFixed(2)} s = ${Math.round(events / seconds)} events/s`,
      );
    }
  }
} finally {
  await browser.close();
}
for (const origin of origins) {
  const { median, min, max } = summarize(rates.get(origin) ?? []);
  console.log(
    `${origin}: median ${Math.round(median)} events/s (${Math.round(min)}–${Math.round(max)})`,
  );
}
