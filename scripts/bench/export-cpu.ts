/**
 * `npx tsx scripts/bench/export-cpu.ts <origin>@<server pid> …`: the bench's NDJSON export of the
 * 100,006-event log against each running server in turn (EXPORT_CPU_RUNS rounds, default 1),
 * printing the CPU time it cost besides the wall time: Chromium's, by process type (browser,
 * renderer, network service, GPU; read from /proc while the page is still open), and the
 * server's (the pid given). On a machine shared by several sessions the wall time mostly says how
 * busy the machine was; the CPU seconds say what an export costs. Linux only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { coldPage, launchChromium } from './browser/launch.ts';

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a process so far (0 once it has gone). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Every process below `root` (Chromium's, when root is this script). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = Number(
        readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1],
      );
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

function processType(pid: number): string {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([\w-]+)/.exec(command)?.[1] ?? 'browser';
    return type === 'utility' ? 'network' : type;
  } catch {
    return 'gone';
  }
}

const targets = process.argv
  .slice(2)
  .filter((arg) => arg !== '--')
  .map((arg) => {
    const [origin, pid] = arg.split('@');
    return { origin: origin ?? '', pid: Number(pid) };
  });
if (targets.length === 0 || targets.some((t) => !/^https?:\/\//.test(t.origin) || !t.pid)) {
  console.error('usage: npx tsx scripts/bench/export-cpu.ts http://127.0.0.1:5752@<server pid> …');
  process.exit(2);
}
const runs = Number(process.env.EXPORT_CPU_RUNS ?? 1);
const browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
try {
  for (let run = 1; run <= runs; run += 1) {
    for (const { origin, pid } of run % 2 === 1 ? targets : [...targets].reverse()) {
      const { context, page } = await coldPage(browser, origin);
      await page.addInitScript('delete window.showSaveFilePicker');
      await page.goto(`/demo-pelion/devices/${NOTABLE_PELION_DEVICES.longHistory}/events`);
      await page.locator('[data-event-id]').first().waitFor();
      await page.getByRole('button', { name: 'Export' }).click();
      const download = page.waitForEvent('download', { timeout: 300_000 });
      const before = new Map(descendants(process.pid).map((p) => [p, cpuSeconds(p)]));
      const serverBefore = cpuSeconds(pid);
      const started = Date.now();
      await page.getByRole('button', { name: 'NDJSON', exact: true }).click();
      await (await download).path();
      const seconds = (Date.now() - started) / 1000;
      const server = cpuSeconds(pid) - serverBefore;
      const byType = new Map<string, number>();
      for (const p of descendants(process.pid)) {
        const type = processType(p);
        byType.set(type, (byType.get(type) ?? 0) + cpuSeconds(p) - (before.get(p) ?? 0));
      }
      await context.close();
      const browserTotal = [...byType.values()].reduce((a, b) => a + b, 0);
      const parts = [...byType]
        .filter(([, s]) => s >= 0.05)
        .map(([type, s]) => `${type} ${s.toFixed(1)}`)
        .join(', ');
      console.log(
        `run ${run} ${origin}: ${seconds.toFixed(1)} s (${Math.round(100_006 / seconds)} events/s); ` +
          `CPU: Chromium ${browserTotal.toFixed(1)} s (${parts}), server ${server.toFixed(1)} s`,
      );
    }
  }
} finally {
  await browser.close();
}
