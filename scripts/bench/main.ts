/**
 * `npm run bench`: the performance figures of the issue "100,000-event logs stay instant".
 * Builds when dist/ is stale, starts the production server on a free loopback port, times the
 * simulators in-process, puts a bounded load on the proxy, drives Chromium through the Event log
 * scenarios, and prints one table. Exits non-zero when a deterministic budget (initial JS bytes,
 * DOM rows) is exceeded or could not be measured; time figures are reported, not enforced.
 *
 * Env: BENCH_RUNS (5), BENCH_ONLY (sim,load,browser), BENCH_PORT (free port), BENCH_LOAD_CLIENTS (4),
 * BENCH_LOAD_REQUESTS (300), BENCH_FLING_PX (4000 px per frame), BENCH_SIM_PAGES (100),
 * CHROMIUM_PATH.
 */
import { spawnSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { ensureChromium } from '../chromium.ts';
import { readOptions, runsSection, type BenchOptions } from './options.ts';
import { describeMachine, renderMachine } from './machine.ts';
import { breaksBudget, renderTable, type MeasureResult } from './report.ts';
import { MEASURES, type MeasureKey } from './measures.ts';
import { ensureBuild, startServer, type RunningServer } from './server.ts';
import { createAliyunPageTimer, createPelionPageTimer } from './simulator-pages.ts';
import { aliyunWalker, pelionWalker, runLoad } from './loopback-load.ts';
import { launchChromium } from './browser/launch.ts';
import { runBrowserScenarios, type DemoTargets } from './browser/scenarios.ts';
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../../server/fleet/aliyun-fleet.ts';

/** The Alibaba account quota is 50 queries/s; the demo enforces it, so the load stays under it. */
const ALIYUN_RATE = 45;

class Collector {
  private readonly results = new Map<MeasureKey, MeasureResult>();

  private entry(key: MeasureKey): MeasureResult {
    let result = this.results.get(key);
    if (!result) {
      result = { measure: MEASURES[key], samples: [] };
      this.results.set(key, result);
    }
    return result;
  }

  add(key: MeasureKey, value: number): void {
    this.entry(key).samples.push(value);
  }

  fail(keys: MeasureKey[], error: unknown): void {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    for (const key of keys) this.entry(key).error ??= message;
  }

  note(key: MeasureKey, note: string): void {
    this.entry(key).note = note;
  }

  table(order: MeasureKey[]): MeasureResult[] {
    return order.flatMap((key) => this.results.get(key) ?? []);
  }
}

const log = (message: string) => console.error(`[bench] ${message}`);

async function simulatorSection(options: BenchOptions, results: Collector): Promise<void> {
  const keys: MeasureKey[] = ['pelionSimPage', 'aliyunSimPage'];
  try {
    const pelion = createPelionPageTimer();
    const aliyun = createAliyunPageTimer();
    // The first page of a device generates its history; that is start-up, not a page.
    await pelion.walk(1);
    await aliyun.walk(1);
    for (let run = 1; run <= options.runs; run += 1) {
      const p = await pelion.walk(options.simulatorPages);
      const a = await aliyun.walk(options.simulatorPages);
      results.add('pelionSimPage', p.medianMs);
      results.add('aliyunSimPage', a.medianMs);
      log(
        `simulators run ${run}: Pelion ${p.pages} pages (${p.events} events) median ${p.medianMs.toFixed(2)} ms; ` +
          `Alibaba ${a.pages} pages (${a.events} events) median ${a.medianMs.toFixed(2)} ms`,
      );
    }
    results.note(
      'pelionSimPage',
      `median page of each run's walk (${options.simulatorPages} pages max, DESC by after cursor)`,
    );
  } catch (error) {
    results.fail(keys, error);
  }
}

async function loadSection(
  options: BenchOptions,
  server: RunningServer,
  results: Collector,
): Promise<void> {
  const pelion = pelionWalker(server.origin, 'demo-pelion', NOTABLE_PELION_DEVICES.longHistory);
  const aliyun = aliyunWalker(server.origin, 'demo-aliyun', ALIYUN_NOTABLE_DEVICES.longHistory);
  try {
    await runLoad(pelion, { clients: 1, requests: 20 });
    for (let run = 1; run <= options.runs; run += 1) {
      const r = await runLoad(pelion, {
        clients: options.loadClients,
        requests: options.loadRequests,
      });
      if (r.failures > 0) throw new Error(`${r.failures} of ${r.requests} Pelion pages failed`);
      results.add('pelionLoadThroughput', r.throughput);
      results.add('pelionLoadP50', r.p50Ms);
      results.add('pelionLoadP95', r.p95Ms);
      log(`load Pelion run ${run}: ${r.requests} req in ${Math.round(r.durationMs)} ms`);
    }
    results.note(
      'pelionLoadThroughput',
      `${options.loadClients} clients × ${options.loadRequests} requests per run on 127.0.0.1, unpaced`,
    );
  } catch (error) {
    results.fail(['pelionLoadThroughput', 'pelionLoadP50', 'pelionLoadP95'], error);
  }
  try {
    const requests = Math.min(options.loadRequests, ALIYUN_RATE * 4);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a fresh second of quota
    for (let run = 1; run <= options.runs; run += 1) {
      const r = await runLoad(aliyun, {
        clients: options.loadClients,
        requests,
        ratePerSecond: ALIYUN_RATE,
      });
      if (r.failures > 0) throw new Error(`${r.failures} of ${r.requests} Alibaba pages failed`);
      results.add('aliyunLoadThroughput', r.throughput);
      results.add('aliyunLoadP50', r.p50Ms);
      results.add('aliyunLoadP95', r.p95Ms);
      log(`load Alibaba run ${run}: ${r.requests} req in ${Math.round(r.durationMs)} ms`);
    }
    results.note(
      'aliyunLoadThroughput',
      `${options.loadClients} clients × ${requests} requests per run, paced at ${ALIYUN_RATE}/s (the API's 50 QPS quota, enforced by the demo)`,
    );
  } catch (error) {
    results.fail(['aliyunLoadThroughput', 'aliyunLoadP50', 'aliyunLoadP95'], error);
  }
}

function chromiumVersionOf(path: string): string {
  const result = spawnSync(path, ['--headless', '--no-sandbox', '--version'], { encoding: 'utf8' });
  return result.stdout.trim() || 'unknown';
}

async function main(): Promise<void> {
  const options = readOptions();
  const wantBrowser = runsSection(options, 'browser');
  const needsServer = wantBrowser || runsSection(options, 'load');
  const chromiumPath = wantBrowser ? await ensureChromium() : null;
  let browser: Browser | null = null;
  let server: RunningServer | null = null;
  const results = new Collector();

  try {
    if (chromiumPath) browser = await launchChromium(chromiumPath);
    const chromiumVersion = browser
      ? `${browser.version()} (${chromiumPath})`
      : chromiumVersionOf(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
    console.log(renderMachine(describeMachine(chromiumVersion)));
    console.log(
      `Runs: ${options.runs} (BENCH_RUNS) · fling ${options.flingPxPerFrame} px/frame (BENCH_FLING_PX) · ` +
        `load ${options.loadClients} clients × ${options.loadRequests} requests (BENCH_LOAD_CLIENTS, BENCH_LOAD_REQUESTS)\n`,
    );

    if (needsServer) {
      ensureBuild();
      server = await startServer(options.port);
      log(`server at ${server.origin}`);
    }
    if (runsSection(options, 'sim')) await simulatorSection(options, results);
    if (server && runsSection(options, 'load')) await loadSection(options, server, results);
    if (server && browser) {
      const targets: DemoTargets = {
        backendId: 'demo-pelion',
        longDeviceId: NOTABLE_PELION_DEVICES.longHistory,
      };
      await runBrowserScenarios(browser, server.origin, targets, options, {
        add: (key, value) => results.add(key, value),
        fail: (keys, error) => results.fail(keys, error),
        note: (key, note) => results.note(key, note),
        log,
      });
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }

  const table = results.table([
    'initialJs',
    'coldLoad',
    'deepLinkRequests',
    'flingP95',
    'flingLongTask',
    'flingDuration',
    'heap',
    'domRows',
    'filterChange',
    'filterClick',
    'pelionSimPage',
    'aliyunSimPage',
    'pelionLoadThroughput',
    'pelionLoadP50',
    'pelionLoadP95',
    'aliyunLoadThroughput',
    'aliyunLoadP50',
    'aliyunLoadP95',
  ]);
  console.log(renderTable(table));
  console.log(`\nLoad average at the end: ${describeMachine('').load} (1/5/15 min)`);
  if (breaksBudget(table)) {
    console.log(
      '\nA deterministic budget (initial JS bytes or DOM rows) was exceeded or not measured.',
    );
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
