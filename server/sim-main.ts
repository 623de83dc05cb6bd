/**
 * `npm run sim`: the two simulators on their own ports, for any standard client of either API.
 * Pelion on 127.0.0.1:4010 (SIM_PELION_PORT), Alibaba on 127.0.0.1:4020 (SIM_ALIYUN_PORT),
 * with the demo fleet and the demo credentials of DESIGN.md.
 */
import { serve } from '@hono/node-server';
import { createPelionSimulator } from './pelion/simulator.ts';
import { createAliyunSimulator } from './aliyun/simulator.ts';
import { generatePelionFleet } from './fleet/pelion-fleet.ts';
import { generateAliyunFleet } from './fleet/aliyun-fleet.ts';
import { DEMO_ALIYUN_CREDENTIALS, DEMO_PELION_API_KEY } from './fleet/demo-credentials.ts';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name}: must be a port number (1-65535), got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const host = process.env.HOST || '127.0.0.1';
const pelionPort = port('SIM_PELION_PORT', 4010);
const aliyunPort = port('SIM_ALIYUN_PORT', 4020);
const now = Date.now();

const pelion = createPelionSimulator({
  fleet: generatePelionFleet({ now, clock: Date.now }),
  apiKey: DEMO_PELION_API_KEY,
});
const aliyun = createAliyunSimulator({
  fleet: generateAliyunFleet({ now, clock: Date.now }),
  credentials: DEMO_ALIYUN_CREDENTIALS,
  now: Date.now,
});

serve({ fetch: pelion.fetch, port: pelionPort, hostname: host }, () =>
  console.log(`Pelion simulator: http://${host}:${pelionPort}  (demo access key: see README)`),
);
serve({ fetch: aliyun.fetch, port: aliyunPort, hostname: host }, () =>
  console.log(
    `Alibaba simulator: http://${host}:${aliyunPort}/  (AccessKeyId ${DEMO_ALIYUN_CREDENTIALS.accessKeyId}, ` +
      `region ${DEMO_ALIYUN_CREDENTIALS.regionId}; secret: see README)`,
  ),
);
