/** The bounded loopback load on the running server, for the table. */
import type { BenchOptions } from './options.ts';
import type { Collector } from './collector.ts';
import type { RunningServer } from './server.ts';
import { aliyunWalker, pelionWalker, runLoad } from './loopback-load.ts';
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../../server/fleet/aliyun-fleet.ts';

/** The Alibaba account quota is 50 queries/s; the demo enforces it, so the load stays under it. */
const ALIYUN_RATE = 45;

export async function loadSection(
  options: BenchOptions,
  server: RunningServer,
  results: Collector,
  log: (message: string) => void,
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
