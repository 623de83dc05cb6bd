/**
 * `npm run bench:fling-ab -- <origin A> <origin B>`: the bench's fling against two running
 * Fleetlog servers (say, a build of main and a build with a change), alternating A and B in one
 * Chromium so both see the same machine load. Prints each run's p95 frame and the p50/p90/p95 of
 * all frames pooled per origin. Time figures on a shared machine drift; an interleaved comparison
 * is how a change of a millisecond or two can be told from noise.
 *
 * Environment: FLING_AB_RUNS (runs per origin, default 3), FLING_AB_STOP_ROW (stop that many rows
 * deep instead of at "End of log"), BENCH_FLING_PX, CHROMIUM_PATH.
 */
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { appRowTime, coldPage, launchChromium } from './browser/launch.ts';
import { fling } from './browser/fling.ts';
import { quantile } from './stats.ts';

const origins = process.argv.slice(2).filter((arg) => arg !== '--');
if (origins.length < 2 || origins.some((origin) => !/^https?:\/\//.test(origin))) {
  console.error('usage: npm run bench:fling-ab -- http://127.0.0.1:5401 http://127.0.0.1:5400');
  process.exit(2);
}
const runs = Number(process.env.FLING_AB_RUNS ?? 3);
const stopAtRow = process.env.FLING_AB_STOP_ROW ? Number(process.env.FLING_AB_STOP_ROW) : undefined;
const pxPerFrame = Number(process.env.BENCH_FLING_PX ?? 4000);
const path = `/demo-pelion/devices/${encodeURIComponent(NOTABLE_PELION_DEVICES.longHistory)}/events`;

const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const results = new Map<string, { p95: number[]; frames: number[]; longest: number[] }>();
try {
  for (let run = 0; run < runs; run += 1) {
    // A then B, then B then A: neither always runs first.
    const order = run % 2 === 0 ? origins : [...origins].reverse();
    for (const origin of order) {
      const { context, page } = await coldPage(browser, origin);
      try {
        await page.goto(path);
        await appRowTime(page);
        const result = await fling(page, { pxPerFrame, timeoutMs: 240_000, stopAtRow });
        const slot = results.get(origin) ?? { p95: [], frames: [], longest: [] };
        slot.p95.push(result.p95FrameMs);
        slot.frames.push(...result.intervals);
        slot.longest.push(result.longestTaskMs);
        results.set(origin, slot);
        console.log(
          `run ${run + 1} ${origin}: p95 ${result.p95FrameMs.toFixed(1)} ms, ` +
            `${result.intervals.length} frames, max ${result.maxRows} rows`,
        );
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}
for (const origin of origins) {
  const slot = results.get(origin);
  if (!slot) continue;
  const pooled = (q: number) => quantile(slot.frames, q).toFixed(1);
  console.log(
    `${origin}: p95 per run ${slot.p95.map((value) => value.toFixed(1)).join(', ')} ms · ` +
      `all frames p50 ${pooled(0.5)} / p90 ${pooled(0.9)} / p95 ${pooled(0.95)} ms · ` +
      `longest task ${Math.round(Math.max(...slot.longest))} ms`,
  );
}
