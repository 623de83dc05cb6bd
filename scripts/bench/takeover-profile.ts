/**
 * `npx tsx scripts/bench/takeover-profile.ts <origin> [dist dir]`: CPU profiles (DevTools
 * protocol, 200 µs sampling) of the bench's cold deep link from navigation to the app's takeover,
 * several loads summed (TAKEOVER_PROFILE_RUNS, default 3, after one warm-up load). Self time is
 * attributed to source files through the build's source maps (`vite build --sourcemap`; pass the
 * `dist` directory that server serves), grouped by package for node_modules and by file for the
 * app (by function too with TAKEOVER_PROFILE_FUNCTIONS=1), and split at the start-up marks
 * (src/app/boot-marks.ts). Module top-level code is split by source line, which needs an
 * unminified build (`--minify false`) to name the module. `@jridgewell/trace-mapping` comes with
 * Vite's own dependencies.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { coldPage, launchChromium, watchFirstRow } from './browser/launch.ts';
import { BOOT_MARKS } from '../../src/app/boot-marks.ts';
import { LONG_LOG_LINK } from './browser/deep-link-load.ts';

const origin = process.argv[2] ?? 'http://127.0.0.1:5802';
const distDir = process.argv[3] ?? 'dist';
const runs = Number(process.env.TAKEOVER_PROFILE_RUNS ?? 3);
const linkPath = process.env.TAKEOVER_AB_PATH ?? LONG_LOG_LINK;

interface ProfileNode {
  id: number;
  positionTicks?: Array<{ line: number; ticks: number }>;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const maps = new Map<string, TraceMap | null>();
function mapOf(url: string): TraceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: TraceMap | null = null;
  try {
    const file = path.join(distDir, new URL(url).pathname + '.map');
    if (existsSync(file)) map = new TraceMap(readFileSync(file, 'utf8'));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** A module's source file for a line of a chunk (an unminified build keeps modules on their own lines). */
function sourceOfLine(url: string, line: number): string {
  const map = mapOf(url);
  if (!map) return `${new URL(url).pathname}:${line}`;
  for (const column of [0, 2, 4, 8, 16]) {
    const found = originalPositionFor(map, { line, column });
    if (found.source) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(found.source);
      return pkg ? pkg[1]! : found.source.replace(/^.*?\/src\//, 'src/');
    }
  }
  return `${new URL(url).pathname.replace(/-[\w-]{8}\.js$/, '.js')}:${line}`;
}
const topLevel = new Map<string, number>();

function where(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName ? `(${frame.functionName})` : '(program)';
  const map = mapOf(frame.url);
  if (!map) return new URL(frame.url, origin).pathname;
  const found = originalPositionFor(map, {
    line: frame.lineNumber + 1,
    column: Math.max(frame.columnNumber, 0),
  });
  if (!found.source)
    return `${new URL(frame.url).pathname.replace(/-[\w-]{8}\.js$/, '.js')} ${frame.functionName || '(top level)'} (unmapped)`;
  const source = found.source;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? pkg[1]! : source.replace(/^.*?\/src\//, 'src/');
}

const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const totals = new Map<string, Map<string, number>>();
const stepNames = [
  'beforeModules',
  'modules→entry',
  'entry→instance',
  'instance→routerReady',
  'routerReady→takeover',
  'after takeover',
];
try {
  for (let run = 0; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const appRow = watchFirstRow(page, 30_000, 'app');
    await page.goto(linkPath, { waitUntil: 'commit' });
    await appRow();
    // A few ms of a named function at a known page time: where its samples start, the profile's
    // clock (µs) meets the page's (ms from navigation start).
    const syncAt = (await page.evaluate(
      '(function fleetlogClockSync() { const t = performance.now(); while (performance.now() < t + 4); return t; })()',
    )) as number;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const at = JSON.parse(
      (await page.evaluate(
        `JSON.stringify(${JSON.stringify(Object.values(BOOT_MARKS))}.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null))`,
      )) as string,
    ) as Array<number | null>;
    await context.close();
    if (run === 0) continue;
    const bounds = at.slice(0, 5).map((ms) => (ms === null ? Infinity : ms));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    let zero = NaN;
    {
      let at = profile.startTime;
      for (let i = 0; i < profile.samples.length; i += 1) {
        at += profile.timeDeltas[i] ?? 0;
        if (byId.get(profile.samples[i]!)!.callFrame.functionName === 'fleetlogClockSync') {
          zero = at / 1000 - syncAt;
          break;
        }
      }
    }
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i += 1) {
      t += profile.timeDeltas[i] ?? 0;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const node = byId.get(profile.samples[i]!)!;
      if (node.callFrame.functionName === '(idle)') continue;
      const key = process.env.TAKEOVER_PROFILE_FUNCTIONS
        ? `${where(node.callFrame)} ${node.callFrame.functionName}`
        : where(node.callFrame);
      const relative = t / 1000 - zero;
      let step = 0;
      while (step < bounds.length && relative >= bounds[step]!) step += 1;
      const name = stepNames[step] ?? 'after takeover';
      if (node.callFrame.functionName === '' && node.callFrame.url && node.positionTicks) {
        const ticks = node.positionTicks.reduce((sum, tick) => sum + tick.ticks, 0);
        for (const tick of node.positionTicks) {
          const module = sourceOfLine(node.callFrame.url, tick.line);
          topLevel.set(module, (topLevel.get(module) ?? 0) + (dt * tick.ticks) / ticks);
        }
      }
      const table = totals.get(name) ?? new Map<string, number>();
      table.set(key, (table.get(key) ?? 0) + dt);
      totals.set(name, table);
    }
    console.log(`run ${run}: marks ${bounds.map((ms) => Math.round(ms)).join(' · ')}`);
  }
} finally {
  await browser.close();
}

for (const [step, table] of totals) {
  const sum = [...table.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${step}: ${Math.round(sum / runs)} ms per load`);
  for (const [key, ms] of [...table].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${(ms / runs).toFixed(1).padStart(7)} ms  ${key}`);
}

console.log('\nTop-level (module) code by source, per load:');
for (const [key, ms] of [...topLevel].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`  ${(ms / runs).toFixed(1).padStart(7)} ms  ${key}`);
