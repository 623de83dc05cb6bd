/**
 * Credentials stay on the server: nothing the browser can load — the built bundle, the HTML, the
 * backend list, API answers and errors — contains a key or secret of the configured backends.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ALIYUN_CREDENTIALS, DEMO_PELION_API_KEY } from '../server/fleet/demo-credentials.ts';

const SECRETS = [DEMO_PELION_API_KEY, DEMO_ALIYUN_CREDENTIALS.accessKeySecret];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

test('the built bundle holds no credential', () => {
  const files = filesUnder(path.resolve('dist'));
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const secret of SECRETS)
      expect(text.includes(secret), `${file} contains a secret`).toBe(false);
  }
});

test('pages, API answers and errors hold no credential', async ({ page, request }) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'image')
      bodies.push(await response.text().catch(() => ''));
  });
  await page.goto('/demo-pelion/devices');
  await expect(
    page.getByRole('table', { name: 'Devices' }).getByRole('link').first(),
  ).toBeVisible();
  await page.goto('/demo-aliyun/devices');
  await expect(
    page.getByRole('table', { name: 'Devices' }).getByRole('link').first(),
  ).toBeVisible();

  // Errors too: a throttled upstream, a refused path, a refused action, a bad signature parameter.
  const answers = await Promise.all([
    request.get('/api/demo-pelion/v3/devices?limit=2&x_sim_fault=throttle'),
    request.get('/api/demo-pelion/v3/api-keys'),
    request.post('/api/demo-aliyun/', { form: { Action: 'DeleteDevice', IotId: 'x' } }),
    request.post('/api/demo-aliyun/', {
      form: { Action: 'QueryDeviceEventData', IotId: 'x', StartTime: 'soon', EndTime: '1' },
    }),
  ]);
  for (const answer of answers) {
    bodies.push(await answer.text());
    bodies.push(JSON.stringify(answer.headers()));
  }
  expect(answers.map((a) => a.status())).toEqual([429, 404, 403, expect.any(Number)]);
  const everything = bodies.join('\n');
  expect(everything.length).toBeGreaterThan(1000);
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
  expect(everything).not.toMatch(/Signature=|AccessKeyId=demo/);
});
