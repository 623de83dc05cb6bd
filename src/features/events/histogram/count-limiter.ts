/**
 * At most `slots` count requests in flight, first asked first served. A browser opens six
 * connections to a host; the histogram takes four, so a page of rows asked for meanwhile never
 * waits behind a queue of counts. A request whose signal aborts while queued leaves the queue.
 */
export function createLimiter(slots: number) {
  let running = 0;
  const queue: Array<() => void> = [];
  // A finished task hands its slot straight to the next in line.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };
  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (running < slots) {
        running += 1;
        resolve();
        return;
      }
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = queue.indexOf(start);
        if (at >= 0) queue.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(start);
    });
  return async function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    await acquire(signal);
    try {
      signal?.throwIfAborted();
      return await task();
    } finally {
      release();
    }
  };
}

/** The one queue of every histogram on the page. */
export const countSlots = createLimiter(4);
