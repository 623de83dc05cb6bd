/**
 * A bounded load on the running server, over 127.0.0.1 only: a few concurrent clients each walk a
 * long event log page by page through the proxy until a fixed number of requests has been sent,
 * then it stops. Latency is measured until the whole body has arrived.
 */
import { quantile } from './stats.ts';

export interface LoadResult {
  requests: number;
  failures: number;
  durationMs: number;
  throughput: number;
  p50Ms: number;
  p95Ms: number;
}

/** One client's next request; resolves to whether the answer was a usable page. */
type Step = () => Promise<boolean>;

export interface LoadOptions {
  clients: number;
  requests: number;
  /** Upper bound on requests per second across all clients (the upstream's quota); none = as fast as answered. */
  ratePerSecond?: number;
}

export async function runLoad(newClient: () => Step, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let issued = 0;
  let failures = 0;
  const interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  let nextSlot = performance.now();
  const client = async () => {
    const step = newClient();
    while (issued < options.requests) {
      issued += 1;
      if (interval > 0) {
        const slot = nextSlot;
        nextSlot = Math.max(nextSlot + interval, performance.now());
        const wait = slot - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const started = performance.now();
      const ok = await step().catch(() => false);
      latencies.push(performance.now() - started);
      if (!ok) failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, client));
  const durationMs = performance.now() - started;
  return {
    requests: latencies.length,
    failures,
    durationMs,
    throughput: (latencies.length / durationMs) * 1000,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
  };
}

/** Pages of the Event log's own size (200) of a Pelion device, newest first, by `after` cursor. */
export function pelionWalker(origin: string, backendId: string, deviceId: string, limit = 200) {
  return (): Step => {
    let after: string | null = null;
    return async () => {
      const query = new URLSearchParams({
        device_id__eq: deviceId,
        limit: String(limit),
        order: 'DESC',
      });
      if (after) query.set('after', after);
      const response = await fetch(`${origin}/api/${backendId}/v3/device-events?${query}`);
      const body = await response.text();
      if (!response.ok) return false;
      const page = JSON.parse(body) as { data: Array<{ id: string }>; has_more: boolean };
      after = page.has_more ? (page.data.at(-1)?.id ?? null) : null;
      return true;
    };
  };
}

/** Pages of 50 of an Alibaba device over the 30-day window, newest first, by NextTime. */
export function aliyunWalker(origin: string, backendId: string, iotId: string) {
  return (): Step => {
    const windowEnd = Date.now();
    let endTime = windowEnd;
    return async () => {
      const form = new URLSearchParams({
        Action: 'QueryDeviceEventData',
        IotId: iotId,
        StartTime: String(windowEnd - 30 * 86_400_000),
        EndTime: String(endTime),
        PageSize: '50',
        Asc: '0',
      });
      const response = await fetch(`${origin}/api/${backendId}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      const body = await response.text();
      if (!response.ok) return false;
      const page = JSON.parse(body) as {
        Success?: boolean;
        Data?: { NextValid: boolean; NextTime: number };
      };
      if (page.Success === false || !page.Data) return false;
      endTime = page.Data.NextValid ? page.Data.NextTime : windowEnd;
      return true;
    };
  };
}
