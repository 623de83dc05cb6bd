/** `BENCH_ONLY=pages`: the Event log link under many concurrent clients, for the table. */
import type { BenchOptions } from './options.ts';
import type { Collector } from './collector.ts';
import type { RunningServer } from './server.ts';
import { runPageLoad } from './page-load.ts';
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';

export async function pageLoadSection(
  options: BenchOptions,
  server: RunningServer,
  results: Collector,
  log: (message: string) => void,
): Promise<void> {
  const link = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`;
  const keys = [
    'pageLoadThroughput',
    'pageLoadP50',
    'pageLoadP99',
    'pageLoadFirstScreens',
    'pageLoadBackendsP50',
    'pageLoadBackendsP99',
  ] as const;
  try {
    // The demo history is built on first use; not part of what is measured.
    await runPageLoad(server.origin, link, { connections: 2, seconds: 2 });
    const r = await runPageLoad(server.origin, link, {
      connections: options.pageConnections,
      seconds: options.pageSeconds,
    });
    if (r.failures > 0) throw new Error(`${r.failures} of ${r.pages} requests failed`);
    results.add('pageLoadThroughput', r.pagesPerSecond);
    results.add('pageLoadP50', r.p50Ms);
    results.add('pageLoadP99', r.p99Ms);
    results.add('pageLoadFirstScreens', (r.firstScreens / r.pages) * 100);
    results.add('pageLoadBackendsP50', r.backends.p50Ms);
    results.add('pageLoadBackendsP99', r.backends.p99Ms);
    results.note(
      'pageLoadThroughput',
      `${options.pageConnections} connections for ${options.pageSeconds} s on ${link} (${r.pages} pages); ` +
        `/api/backends every 100 ms meanwhile from a worker thread (${r.backends.requests} requests, max ${Math.round(r.backends.maxMs)} ms)`,
    );
    results.note(
      'pageLoadBackendsP99',
      `timed from a worker thread; the same probe on the bench's main event loop (beside the page clients): ` +
        `p50 ${r.backendsInProcess.p50Ms.toFixed(1)} ms, p99 ${r.backendsInProcess.p99Ms.toFixed(1)} ms`,
    );
    log(`page load: ${r.pages} pages in ${Math.round(r.durationMs)} ms`);
  } catch (error) {
    results.fail([...keys], error);
  }
}
