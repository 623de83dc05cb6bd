/** The Event log scenarios in Chromium, each run in a fresh (cold) browser context. */
import type { Browser } from '@playwright/test';
import type { BenchOptions } from '../options.ts';
import type { MeasureKey } from '../measures.ts';
import { coldPage, appRowTime } from './launch.ts';
import { loadDeepLink, type DeepLinkLoad } from './deep-link-load.ts';
import { fling, heapAfterGc } from './fling.ts';
import { changeFilter } from './filter-change.ts';

export interface DemoTargets {
  backendId: string;
  /** The demo device with more than 100,000 events. */
  longDeviceId: string;
  /** An Alibaba Event log link (signed POSTs, several streams): its cold load is measured too. */
  aliyunEventLog: string;
}

export interface Sink {
  add(key: MeasureKey, value: number): void;
  fail(keys: MeasureKey[], error: unknown): void;
  note(key: MeasureKey, note: string): void;
  log(message: string): void;
}

const eventsPath = (targets: DemoTargets) =>
  `/${targets.backendId}/devices/${encodeURIComponent(targets.longDeviceId)}/events`;

/**
 * Cold loads of one link: an unmeasured load first warms the server's code paths; every measured
 * one starts cold in Chromium and goes to `record`.
 */
async function coldLoads(
  browser: Browser,
  origin: string,
  path: string,
  runs: number,
  record: (load: DeepLinkLoad, run: number) => void,
) {
  for (let run = 0; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    try {
      const load = await loadDeepLink(page, path);
      if (run > 0) record(load, run);
    } finally {
      await context.close();
    }
  }
}

/**
 * The Event histogram's reads (the smallest page, `limit=2`: a count or a log end), which start
 * once the rows are painted; the deep link's request count is about the rows, so it leaves them out.
 */
const isHistogramRead = (what: string) => /\/device-events\?(?:.*&)?limit=2(?:&|$)/.test(what);
const rowRequests = (load: DeepLinkLoad) => load.api.filter((r) => !isHistogramRead(r.what));

const describeLoad = (load: DeepLinkLoad) =>
  `first row ${Math.round(load.firstRowMs)} ms, app's first row ${Math.round(load.appRowMs)} ms` +
  `${load.firstScreen ? ' (server-rendered first screen)' : ' (no first screen)'}, ` +
  `${rowRequests(load).length} /api requests (+${load.api.length - rowRequests(load).length} histogram reads)`;

async function deepLinkRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  await coldLoads(browser, origin, eventsPath(targets), runs, (load, run) => {
    sink.add('coldLoad', load.firstRowMs);
    sink.add('coldInteractive', load.appRowMs);
    sink.add('initialJs', load.jsGzipBytes / 1000);
    sink.add('deepLinkRequests', rowRequests(load).length);
    sink.log(
      `deep link run ${run}: ${describeLoad(load)}, ` +
        `${load.js.length} scripts ${(load.jsGzipBytes / 1000).toFixed(1)} KB gzip`,
    );
    if (run !== 1) return;
    const files = load.js
      .map((file) => `${new URL(file.url).pathname} ${(file.gzipBytes / 1000).toFixed(1)} KB`)
      .join(', ');
    sink.note(
      'initialJs',
      `node:zlib gzip (level 6) of each script finished before the app's first row; ` +
        `${(load.jsServedBytes / 1000).toFixed(1)} KB as the server compressed them: ${files}`,
    );
    sink.note(
      'deepLinkRequests',
      rowRequests(load)
        .map((request) => `${request.method} ${request.what}`)
        .join('; '),
    );
  });
}

/** The Alibaba link: the same measurement, its own rows in the table. */
async function aliyunDeepLinkRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  await coldLoads(browser, origin, targets.aliyunEventLog, runs, (load, run) => {
    sink.add('aliyunColdLoad', load.firstRowMs);
    sink.add('aliyunColdInteractive', load.appRowMs);
    sink.add('aliyunDeepLinkRequests', rowRequests(load).length);
    sink.log(`Alibaba deep link run ${run}: ${describeLoad(load)}`);
    if (run === 1) sink.note('aliyunColdLoad', targets.aliyunEventLog);
  });
}

async function flingRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  options: BenchOptions,
  sink: Sink,
) {
  for (let run = 1; run <= options.runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    try {
      await page.goto(eventsPath(targets));
      await appRowTime(page);
      const result = await fling(page, {
        pxPerFrame: options.flingPxPerFrame,
        timeoutMs: options.flingTimeoutMs,
      });
      // The row ceiling holds "at any time", so a fling that ran out of time still measured it.
      sink.add('domRows', result.maxRows);
      if (!result.reachedEnd) {
        throw new Error(
          `did not reach "End of log" within ${options.flingTimeoutMs} ms (status: ${result.status})`,
        );
      }
      const heap = await heapAfterGc(page);
      sink.add('flingP95', result.p95FrameMs);
      sink.add('flingLongTask', result.longestTaskMs);
      sink.add('flingDuration', result.durationMs);
      sink.add('heap', heap.usedBytes / 1e6);
      sink.log(
        `fling run ${run}: ${result.intervals.length} rendering frames (+${result.idleFrames} idle), ` +
          `p95 ${result.p95FrameMs.toFixed(1)} ms, ${result.longTasks.length} long tasks (max ${Math.round(result.longestTaskMs)} ms), ` +
          `max ${result.maxRows} rows, ${Math.round(result.durationMs)} ms, heap ${(heap.usedBytes / 1e6).toFixed(1)} MB, ` +
          `${heap.domNodes} DOM nodes; status "${result.status}"`,
      );
      if (run === 1) {
        sink.note(
          'flingP95',
          `scroll container <${result.scroller}>, ${options.flingPxPerFrame} px per frame; idle frames waiting for a page are not counted`,
        );
      }
    } catch (error) {
      sink.fail(['flingP95', 'flingLongTask', 'flingDuration', 'heap'], error);
      sink.fail(['domRows'], error);
      return;
    } finally {
      await context.close();
    }
  }
}

async function filterRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  for (let run = 1; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    try {
      await page.goto(eventsPath(targets));
      await appRowTime(page);
      await page.waitForLoadState('networkidle');
      const result = await changeFilter(
        page,
        () => page.getByRole('button', { name: 'Failures only' }).click(),
        (url) => /\/device-events\/?$/.test(url.pathname),
      );
      sink.add('filterChange', result.renderAfterResponseMs);
      sink.add('filterClick', result.clickToRowsMs);
      sink.log(
        `filter run ${run}: ${result.renderAfterResponseMs.toFixed(1)} ms after the response, ` +
          `${result.clickToRowsMs.toFixed(1)} ms after the click, ${result.rowsShown} rows`,
      );
    } catch (error) {
      sink.fail(['filterChange', 'filterClick'], error);
      return;
    } finally {
      await context.close();
    }
  }
  sink.note(
    'filterChange',
    'Failures only on the 100k device; from responseEnd (Resource Timing) to the first frame showing the new first 5 rows',
  );
}

export async function runBrowserScenarios(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  options: BenchOptions,
  sink: Sink,
): Promise<void> {
  try {
    await deepLinkRuns(browser, origin, targets, options.runs, sink);
  } catch (error) {
    sink.fail(['initialJs', 'coldLoad', 'coldInteractive', 'deepLinkRequests'], error);
  }
  try {
    await aliyunDeepLinkRuns(browser, origin, targets, options.runs, sink);
  } catch (error) {
    sink.fail(['aliyunColdLoad', 'aliyunColdInteractive', 'aliyunDeepLinkRequests'], error);
  }
  await filterRuns(browser, origin, targets, options.runs, sink);
  await flingRuns(browser, origin, targets, options, sink);
}
