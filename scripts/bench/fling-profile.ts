/**
 * `npx tsx scripts/bench/fling-profile.ts <origin> [out.json]`: where a frame of the bench's fling
 * goes. Flings the 100k log of a running server (to FLING_PROFILE_STOP_ROW, default 20,000) with a
 * Chromium trace recording, then prints the renderer main thread's time per trace event (script,
 * style, layout, paint, …) per frame, the hottest JavaScript functions by self time, and the
 * fling's p95 frame. The trace is written to `out.json` when given (open it in Chromium's
 * Performance panel). The figures include the tracing overhead: compare runs, not absolutes.
 */
import { writeFileSync } from 'node:fs';
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { appRowTime, coldPage, launchChromium } from './browser/launch.ts';
import { fling } from './browser/fling.ts';
import { quantile } from './stats.ts';

const [origin, out] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!origin || !/^https?:\/\//.test(origin)) {
  console.error('usage: npx tsx scripts/bench/fling-profile.ts http://127.0.0.1:5400 [trace.json]');
  process.exit(2);
}
const stopAtRow = Number(process.env.FLING_PROFILE_STOP_ROW ?? 20_000);
const path = `/demo-pelion/devices/${encodeURIComponent(NOTABLE_PELION_DEVICES.longHistory)}/events`;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task cost, without the time other processes took the core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
try {
  const { context, page } = await coldPage(browser, origin);
  await page.goto(path);
  await appRowTime(page);
  // The column model and the histogram load once the page is idle: let them.
  await page.waitForTimeout(3000);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'v8.execute',
        ...(process.env.FLING_PROFILE_JS === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
        'blink.user_timing',
      ],
    },
  });
  const result = await fling(page, { pxPerFrame: 4000, timeoutMs: 240_000, stopAtRow });
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  if (out) writeFileSync(out, JSON.stringify({ traceEvents: events }));

  const frames = result.intervals.length;
  console.log(
    `fling: ${frames} frames, p95 ${result.p95FrameMs.toFixed(1)} ms, longest task ` +
      `${Math.round(result.longestTaskMs)} ms, max ${result.maxRows} rows, ${result.rowsScrolled} rows deep`,
  );

  // The renderer's main thread: the one running the page's scripts.
  const main = events.find(
    (event) => event.name === 'FunctionCall' || event.name === 'EvaluateScript',
  );
  const onMain = events.filter(
    (event) => main && event.pid === main.pid && event.tid === main.tid && event.ph === 'X',
  );
  const totals = new Map<string, { ms: number; cpu: number; count: number }>();
  for (const event of onMain) {
    const slot = totals.get(event.name) ?? { ms: 0, cpu: 0, count: 0 };
    slot.ms += (event.dur ?? 0) / 1000;
    slot.cpu += (event.tdur ?? event.dur ?? 0) / 1000;
    slot.count += 1;
    totals.set(event.name, slot);
  }
  const rows = [...totals.entries()].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 20);
  console.log('\nmain thread per frame, ms: wall and CPU (inclusive), count:');
  for (const [name, { ms, cpu, count }] of rows) {
    console.log(
      `  ${name.padEnd(36)} ${(ms / frames).toFixed(2).padStart(7)} ${(cpu / frames).toFixed(2).padStart(7)}  ${count}`,
    );
  }
  // CPU time of the main thread's tasks between two animation frames: the frame's own cost.
  const rafs = onMain.filter((event) => event.name === 'FireAnimationFrame').map((e) => e.ts);
  const tasks = onMain.filter((event) => event.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const perFrame: number[] = [];
  let task = 0;
  for (let i = 1; i < rafs.length; i += 1) {
    let cpu = 0;
    while (task < tasks.length && tasks[task]!.ts < rafs[i]!) {
      if (tasks[task]!.ts >= rafs[i - 1]!) cpu += (tasks[task]!.tdur ?? 0) / 1000;
      task += 1;
    }
    perFrame.push(cpu);
  }
  console.log(
    `main-thread CPU per frame: p50 ${quantile(perFrame, 0.5).toFixed(1)} / p90 ` +
      `${quantile(perFrame, 0.9).toFixed(1)} / p95 ${quantile(perFrame, 0.95).toFixed(1)} ms, ` +
      `mean ${(perFrame.reduce((a, b) => a + b, 0) / perFrame.length).toFixed(1)} ms`,
  );

  // JavaScript self time from the sampled CPU profile (ProfileChunk events).
  const nodes = new Map<number, { name: string; url: string; line: number }>();
  const self = new Map<number, number>();
  for (const event of events) {
    if (event.name !== 'ProfileChunk') continue;
    const data = (event.args?.data ?? {}) as {
      cpuProfile?: {
        nodes?: Array<{
          id: number;
          callFrame: {
            functionName: string;
            url: string;
            lineNumber: number;
            columnNumber: number;
          };
        }>;
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const node of data.cpuProfile?.nodes ?? []) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      nodes.set(node.id, {
        name: functionName || '(anonymous)',
        url: `${(url ?? '').replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}`,
        line: lineNumber,
      });
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, index) => {
      self.set(id, (self.get(id) ?? 0) + (deltas[index + 1] ?? deltas[index] ?? 0) / 1000);
    });
  }
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = nodes.get(id);
    if (!node) continue;
    const key = `${node.name} ${node.url}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  console.log('\nJS and runtime self time per frame (ms), sampled:');
  for (const [key, ms] of [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(ms / frames).toFixed(3).padStart(7)}  ${key}`);
  }
} finally {
  await browser.close();
}
