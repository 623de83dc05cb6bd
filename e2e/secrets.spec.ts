/**
 * The configured secrets never leave the server. A server of this test's own runs with Basic
 * sign-in, the demo backends and two "real" backends whose upstreams are loopback stand-ins (the
 * simulators, with credentials of their own): every response the browser and the API client get
 * through a walk over pages, API answers, upstream errors and refusals — headers and bodies — and
 * the server's whole log are searched for each secret, plain and encoded.
 */
import { expect, test, type APIResponse, type Response } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createAliyunSimulator } from '../server/aliyun/simulator.ts';
import { ALIYUN_NOTABLE_DEVICES, generateAliyunFleet } from '../server/fleet/aliyun-fleet.ts';
import { DEMO_ALIYUN_CREDENTIALS, DEMO_PELION_API_KEY } from '../server/fleet/demo-credentials.ts';
import { generatePelionFleet, NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';
import { createPelionSimulator } from '../server/pelion/simulator.ts';
import { hashPassword } from '../server/security/password.ts';
import { startOwnServer, standIn, type OwnServer, type StandIn } from './support/own-server.ts';

const PELION_KEY = 'ak_e2eSecretKey0fTheStandInAccount4242';
const ALIYUN = {
  accessKeyId: 'LTAI5tE2eStandInKeyId9x7',
  accessKeySecret: 'e2eStandInAccessKeySecret0f30chars',
  regionId: 'cn-shanghai',
};
const USER = 'operator';
const PASSWORD = 'e2e sign-in passphrase 7781';

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ httpCredentials: { username: USER, password: PASSWORD } });

let server: OwnServer;
let pelionUpstream: StandIn;
let aliyunUpstream: StandIn;
let logFile: string;
let hash: string;

// eslint-disable-next-line no-empty-pattern -- Playwright passes testInfo second; no fixture is needed
test.beforeAll(async ({}, testInfo) => {
  const now = Date.now();
  pelionUpstream = await standIn(
    createPelionSimulator({ fleet: generatePelionFleet({ now }), apiKey: PELION_KEY }),
  );
  aliyunUpstream = await standIn(
    createAliyunSimulator({
      fleet: generateAliyunFleet({ now }),
      credentials: ALIYUN,
      now: Date.now,
    }),
  );
  // Cheap scrypt parameters: same format and check, a faster test.
  hash = await hashPassword(PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
  logFile = testInfo.outputPath('server.log');
  server = await startOwnServer(
    {
      DEMO: 'on',
      FIRST_SCREEN_DEADLINE_MS: '3000',
      AUTH_BASIC_USERS: `${USER}:${hash}`,
      PELION_API_URL: pelionUpstream.origin,
      PELION_API_KEY: PELION_KEY,
      ALIYUN_ENDPOINT: aliyunUpstream.origin,
      ALIYUN_REGION_ID: ALIYUN.regionId,
      ALIYUN_ACCESS_KEY_ID: ALIYUN.accessKeyId,
      ALIYUN_ACCESS_KEY_SECRET: ALIYUN.accessKeySecret,
    },
    logFile,
  );
});

test.afterAll(async () => {
  await server?.stop();
  await pelionUpstream?.close();
  await aliyunUpstream?.close();
});

/** Each secret as it could appear: plain, URL-encoded, base64 (a Basic header), JSON-escaped. */
function needles(): Array<{ name: string; text: string }> {
  const secrets = {
    'Pelion API key': PELION_KEY,
    'Alibaba AccessKey secret': ALIYUN.accessKeySecret,
    'Alibaba AccessKey id': ALIYUN.accessKeyId,
    'demo Pelion key': DEMO_PELION_API_KEY,
    'demo AccessKey secret': DEMO_ALIYUN_CREDENTIALS.accessKeySecret,
    'sign-in password': PASSWORD,
    'sign-in password hash': hash,
    'sign-in Basic credentials': Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
  };
  return Object.entries(secrets).flatMap(([name, text]) =>
    [...new Set([text, encodeURIComponent(text), Buffer.from(text).toString('base64')])].map(
      (variant) => ({ name, text: variant }),
    ),
  );
}

function leaksIn(where: string, text: string): string[] {
  return needles()
    .filter((needle) => text.includes(needle.text))
    .map((needle) => `${needle.name} in ${where}`);
}

test('no response and no log line holds a configured secret', async ({ page, context }) => {
  const at = (target: string) => `${server.origin}${target}`;
  const seen: string[] = [];
  const pending: Array<Promise<void>> = [];
  const record = (where: string, headers: Record<string, string>, body: Promise<string>) => {
    pending.push(
      body
        .catch(() => '')
        .then((text) => {
          seen.push(`${where}\n${JSON.stringify(headers)}\n${text}`);
        }),
    );
  };
  page.on('response', (response: Response) =>
    record(response.url(), response.headers(), response.text()),
  );
  const api = async (answer: Promise<APIResponse>) => {
    const response = await answer;
    record(response.url(), response.headers(), response.text());
    return response;
  };

  // Pages of every backend, first screens included, and a link to one event.
  const pelionLog = `/pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`;
  await page.goto(at(pelionLog));
  const firstRow = page.locator('[data-event-id]').first();
  await firstRow.click();
  await expect(page.getByRole('heading', { name: 'Event details' })).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(at('/pelion/devices'));
  await expect(page.getByRole('table', { name: 'Devices' }).getByRole('link').first()).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(at(`/aliyun/devices/${ALIYUN_NOTABLE_DEVICES.customModule}/events`));
  await expect(page.locator('[data-event-id]').first()).toBeVisible({ timeout: 30_000 });
  await page.goto(at('/aliyun/devices'));
  await expect(page.getByRole('table', { name: 'Devices' }).getByRole('link').first()).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(at(`/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`));
  await expect(page.locator('[data-event-id]').first()).toBeVisible({ timeout: 30_000 });
  await page.goto(at(`/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.customModule}/events`));
  await expect(page.locator('[data-event-id]').first()).toBeVisible({ timeout: 30_000 });

  // API answers and upstream errors, through the signed-in context.
  const request = context.request;
  await api(request.get(at('/api/backends')));
  await api(request.get(at(`/api/pelion/v3/devices/${'0'.repeat(32)}`)));
  await api(request.get(at('/api/pelion/v3/device-events?device_id__eq=x&limit=100000')));
  await api(request.get(at('/api/pelion/v3/devices?access_token=x&api_key=y')));
  await api(request.get(at('/api/pelion/v3/accounts/me')));
  await api(
    request.post(at('/api/aliyun/'), { form: { Action: 'QueryDeviceDetail', IotId: 'nope' } }),
  );
  await api(request.post(at('/api/aliyun/'), { form: { Action: 'DeleteDevice', IotId: 'x' } }));
  await api(
    request.post(at('/api/aliyun/'), {
      form: { Action: 'QueryDeviceEventData', IotId: 'x', StartTime: 'then' },
    }),
  );
  await api(request.get(at('/api/nope/anything')));
  // Refusals.
  await api(request.get(at('/api/backends'), { headers: { origin: 'https://attacker.example' } }));
  // Without the browser's credentials (Node's fetch): no sign-in, a wrong password.
  const unsigned = async (headers: Record<string, string>) => {
    const response = await fetch(at('/api/backends'), { headers });
    record(response.url, Object.fromEntries(response.headers), response.text());
    return response.status;
  };
  expect(await unsigned({})).toBe(401);
  const wrong = Buffer.from(`${USER}:wrong password`).toString('base64');
  expect(await unsigned({ authorization: `Basic ${wrong}` })).toBe(401);
  // An upstream that is gone: the error path (and whatever it logs).
  await pelionUpstream.close();
  expect(
    (
      await api(request.get(at(`/api/pelion/v3/devices/${NOTABLE_PELION_DEVICES.mediumHistory}`)))
    ).status(),
  ).toBe(502);
  await page.goto(at(pelionLog));
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  // The credentials were in use (the stand-ins checked them), so finding none means something.
  expect(pelionUpstream.seen.some((line) => line.startsWith(`Bearer ${PELION_KEY}`))).toBe(true);
  expect(aliyunUpstream.seen.some((line) => line.includes(ALIYUN.accessKeyId))).toBe(true);
  expect(seen.length).toBeGreaterThan(30);

  await server.stop();
  const log = readFileSync(logFile, 'utf8');
  expect(log).toContain('Fleetlog is running');
  expect([
    ...seen.flatMap((text, i) => leaksIn(`response ${i}: ${text.split('\n')[0]}`, text)),
    ...leaksIn('the server log', log),
  ]).toEqual([]);
});
