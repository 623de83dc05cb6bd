/**
 * `npm run bench:histogram-ab -- <origin A> <origin B> …`: the bench's histogram scenario (the
 * 100k Pelion device's Event log, no range) against running Fleetlog servers, alternating them in
 * one Chromium so every build sees the same machine load. Prints per origin the median and range
 * of the bars drawn and every level counted, after the first row and after the app's own first
 * row (the takeover, which the histogram cannot start before), and the count requests.
 *
 * Environment: HISTOGRAM_AB_RUNS (cold loads per origin, default 5), CHROMIUM_PATH.
 */
import { coldPage, launchChromium } from './browser/launch.ts';
import { describeTimeline, loadHistogram } from './browser/histogram.ts';
import { summarize } from './stats.ts';
import { LONG_LOG_LINK } from './browser/deep-link-load.ts';

const origins = process.argv.slice(2).filter((arg) => arg !== '--');
if (origins.length < 1 || origins.some((origin) => !/^https?:\/\//.test(origin))) {
  console.error('usage: npm run bench:histogram-ab -- http://127.0.0.1:5451 http://127.0.0.1:5453');
  process.exit(2);
}
const runs = Number(process.env.HISTOGRAM_AB_RUNS ?? 5);
const linkPath = LONG_LOG_LINK;

interface Sample {
  /** The first row (the server's, where it rendered one), ms since navigation. */
  firstRow: number;
  drawn: number;
  complete: number;
  drawnAfterApp: number;
  counts: number;
}

const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const samples = new Map<string, Sample[]>(origins.map((origin) => [origin, []]));
try {
  // Run 0 warms each server's code paths and is not counted; then A B …, B A …, alternating.
  for (let run = 0; run <= runs; run += 1) {
    const order = run % 2 === 0 ? origins : [...origins].reverse();
    for (const origin of order) {
      const { context, page } = await coldPage(browser, origin);
      try {
        const { firstRowAt, marks, timeline, counts } = await loadHistogram(
          context,
          page,
          linkPath,
        );
        if (run === 0) continue;
        const appRowAt = timeline.appRowAt ?? firstRowAt;
        const sample: Sample = {
          firstRow: firstRowAt,
          drawn: marks.drawnAt! - firstRowAt,
          complete: marks.completeAt - firstRowAt,
          drawnAfterApp: marks.drawnAt! - appRowAt,
          counts,
        };
        samples.get(origin)?.push(sample);
        console.log(
          `run ${run} ${origin}: first row at ${Math.round(firstRowAt)} ms, ` +
            `drawn ${Math.round(sample.drawn)} ms after it ` +
            `(${Math.round(sample.drawnAfterApp)} after the app's), complete ${Math.round(sample.complete)}, ${counts} count requests`,
        );
        console.log(`  ${describeTimeline(timeline, firstRowAt)}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}

const describe = (values: number[]) => {
  if (values.length === 0) return '—';
  const { median, min, max } = summarize(values);
  return `${Math.round(median)} ms (${Math.round(min)}–${Math.round(max)})`;
};
for (const origin of origins) {
  const list = samples.get(origin) ?? [];
  console.log(
    `${origin}: first row at ${describe(list.map((s) => s.firstRow))} · ` +
      `drawn after it ${describe(list.map((s) => s.drawn))} · after the app's ` +
      `${describe(list.map((s) => s.drawnAfterApp))} · complete ${describe(list.map((s) => s.complete))} · ` +
      `${list[0]?.counts ?? '?'} count requests`,
  );
}
