/**
 * `npm run bench:takeover-ab -- <origin A> <origin B> …`: the bench's cold deep link (the 100k
 * Pelion device's Event log) against running Fleetlog servers, alternating them in one Chromium
 * so every build sees the same machine load. Prints per origin the median and range of the first
 * row, the takeover (the app's own first row: from then on the page answers input) and the gzip
 * JavaScript loaded before it.
 *
 * Environment: TAKEOVER_AB_RUNS (cold loads per origin, default 5), TAKEOVER_AB_PATH (another
 * link), TAKEOVER_AB_TRACE (a directory: one Chromium trace per origin of its first measured load,
 * for chrome://tracing or the DevTools Performance panel), CHROMIUM_PATH.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { coldPage, launchChromium } from './browser/launch.ts';
import { LONG_LOG_LINK, loadDeepLink, type DeepLinkLoad } from './browser/deep-link-load.ts';
import { summarize } from './stats.ts';

const origins = process.argv.slice(2).filter((arg) => arg !== '--');
if (origins.length < 1 || origins.some((origin) => !/^https?:\/\//.test(origin))) {
  console.error('usage: npm run bench:takeover-ab -- http://127.0.0.1:5451 http://127.0.0.1:5453');
  process.exit(2);
}
const runs = Number(process.env.TAKEOVER_AB_RUNS ?? 5);
const linkPath = process.env.TAKEOVER_AB_PATH ?? LONG_LOG_LINK;
const traceDir = process.env.TAKEOVER_AB_TRACE;
if (traceDir) mkdirSync(traceDir, { recursive: true });

const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const loads = new Map<string, DeepLinkLoad[]>(origins.map((origin) => [origin, []]));
try {
  // Run 0 warms each server's code paths and is not counted; then A B …, B A …, alternating.
  for (let run = 0; run <= runs; run += 1) {
    const order = run % 2 === 0 ? origins : [...origins].reverse();
    for (const [index, origin] of order.entries()) {
      const { context, page } = await coldPage(browser, origin);
      const trace = traceDir && run === 1;
      try {
        if (trace) {
          await browser.startTracing(page, {
            path: path.join(traceDir, `takeover-${origins.indexOf(origin)}.json`),
            screenshots: false,
          });
        }
        const load = await loadDeepLink(page, linkPath);
        if (trace) await browser.stopTracing();
        if (run === 0) continue;
        loads.get(origin)?.push(load);
        console.log(
          `run ${run}.${index} ${origin}: first row ${Math.round(load.firstRowMs)} ms, ` +
            `takeover ${Math.round(load.appRowMs)} ms, ${load.js.length} scripts ` +
            `${(load.jsGzipBytes / 1000).toFixed(1)} KB gzip, ${load.api.length} /api requests` +
            `${load.firstScreen ? '' : ' (no first screen)'}`,
        );
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}

const STEPS = [
  'html',
  'scripts',
  'modules',
  'entry',
  'instance',
  'routerReady',
  'takeover',
] as const;

/** Median of each start-up step (ms from navigation start) over the loads that recorded it. */
function describeSteps(samples: DeepLinkLoad[]): string {
  return STEPS.map((step) => {
    const at = samples.map((load) => load.steps[step]).filter((value) => value !== undefined);
    return `${step} ${at.length > 0 ? Math.round(summarize(at).median) : '—'}`;
  }).join(' · ');
}

/**
 * Medians of spans between marks taken within each load (a load's later mark minus its earlier
 * one). On a busy machine the difference of two marks' medians says little: each comes from
 * another load.
 */
function describeDurations(samples: DeepLinkLoad[]): string {
  const spans: Array<[string, (typeof STEPS)[number], (typeof STEPS)[number]]> = [
    ['modules→entry', 'modules', 'entry'],
    ['entry→routerReady', 'entry', 'routerReady'],
    ['routerReady→takeover', 'routerReady', 'takeover'],
    ['modules→takeover', 'modules', 'takeover'],
  ];
  return spans
    .map(([label, from, to]) => {
      const ms = samples
        .map((load) => (load.steps[to] ?? NaN) - (load.steps[from] ?? NaN))
        .filter((value) => Number.isFinite(value));
      return `${label} ${ms.length > 0 ? Math.round(summarize(ms).median) : '—'}`;
    })
    .join(' · ');
}

const describe = (samples: number[]) => {
  const { median, min, max } = summarize(samples);
  return `${Math.round(median)} ms (${Math.round(min)}–${Math.round(max)})`;
};
for (const origin of origins) {
  const samples = loads.get(origin) ?? [];
  const js = samples[0];
  console.log(
    `${origin}: first row ${describe(samples.map((load) => load.firstRowMs))} · ` +
      `takeover ${describe(samples.map((load) => load.appRowMs))} · ` +
      `JS ${js ? (js.jsGzipBytes / 1000).toFixed(1) : '?'} KB gzip, ${js?.js.length ?? '?'} scripts`,
  );
  console.log(`  ${describeSteps(samples)}`);
  console.log(`  per load: ${describeDurations(samples)}`);
  if (js && process.env.TAKEOVER_AB_FILES) {
    for (const file of js.js)
      console.log(`  ${new URL(file.url).pathname} ${(file.gzipBytes / 1000).toFixed(1)} KB`);
  }
}
