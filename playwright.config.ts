import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, HARNESS_ARGS_ENV } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 5199);

/**
 * `npm test` passes CHROMIUM_ARGS with Chromium's per-window UI turned off and V8 recording source
 * positions as it compiles (harnessChromiumArgs in scripts/chromium.ts: every test's fresh context
 * is a new window, and every page has Playwright's DevTools session); run directly, the plain flags.
 */
function chromiumArgs(): string[] {
  const given = process.env[HARNESS_ARGS_ENV];
  if (!given) return CHROMIUM_ARGS;
  const args: unknown = JSON.parse(given);
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
    throw new Error(`${HARNESS_ARGS_ENV} must be a JSON array of strings`);
  }
  return args;
}

/**
 * End-to-end tests run in a real Chromium against the production build served by the real server
 * with the demo backends. `npm test` finds or installs Chromium and passes it in CHROMIUM_PATH.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: chromiumArgs(),
    },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs server/main.ts',
    url: `http://127.0.0.1:${port}/api/backends`,
    // Two browsers share two cores here: a server-rendered first screen gets time enough, so tests
    // that expect one do not depend on how busy the machine is (`npm run bench` keeps the default).
    // For the same reason it never sheds first screens as busy (FIRST_SCREEN_BUSY=1): two browsers
    // loading pages at once would otherwise look like load to it.
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'on',
      FIRST_SCREEN_DEADLINE_MS: '3000',
      FIRST_SCREEN_BUSY: '1',
    },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
