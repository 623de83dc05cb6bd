/**
 * In-process timing of one simulator page, without HTTP or the proxy: a Pelion page of 1,000
 * events of the 100,000-event device, and an Alibaba page of 50 events of its longest device.
 * Requests are built (and signed) before the clock starts; the clock covers the simulator's
 * answer including its serialised body.
 */
import { randomUUID } from 'node:crypto';
import { createPelionSimulator } from '../../server/pelion/simulator.ts';
import { createAliyunSimulator } from '../../server/aliyun/simulator.ts';
import { generatePelionFleet, NOTABLE_PELION_DEVICES } from '../../server/fleet/pelion-fleet.ts';
import { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from '../../server/fleet/aliyun-fleet.ts';
import {
  DEMO_ALIYUN_CREDENTIALS,
  DEMO_PELION_API_KEY,
} from '../../server/fleet/demo-credentials.ts';
import { signRpc } from '../../server/aliyun/signer.ts';
import { median } from './stats.ts';

type Fetcher = { fetch(request: Request): Response | Promise<Response> };

export interface PageTimings {
  /** Median time of one page over the walk, ms. */
  medianMs: number;
  pages: number;
  /** Events in the pages walked. */
  events: number;
}

async function timed(simulator: Fetcher, request: Request): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await simulator.fetch(request);
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`simulator answered ${response.status}: ${body.slice(0, 200)}`);
  return { ms, body };
}

export function createPelionPageTimer(now = Date.now()) {
  const simulator = createPelionSimulator({
    fleet: generatePelionFleet({ now }),
    apiKey: DEMO_PELION_API_KEY,
  }) as Fetcher;
  const deviceId = NOTABLE_PELION_DEVICES.longHistory;
  const request = (after: string | null) => {
    const query = new URLSearchParams({ device_id__eq: deviceId, limit: '1000', order: 'DESC' });
    if (after) query.set('after', after);
    return new Request(`http://pelion-simulator.internal/v3/device-events?${query}`, {
      headers: { authorization: `Bearer ${DEMO_PELION_API_KEY}`, accept: 'application/json' },
    });
  };
  return {
    deviceId,
    /** Walks the newest `maxPages` pages (the whole log when it is shorter) by `after` cursor. */
    async walk(maxPages: number): Promise<PageTimings> {
      const times: number[] = [];
      let events = 0;
      let after: string | null = null;
      while (times.length < maxPages) {
        const { ms, body } = await timed(simulator, request(after));
        const page = JSON.parse(body) as { data: Array<{ id: string }>; has_more: boolean };
        times.push(ms);
        events += page.data.length;
        after = page.data.at(-1)?.id ?? null;
        if (!page.has_more || after === null) break;
      }
      return { medianMs: median(times), pages: times.length, events };
    },
  };
}

export function createAliyunPageTimer(now = Date.now) {
  const fleet = generateAliyunFleet({ now: now() });
  const simulator = createAliyunSimulator({
    fleet,
    credentials: DEMO_ALIYUN_CREDENTIALS,
    now,
    // The bench times the action, not the account's 50 QPS flow control.
    throttlePerSecond: Number.MAX_SAFE_INTEGER,
  }) as Fetcher;
  const iotId = ALIYUN_NOTABLE_DEVICES.longHistory;
  const request = (endTime: number) => {
    const params: Record<string, string> = {
      Action: 'QueryDeviceEventData',
      Format: 'JSON',
      Version: '2018-01-20',
      AccessKeyId: DEMO_ALIYUN_CREDENTIALS.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      RegionId: DEMO_ALIYUN_CREDENTIALS.regionId,
      IotId: iotId,
      StartTime: String(now() - 30 * 86_400_000),
      EndTime: String(endTime),
      PageSize: '50',
      Asc: '0',
    };
    params.Signature = signRpc('POST', params, DEMO_ALIYUN_CREDENTIALS.accessKeySecret);
    return new Request('http://aliyun-simulator.internal/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
  };
  return {
    iotId,
    /** Walks the newest `maxPages` pages of 50 by NextTime, newest first. */
    async walk(maxPages: number): Promise<PageTimings> {
      const times: number[] = [];
      let events = 0;
      let endTime = now();
      while (times.length < maxPages) {
        const { ms, body } = await timed(simulator, request(endTime));
        const page = JSON.parse(body) as {
          Success?: boolean;
          Code?: string;
          Data?: { NextValid: boolean; NextTime: number; List: { EventInfo: unknown[] } };
        };
        if (!page.Data)
          throw new Error(`simulator refused the page: ${page.Code ?? body.slice(0, 200)}`);
        times.push(ms);
        events += page.Data.List.EventInfo.length;
        if (!page.Data.NextValid) break;
        endTime = page.Data.NextTime;
      }
      return { medianMs: median(times), pages: times.length, events };
    },
  };
}
