import { createApp } from '../app.ts';
import { inProcess } from '../backends/types.ts';
import { generateAliyunFleet, type AliyunFleet } from '../fleet/aliyun-fleet.ts';
import { createAliyunBackend } from './proxy.ts';
import { createAliyunSimulator } from './simulator.ts';

export { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from '../fleet/aliyun-fleet.ts';
export type { AliyunEventRecord, AliyunFleet } from '../fleet/aliyun-fleet.ts';

/**
 * Test aid for the SPA adapter: a `fetch` that serves `/api/<backendId>/` with the production
 * path (signing proxy → simulator) in-process, so adapter tests page through real simulator data.
 */
export function createAliyunServerFetch(options: {
  backendId: string;
  fleet?: AliyunFleet;
  now?: number;
  throttlePerSecond?: number;
}) {
  const fleet = options.fleet ?? generateAliyunFleet({ now: options.now ?? Date.now() });
  const credentials = {
    accessKeyId: 'harness-key',
    accessKeySecret: 'harness-secret',
    regionId: 'cn-shanghai',
  };
  const simulator = createAliyunSimulator({
    fleet,
    credentials,
    now: Date.now,
    throttlePerSecond: options.throttlePerSecond ?? 1e6,
  });
  const backend = createAliyunBackend({
    id: options.backendId,
    label: 'Alibaba (test harness)',
    demo: true,
    endpoint: 'http://aliyun-simulator.internal',
    ...credentials,
    iotInstanceId: null,
    upstream: inProcess(simulator.fetch),
    timeoutMs: 5000,
  });
  const app = createApp({ backends: [backend] });
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    // The caller's AbortSignal may come from jsdom, which Node's Request does not accept.
    const { signal: _signal, ...rest } = init;
    return app.fetch(new Request(new URL(input, 'http://127.0.0.1'), rest));
  };
  return { fetch, fleet };
}
