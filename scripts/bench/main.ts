/**
 * `npm run bench`: the performance figures of the issue "100,000-event logs stay instant".
 * Builds when dist/ is stale, starts the production server on a free loopback port, times the
 * simulators in-process, puts a bounded load on the proxy, drives Chromium through the Event log
 * scenarios, and prints one table. Exits non-zero when a deterministic budget (initial JS bytes,
 * DOM rows) is exceeded or could not be measured; time figures are reported, not enforced.
 *
 * Env: BENCH_RUNS (5), BENCH_ONLY (sim,load,pages,browser,moment,histogram,export), BENCH_PORT (free port),
 * BENCH_LOAD_CLIENTS (4), BENCH_LOAD_REQUESTS (300), BENCH_PAGE_CONNECTIONS (50),
 * BENCH_PAGE_SECONDS (20), BENCH_FLING_PX (4000 px per frame), BENCH_SIM_PAGES (100), CHROMIUM_PATH.
 */
import { spawnSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { ensureChromium } from '../chromium.ts';
import { readOptions, runsSection } from './options.ts';
import { describeMachine, renderMachine } from './machine.ts';
import { breaksBudget, renderTable } from './report.ts';
import { Collector } from './collector.ts';
import { ensureBuild, startServer, type RunningServer } from './server.ts';
import { simulatorSection } from './sim-section.ts';
import { loadSection } from './load-section.ts';
import { pageLoadSection } from './page-load-section.ts';
import { launchChromium } from './browser/launch.ts';
import { runBrowserScenarios, type DemoTargets } from './browser/scenarios.ts';
import { momentRuns } from './browser/moment.ts';
import { histogramRuns } from './browser/histogram.ts';
import type { MeasureKey } from './measures.ts';
import { exportSection } from './browser/export-throughput.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';

const log = (message: string) => console.error(`[bench] ${message}`);

function chromiumVersionOf(path: string): string {
  const result = spawnSync(path, ['--headless', '--no-sandbox', '--version'], { encoding: 'utf8' });
  return result.stdout.trim() || 'unknown';
}

async function main(): Promise<void> {
  const options = readOptions();
  const wantExport = runsSection(options, 'export');
  const wantBrowser =
    runsSection(options, 'browser') ||
    runsSection(options, 'moment') ||
    runsSection(options, 'histogram') ||
    wantExport;
  const needsServer = wantBrowser || runsSection(options, 'load') || runsSection(options, 'pages');
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
        `load ${options.loadClients} clients × ${options.loadRequests} requests (BENCH_LOAD_CLIENTS, BENCH_LOAD_REQUESTS) · ` +
        `pages ${options.pageConnections} clients × ${options.pageSeconds} s (BENCH_PAGE_CONNECTIONS, BENCH_PAGE_SECONDS)\n`,
    );

    // In-process, before the server exists: its start-up (the demo fleet is generated in the
    // background) would share the two cores with these timings.
    if (runsSection(options, 'sim')) await simulatorSection(options, results, log);
    if (needsServer) {
      ensureBuild();
      server = await startServer(options.port);
      log(`server at ${server.origin}`);
    }
    if (server && runsSection(options, 'load')) await loadSection(options, server, results, log);
    if (
      server &&
      browser &&
      (runsSection(options, 'browser') ||
        runsSection(options, 'moment') ||
        runsSection(options, 'histogram'))
    ) {
      const targets: DemoTargets = {
        backendId: 'demo-pelion',
        longDeviceId: NOTABLE_PELION_DEVICES.longHistory,
        // The 70,000-event meter, EventTypes info and alert: two RPC streams merged.
        aliyunEventLog: `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.longHistory}/events?eventType=info,alert`,
      };
      const sink = {
        add: (key: MeasureKey, value: number) => results.add(key, value),
        fail: (keys: MeasureKey[], error: unknown) => results.fail(keys, error),
        note: (key: MeasureKey, note: string) => results.note(key, note),
        log,
      };
      if (runsSection(options, 'browser'))
        await runBrowserScenarios(browser, server.origin, targets, options, sink);
      if (runsSection(options, 'moment'))
        await momentRuns(browser, server.origin, targets, options.runs, sink);
      if (runsSection(options, 'histogram'))
        await histogramRuns(browser, server.origin, targets, options.runs, sink);
    }
    if (server && browser && wantExport) {
      await exportSection(browser, server.origin, NOTABLE_PELION_DEVICES.longHistory, options, {
        add: (key, value) => results.add(key, value),
        fail: (keys, error) => results.fail(keys, error),
        note: (key, note) => results.note(key, note),
        log,
      });
    }
    // Last: 50 clients × 20 s leave the server tens of thousands of pages' garbage to collect; the
    // cold loads that used to follow read a first row of 584 ms right after it, 421 ms in a
    // browser-only run on the same quiet machine (2026-12-02).
    if (server && runsSection(options, 'pages'))
      await pageLoadSection(options, server, results, log);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }

  const table = results.table([
    'initialJs',
    'coldLoad',
    'coldInteractive',
    'deepLinkRequests',
    'aliyunColdLoad',
    'aliyunColdInteractive',
    'aliyunDeepLinkRequests',
    'flingP95',
    'flingLongTask',
    'flingDuration',
    'heap',
    'domRows',
    'filterChange',
    'filterClick',
    'momentEventLink',
    'momentNextFailure',
    'histogramDrawn',
    'histogramComplete',
    'momentScrollMiddle',
    'momentScrollRequests',
    'momentEnd',
    'momentHome',
    'momentNextFailureFar',
    'pelionSimPage',
    'aliyunSimPage',
    'pelionLoadThroughput',
    'pelionLoadP50',
    'pelionLoadP95',
    'aliyunLoadThroughput',
    'aliyunLoadP50',
    'aliyunLoadP95',
    'pageLoadThroughput',
    'pageLoadP50',
    'pageLoadP99',
    'pageLoadFirstScreens',
    'pageLoadBackendsP50',
    'pageLoadBackendsP99',
    'exportThroughput',
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
