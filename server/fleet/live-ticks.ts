/**
 * The demo's live devices receive one event every `LIVE_PERIOD_MS` while the server runs. Nothing
 * is appended by a timer: the events of a live device are a pure function of the fleet's `now`
 * (when the server started) and the clock at the moment of a request — one event at every tick
 * `now + k × period` that has passed. Two servers started at the same moment, or any number of
 * clients, see the same events, and the server stays stateless (what is memoised is only a cache
 * of that function).
 */

export const LIVE_PERIOD_MS = 2000;

/** Ticks (k = 1, 2, …) passed between `startedAt` and `clockNow`. */
export function liveTicksPassed(startedAt: number, clockNow: number): number {
  return Math.max(0, Math.floor((clockNow - startedAt) / LIVE_PERIOD_MS));
}

/** The time of tick `k` (1-based). */
export const liveTickTime = (startedAt: number, k: number): number =>
  startedAt + k * LIVE_PERIOD_MS;

/**
 * Ticks kept: the last 24 hours of them (43,200 events), so a server left running for weeks does
 * not grow a device's history without bound; older ticks drop off the far end.
 */
export const MAX_LIVE_TICKS = 43_200;

/**
 * A growing list built on demand: `at(passed)` returns the base records followed by the records of
 * the ticks passed (at most the last `MAX_LIVE_TICKS` of them), memoised by `passed` — a new array
 * whenever it changed, so caches keyed by the array's identity notice.
 */
export function liveSeries<T>(
  base: () => readonly T[],
  tick: (k: number) => T,
  maxTicks = MAX_LIVE_TICKS,
): (passed: number) => readonly T[] {
  let baseRecords: readonly T[] | null = null;
  let built: readonly T[] = [];
  let firstTick = 1;
  let lastTick = -1;
  return (passed) => {
    baseRecords ??= base();
    if (passed === lastTick) return built;
    const first = Math.max(1, passed - maxTicks + 1);
    const extend = lastTick >= 0 && first === firstTick && passed > lastTick;
    const grown = extend ? built.slice() : [...baseRecords];
    for (let k = extend ? lastTick + 1 : first; k <= passed; k += 1) grown.push(tick(k));
    built = grown;
    firstTick = first;
    lastTick = passed;
    return built;
  };
}
