/** Simulator page timings, in-process, for the table. */
import type { BenchOptions } from './options.ts';
import type { Collector } from './collector.ts';
import type { MeasureKey } from './measures.ts';
import { createAliyunPageTimer, createPelionPageTimer } from './simulator-pages.ts';

export async function simulatorSection(
  options: BenchOptions,
  results: Collector,
  log: (message: string) => void,
): Promise<void> {
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
