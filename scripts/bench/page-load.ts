/**
 * Many browsers opening the same Event log link at once, over 127.0.0.1: `connections` clients
 * each request the page, read it whole and ask again, for `seconds`. Meanwhile one client asks
 * `GET /api/backends` every 100 ms, which shows whether the rest of the server stays responsive.
 */
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
  backends: { requests: number; p50Ms: number; p99Ms: number; maxMs: number };
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
  await Promise.all([...Array.from({ length: connections }, client), probe()]);
  const durationMs = performance.now() - started;
  return {
    pages: pageTimes.length,
    failures,
    firstScreens,
    durationMs,
    pagesPerSecond: (pageTimes.length / durationMs) * 1000,
    p50Ms: quantile(pageTimes, 0.5),
    p99Ms: quantile(pageTimes, 0.99),
    backends: {
      requests: backendTimes.length,
      p50Ms: quantile(backendTimes, 0.5),
      p99Ms: quantile(backendTimes, 0.99),
      maxMs: Math.max(...backendTimes),
    },
  };
}
