/**
 * `npm run bench:takeover-detached -- <origin>`: the bench's cold deep link loaded with no DevTools
 * client on the page while it loads — as a user's browser loads it — beside the same load with a
 * client that has called `Runtime.enable` (as Playwright does on every page it drives), with and
 * without the harness's V8 flags (HARNESS_JS_FLAGS in scripts/chromium.ts). Chromium is driven
 * over its own DevTools pipe, without Playwright: for the detached loads the script opens a blank
 * tab in a fresh browser context, asks it to navigate and detaches before the response arrives,
 * then reads the page's start-up marks (src/app/boot-marks.ts) once it has taken over.
 *
 * The bench's own figures come from Playwright-driven pages; this is how to check that the
 * harness does not make the app look slower (or faster) than a browser nobody is inspecting.
 *
 * Environment: DETACHED_RUNS (cold loads per mode, default 8), DETACHED_PATH (another link),
 * CHROMIUM_PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { BOOT_MARKS } from '../../src/app/boot-marks.ts';
import { playwrightCommandLine, withDisabledFeatures, withJsFlags } from '../chromium.ts';
import { summarize } from './stats.ts';
import { LONG_LOG_LINK } from './browser/deep-link-load.ts';

const origin = process.argv.slice(2).find((arg) => arg !== '--');
if (!origin || !/^https?:\/\//.test(origin)) {
  console.error('usage: npm run bench:takeover-detached -- http://127.0.0.1:5173');
  process.exit(2);
}
const runs = Number(process.env.DETACHED_RUNS ?? 8);
const linkPath = process.env.DETACHED_PATH ?? LONG_LOG_LINK;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One Chromium driven over `--remote-debugging-pipe` (messages are JSON ended by a NUL byte). */
class PipeBrowser {
  private nextId = 0;
  private readonly waiting = new Map<number, (message: CdpMessage) => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const input = child.stdio[4] as Readable;
    let buffered = '';
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffered.slice(0, end)) as CdpMessage;
        buffered = buffered.slice(end + 1);
        if (message.id !== undefined) this.waiting.get(message.id)?.(message);
      }
    });
  }

  static launch(args: readonly string[]): PipeBrowser {
    const profile = mkdtempSync(path.join(tmpdir(), 'fleetlog-detached-'));
    const child = spawn(
      executablePath,
      [...args, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new PipeBrowser(child, profile);
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    const reply = new Promise<CdpMessage>((resolve) => this.waiting.set(id, resolve));
    (this.child.stdio[3] as Writable).write(
      `${JSON.stringify({ id, method, params, sessionId })}\0`,
    );
    return reply.then((message) => {
      this.waiting.delete(id);
      if (message.error) throw new Error(`${method}: ${message.error.message}`);
      return message.result as T;
    });
  }

  close(): void {
    this.child.kill('SIGKILL');
    rmSync(this.profile, { recursive: true, force: true });
  }
}

interface CdpMessage {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Mode = 'no DevTools client' | 'Runtime.enable' | 'Runtime.enable + harness V8 flags';

/** One cold load; the page's marks (ms from navigation start) once it has taken over. */
async function coldLoad(browser: PipeBrowser, mode: Mode): Promise<Record<string, number>> {
  const { browserContextId } = await browser.send<{ browserContextId: string }>(
    'Target.createBrowserContext',
  );
  try {
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    await sleep(300);
    const attach = () =>
      browser
        .send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
        .then((reply) => reply.sessionId);
    let session = await attach();
    const detached = mode === 'no DevTools client';
    if (!detached) {
      await browser.send('Runtime.enable', {}, session);
      await browser.send('Page.enable', {}, session);
    }
    await browser.send('Page.navigate', { url: new URL(linkPath, origin).href }, session);
    if (detached) await browser.send('Target.detachFromTarget', { sessionId: session });
    const expression = `(() => {
      const at = {};
      for (const [step, name] of Object.entries(${JSON.stringify(BOOT_MARKS)})) {
        const mark = performance.getEntriesByName(name, 'mark')[0];
        if (mark) at[step] = mark.startTime;
      }
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (paint) at.firstContentfulPaint = paint.startTime;
      const navigation = performance.getEntriesByType('navigation')[0];
      if (navigation) at.domInteractive = navigation.domInteractive;
      return JSON.stringify(at);
    })()`;
    for (let waited = 0; waited < 15_000; waited += 500) {
      await sleep(500);
      // Reattaching for the read alone: the load itself ran with no client.
      if (detached) session = await attach();
      const { result } = await browser.send<{ result: { value?: string } }>(
        'Runtime.evaluate',
        { expression, returnByValue: true },
        session,
      );
      const at = JSON.parse(result.value ?? '{}') as Record<string, number>;
      if (detached) await browser.send('Target.detachFromTarget', { sessionId: session });
      if (at.takeover !== undefined) return at;
    }
    throw new Error(`${mode}: the page did not take over within 15 s`);
  } finally {
    await browser.send('Target.disposeBrowserContext', { browserContextId });
  }
}

// Playwright's own command line (the browser the bench drives) without its pipe and profile, with
// the harness's disabled features; V8's defaults for the plain browser, the harness's flags for
// the other.
const launcher = await playwrightCommandLine(executablePath);
const ownArgs = launcher
  .slice(1)
  .filter(
    (arg) =>
      !arg.startsWith('--user-data-dir=') &&
      arg !== '--remote-debugging-pipe' &&
      arg !== '--no-startup-window',
  );
const plainArgs = withDisabledFeatures(ownArgs, launcher);
const plain = PipeBrowser.launch(plainArgs);
const flagged = PipeBrowser.launch(withJsFlags(plainArgs, launcher));
const modes: Array<[Mode, PipeBrowser]> = [
  ['no DevTools client', plain],
  ['Runtime.enable', plain],
  ['Runtime.enable + harness V8 flags', flagged],
];
const loads = new Map<Mode, Array<Record<string, number>>>(modes.map(([mode]) => [mode, []]));
try {
  // One warm-up load per browser, then the modes in turn, rotated so none always goes first.
  await coldLoad(plain, 'no DevTools client');
  await coldLoad(flagged, 'Runtime.enable + harness V8 flags');
  for (let run = 0; run < runs; run += 1) {
    for (let turn = 0; turn < modes.length; turn += 1) {
      const [mode, browser] = modes[(run + turn) % modes.length]!;
      loads.get(mode)!.push(await coldLoad(browser, mode));
    }
  }
} finally {
  plain.close();
  flagged.close();
}

const STEPS = ['domInteractive', 'firstContentfulPaint', ...Object.keys(BOOT_MARKS)];
const median = (values: number[]) => Math.round(summarize(values).median);
console.log(
  `${origin}${linkPath}, ${runs} cold loads per mode (medians, ms from navigation start)`,
);
for (const [mode] of modes) {
  const samples = loads.get(mode)!;
  const steps = STEPS.map((step) => {
    const values = samples.map((at) => at[step]).filter((value) => value !== undefined);
    return `${step} ${values.length > 0 ? median(values as number[]) : '—'}`;
  });
  const span = (from: string, to: string) =>
    median(samples.map((at) => (at[to] ?? NaN) - (at[from] ?? NaN)).filter(Number.isFinite));
  console.log(`${mode}:`);
  console.log(`  ${steps.join(' · ')}`);
  console.log(
    `  per load: modules→entry ${span('modules', 'entry')} · entry→routerReady ` +
      `${span('entry', 'routerReady')} · routerReady→takeover ${span('routerReady', 'takeover')} · ` +
      `modules→takeover ${span('modules', 'takeover')}`,
  );
}
