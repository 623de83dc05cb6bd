/** Bench knobs, from the environment; every one has a default that fits a 2-core machine. */

export interface BenchOptions {
  /** Runs per measure; the table shows their median and min–max. */
  runs: number;
  /** Server port; 0 = a free ephemeral port picked at start. */
  port: number;
  /** Concurrent clients of the loopback load. */
  loadClients: number;
  /** Requests each backend's loopback load sends per run, then it stops. */
  loadRequests: number;
  /** Concurrent clients of the page load (the Event log link). */
  pageConnections: number;
  /** How long the page load runs (s). */
  pageSeconds: number;
  /** Scroll distance per animation frame during the fling (px). */
  flingPxPerFrame: number;
  /** Give up the fling after this long (ms). */
  flingTimeoutMs: number;
  /** Simulator pages timed per run (in-process). */
  simulatorPages: number;
  /** Only the named sections (comma list of sim, load, pages, browser, moment, histogram, export); empty = all. */
  only: Set<string>;
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

const SECTIONS = ['sim', 'load', 'pages', 'browser', 'moment', 'histogram', 'export'];

export function readOptions(): BenchOptions {
  const only = new Set(
    (process.env.BENCH_ONLY ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  for (const name of only) {
    if (!SECTIONS.includes(name)) {
      throw new Error(`BENCH_ONLY accepts ${SECTIONS.join(', ')}; got "${name}".`);
    }
  }
  return {
    runs: integer('BENCH_RUNS', 5, 1, 50),
    port: integer('BENCH_PORT', 0, 0, 65535),
    loadClients: integer('BENCH_LOAD_CLIENTS', 4, 1, 64),
    loadRequests: integer('BENCH_LOAD_REQUESTS', 300, 1, 100_000),
    pageConnections: integer('BENCH_PAGE_CONNECTIONS', 50, 1, 500),
    pageSeconds: integer('BENCH_PAGE_SECONDS', 20, 1, 600),
    flingPxPerFrame: integer('BENCH_FLING_PX', 4000, 100, 1_000_000),
    flingTimeoutMs: integer('BENCH_FLING_TIMEOUT_MS', 240_000, 1000, 3_600_000),
    simulatorPages: integer('BENCH_SIM_PAGES', 100, 1, 10_000),
    only,
  };
}

export const runsSection = (options: BenchOptions, section: string): boolean =>
  options.only.size === 0 || options.only.has(section);
