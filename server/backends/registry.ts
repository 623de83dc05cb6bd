import type { Config } from '../config.ts';
import { inProcess, type ConfiguredBackend } from './types.ts';
import { createPelionBackend } from '../pelion/proxy.ts';
import { createAliyunBackend } from '../aliyun/proxy.ts';
import { createPelionSimulator } from '../pelion/simulator.ts';
import { createAliyunSimulator } from '../aliyun/simulator.ts';
import { generatePelionFleet, type PelionFleet } from '../fleet/pelion-fleet.ts';
import {
  ALIYUN_NOTABLE_DEVICES,
  generateAliyunFleet,
  type AliyunFleet,
} from '../fleet/aliyun-fleet.ts';
import { DEMO_ALIYUN_CREDENTIALS, DEMO_PELION_API_KEY } from '../fleet/demo-credentials.ts';

/**
 * Builds the backends from the configuration. The demo backends take exactly the production path
 * (proxy adds credentials, signs) with an in-process simulator as the upstream instead of the network.
 */
export function buildBackends(
  config: Config,
  now: () => number = Date.now,
  options: { warmDemo?: boolean } = {},
): ConfiguredBackend[] {
  const backends: ConfiguredBackend[] = [];
  const timeoutMs = config.upstreamTimeoutMs;
  const maxBodyBytes = config.upstreamMaxBodyBytes;

  if (config.demo) {
    // The live demo devices read the same clock: an event every 2 s from this moment on.
    const startedAt = now();
    const pelionFleet = generatePelionFleet({ now: startedAt, clock: now });
    const aliyunFleet = generateAliyunFleet({ now: startedAt, clock: now });
    if (options.warmDemo) warmDemoHistories(pelionFleet, aliyunFleet);
    const pelionSim = createPelionSimulator({
      fleet: pelionFleet,
      apiKey: DEMO_PELION_API_KEY,
      // Test aid: `x_sim_fault=throttle|error|slow` in a demo request makes the simulator fail on
      // purpose, so failure handling can be exercised through the real forwarding path.
      faultInjection: true,
    });
    backends.push(
      createPelionBackend({
        id: 'demo-pelion',
        label: 'Demo fleet (Izuma/Pelion simulator)',
        demo: true,
        apiUrl: 'http://pelion-simulator.internal',
        apiKey: DEMO_PELION_API_KEY,
        upstream: inProcess(pelionSim.fetch),
        timeoutMs,
        maxBodyBytes,
      }),
    );
    const aliyunSim = createAliyunSimulator({
      fleet: aliyunFleet,
      credentials: DEMO_ALIYUN_CREDENTIALS,
      now,
      faultInjection: true,
    });
    backends.push(
      createAliyunBackend({
        id: 'demo-aliyun',
        label: 'Demo fleet (Alibaba Cloud IoT simulator)',
        demo: true,
        endpoint: 'http://aliyun-simulator.internal',
        regionId: DEMO_ALIYUN_CREDENTIALS.regionId,
        accessKeyId: DEMO_ALIYUN_CREDENTIALS.accessKeyId,
        accessKeySecret: DEMO_ALIYUN_CREDENTIALS.accessKeySecret,
        iotInstanceId: null,
        upstream: inProcess(aliyunSim.fetch),
        timeoutMs,
        maxBodyBytes,
      }),
    );
  }

  if (config.pelion) {
    backends.push(
      createPelionBackend({
        id: 'pelion',
        label: 'Izuma Device Management',
        demo: false,
        apiUrl: config.pelion.apiUrl,
        apiKey: config.pelion.apiKey,
        upstream: (url, init) => fetch(url, init),
        timeoutMs,
        maxBodyBytes,
      }),
    );
  }
  if (config.aliyun) {
    backends.push(
      createAliyunBackend({
        id: 'aliyun',
        label: `Alibaba Cloud IoT (${config.aliyun.regionId})`,
        demo: false,
        ...config.aliyun,
        upstream: (url, init) => fetch(url, init),
        timeoutMs,
        maxBodyBytes,
      }),
    );
  }
  return backends;
}

/**
 * Demo histories are generated on first use so the server is ready at once; the long ones take a few
 * hundred milliseconds. Building them right after start-up, one per tick, spares the first visitor
 * of those devices that wait without delaying the server's readiness.
 */
function warmDemoHistories(pelion: PelionFleet, aliyun: AliyunFleet): void {
  const tasks = [
    () => pelion.eventsOf(pelion.notable.longHistory),
    () => pelion.eventsOf(pelion.notable.mediumHistory),
    () => aliyun.events(ALIYUN_NOTABLE_DEVICES.longHistory),
    () => aliyun.events(ALIYUN_NOTABLE_DEVICES.tieHeavy),
  ];
  const next = () => {
    tasks.shift()?.();
    if (tasks.length > 0) setTimeout(next, 0).unref();
  };
  setTimeout(next, 50).unref();
}
