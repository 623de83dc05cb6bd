/**
 * Many browsers opening the same Event log link at once, over 127.0.0.1: `connections` clients
 * each request the page, read it whole and ask again, for `seconds`. Meanwhile one client asks
 * `GET /api/backends` every 100 ms, which shows whether the rest of the server stays responsive.
 *
 * That client runs on a worker thread of its own: timed from the event loop that also drives the
 * 50 page clients (reading ~3,000 pages a second), an answer waits its turn behind theirs before
 * its time is taken, and the figure is the bench's own latency as much as the server's. The same
 * probe from the main thread is kept beside it (`backendsInProcess`) to show the difference.
 */
import { Worker } from 'node:worker_threads';
import { quantile } from './stats.ts';

export interface PageLoadResult {
  pages: number;
  failures: number;
  /** Pages that came with their server-rendered first screen. */
  firstScreens: number;
  durationMs: number;
  pagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** `/api/backends` timed from a worker thread (its own event loop). */
  backends: LatencySummary;
  /** The same, timed from the event loop that drives the page clients. */
  backendsInProcess: LatencySummary;
}

export interface LatencySummary {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const summary = (times: number[]): LatencySummary => ({
  requests: times.length,
  p50Ms: quantile(times, 0.5),
  p99Ms: quantile(times, 0.99),
  maxMs: Math.max(...times),
});

/** Plain JavaScript for the worker: asks `url` every 100 ms until `end` (epoch ms). */
const PROBE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const times = [];
  let failures = 0;
  while (Date.now() < workerData.end) {
    const started = performance.now();
    try {
      const response = await fetch(workerData.url);
      await response.text();
      if (!response.ok) failures += 1;
    } catch {
      failures += 1;
    }
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  parentPort.postMessage({ times, failures });
})();
`;

function probeOnWorker(url: string, end: number): Promise<{ times: number[]; failures: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PROBE_WORKER, { eval: true, workerData: { url, end } });
    worker.once('message', (result: { times: number[]; failures: number }) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

export interface PageLoadOptions {
  connections: number;
  seconds: number;
}

async function timed(url: string): Promise<{ ms: number; ok: boolean; body: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    const body = await response.text();
    return { ms: performance.now() - started, ok: response.ok, body };
  } catch {
    return { ms: performance.now() - started, ok: false, body: '' };
  }
}

export async function runPageLoad(
  origin: string,
  pagePath: string,
  { connections, seconds }: PageLoadOptions,
): Promise<PageLoadResult> {
  const pageUrl = `${origin}${pagePath}`;
  const pageTimes: number[] = [];
  const backendTimes: number[] = [];
  let failures = 0;
  let firstScreens = 0;
  const started = performance.now();
  const end = started + seconds * 1000;

  const client = async () => {
    while (performance.now() < end) {
      const { ms, ok, body } = await timed(pageUrl);
      pageTimes.push(ms);
      if (!ok) failures += 1;
      else if (body.includes('data-first-screen')) firstScreens += 1;
    }
  };
  const probe = async () => {
    while (performance.now() < end) {
      const { ms, ok } = await timed(`${origin}/api/backends`);
      backendTimes.push(ms);
      if (!ok) failures += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const onWorker = probeOnWorker(`${origin}/api/backends`, Date.now() + seconds * 1000);
  const [worker] = await Promise.all([
    onWorker,
    ...Array.from({ length: connections }, client),
    probe(),
  ]);
  failures += worker.failures;
  const durationMs = performance.now() - started;
  return {
    pages: pageTimes.length,
    failures,
    firstScreens,
    durationMs,
    pagesPerSecond: (pageTimes.length / durationMs) * 1000,
    p50Ms: quantile(pageTimes, 0.5),
    p99Ms: quantile(pageTimes, 0.99),
    backends: summary(worker.times),
    backendsInProcess: summary(backendTimes),
  };
}
