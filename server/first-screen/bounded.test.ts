/**
 * First screens through a real listening server: every inline script carries the page's CSP nonce,
 * and rendering runs under a cap and a budget that hold the whole page.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, firstScreensReady, type AppOptions } from '../app.ts';
import { buildBackends } from '../backends/registry.ts';
import type { ConfiguredBackend } from '../backends/types.ts';
import { loadConfig } from '../config.ts';
import { NOTABLE_PELION_DEVICES } from '../fleet/pelion-fleet.ts';
import { listen, type Listening } from '../security/test-server.ts';

const [demoPelion] = buildBackends(loadConfig({ DEMO: 'on' }));
const eventsPath = `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`;

const staticDir = mkdtempSync(path.join(tmpdir(), 'fleetlog-bounded-'));
mkdirSync(path.join(staticDir, 'assets'));
writeFileSync(
  path.join(staticDir, 'index.html'),
  // As Vite builds it: the entry script in <head>, the root empty.
  '<!doctype html><html><head><meta charset="UTF-8">' +
    '<script type="module" crossorigin src="/assets/index-1.js"></script></head>' +
    '<body><div id="root"></div></body></html>',
);

/** demo-pelion, answering only once `open()` is called (or giving up when its caller does). */
function gatedPelion() {
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const aborted: string[] = [];
  const backend: ConfiguredBackend = {
    ...demoPelion!,
    async forward(request, subPath, search) {
      const cancelled = await new Promise<boolean>((resolve) => {
        void gate.then(() => resolve(false));
        request.signal.addEventListener('abort', () => {
          aborted.push(subPath);
          resolve(true);
        });
      });
      // As the real forwarders answer a request its caller gave up on.
      if (cancelled) return Response.json({ type: 'client_closed_request' }, { status: 499 });
      return demoPelion!.forward(request, subPath, search);
    },
  };
  return {
    backend,
    aborted,
    open: () => open(),
    close: () => (gate = new Promise<void>((resolve) => (open = resolve))),
  };
}

// Pages are rendered and fetched for real on a machine that may be busy with other work.
vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  // The demo device's history is generated on first use: not part of what is timed here.
  await demoPelion!.forward(
    new Request(`http://fleetlog.test/api/demo-pelion/v3/device-events`),
    '/v3/device-events',
    `?device_id__eq=${NOTABLE_PELION_DEVICES.mediumHistory}&limit=1`,
  );
}, 60_000);

const servers: Listening[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});
async function start(options: Partial<AppOptions> & Pick<AppOptions, 'backends'>) {
  const app = createApp({ staticDir, ...options });
  await firstScreensReady(app);
  const server = await listen(app);
  servers.push(server);
  return server;
}

async function timedPage(server: Listening, target = eventsPath) {
  const started = performance.now();
  const response = await fetch(`${server.origin}${target}`);
  const html = await response.text();
  return { response, html, ms: performance.now() - started };
}

const hasFirstScreen = (html: string) => html.includes('<div id="root" data-first-screen>');

describe('a first screen under the Content-Security-Policy', () => {
  it('carries the response nonce on every script it runs, and a new nonce per response', async () => {
    const server = await start({ backends: [demoPelion!], firstScreenDeadlineMs: 5000 });
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { response, html } = await timedPage(server);
      expect(hasFirstScreen(html)).toBe(true);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce!);
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
      const runnable = scripts.filter((attributes) => !/type="application\/json"/.test(attributes));
      const inline = runnable.filter((attributes) => !/\bsrc=/.test(attributes));
      // The local-times and early-input scripts, and the bundle's entry.
      expect(inline).toHaveLength(2);
      for (const attributes of runnable) expect(attributes).toContain(` nonce="${nonce}"`);
      // Without the nonce nothing inline may run: the policy allows no 'unsafe-inline' script.
      expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe(`'self' 'nonce-${nonce}'`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('first screens under a cap and a budget', () => {
  it('serves the plain shell at once while every rendering slot is taken', async () => {
    const gated = gatedPelion();
    const server = await start({
      backends: [gated.backend],
      firstScreenDeadlineMs: 8000,
      firstScreenConcurrency: 1,
    });
    const first = timedPage(server);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first page holds the slot
    const second = await timedPage(server);
    expect(hasFirstScreen(second.html)).toBe(false);
    expect(second.ms).toBeLessThan(1000);
    gated.open();
    expect(hasFirstScreen((await first).html)).toBe(true);
  });

  it('holds the whole page to its budget, cancels the work, and frees the slot for the next page', async () => {
    const gated = gatedPelion();
    const server = await start({
      backends: [gated.backend],
      firstScreenDeadlineMs: 1500,
      firstScreenConcurrency: 1,
    });
    const late = await timedPage(server);
    expect(hasFirstScreen(late.html)).toBe(false);
    expect(late.ms).toBeGreaterThanOrEqual(1450);
    expect(late.ms).toBeLessThan(2500);
    expect(gated.aborted.length).toBeGreaterThan(0);
    // The slot is free again: with the upstream answering, the next page has its first screen.
    gated.open();
    expect(hasFirstScreen((await timedPage(server)).html)).toBe(true);
  });
});

describe('a page whose first screen is being rendered', () => {
  /** Reads a response's body until `done(text so far)`, or gives up after `ms`. */
  async function readUntil(response: Response, done: (text: string) => boolean, ms: number) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = performance.now() + ms;
    while (!done(text) && performance.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 50)),
      ]);
      if (next === null) continue;
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    return { text, reader, decoder };
  }

  it('sends its head (stylesheet, scripts) before the upstream has answered, the rows after', async () => {
    const gated = gatedPelion();
    const server = await start({ backends: [gated.backend], firstScreenDeadlineMs: 20_000 });
    // Compressed, as browsers ask for it: the head must come through the compressor too.
    const response = await fetch(`${server.origin}${eventsPath}`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-security-policy')).toMatch(/'nonce-/);
    const early = await readUntil(response, (text) => text.includes('</head>'), 5000);
    expect(early.text).toMatch(/<script [^>]*type="module"[^>]*src="\/assets\/index-1.js"/);
    expect(early.text).toContain('</head>');
    expect(early.text).not.toContain('id="root"');
    expect(gated.aborted).toEqual([]);
    gated.open();
    let { text } = early;
    for (;;) {
      const next = await early.reader.read();
      if (next.done) break;
      text += early.decoder.decode(next.value, { stream: true });
    }
    expect(hasFirstScreen(text)).toBe(true);
    expect(text.match(/<div id="root"/g)).toHaveLength(1);
    expect(text.trimEnd()).toMatch(/<\/html>$/);
  });

  it('ends with the plain root and the data preloads when the first screen runs out of time', async () => {
    const gated = gatedPelion();
    const server = await start({ backends: [gated.backend], firstScreenDeadlineMs: 400 });
    const { html, ms } = await timedPage(server);
    expect(ms).toBeLessThan(2500);
    expect(hasFirstScreen(html)).toBe(false);
    expect(html).toContain('<div id="root"></div>');
    // Still before the scripts run, in the body since the head had gone out.
    const preload = html.indexOf('<link rel="preload" as="fetch"');
    expect(preload).toBeGreaterThan(html.indexOf('</head>'));
    expect(preload).toBeLessThan(html.indexOf('<div id="root"></div>'));
    expect(html).toContain(`device_id__eq=${NOTABLE_PELION_DEVICES.mediumHistory}`);
    gated.open();
  });
});

describe('first screens while the server is saturated', () => {
  it('are skipped while the event loop was busy, and rendered again once it is not', async () => {
    const server = await start({
      backends: [demoPelion!],
      firstScreenDeadlineMs: 5000,
      firstScreenBusyAbove: 0.5,
    });
    const idle = () => new Promise((resolve) => setTimeout(resolve, 600));
    await idle();
    expect(hasFirstScreen((await timedPage(server)).html)).toBe(true);
    await idle();
    // What saturation looks like from inside: the loop never gets to wait.
    const until = performance.now() + 300;
    while (performance.now() < until) {
      // busy
    }
    const busy = await timedPage(server);
    expect(hasFirstScreen(busy.html)).toBe(false);
    await idle();
    expect(hasFirstScreen((await timedPage(server)).html)).toBe(true);
  });
});
