/**
 * `npm test`: typecheck, lint + format check, unit/integration tests (Vitest), production build,
 * then Playwright end-to-end tests in Chromium against that build. Every step runs even when an
 * earlier one fails (except e2e, which needs the build), and the last line is the total:
 * `N passed, N failed` — each Vitest and Playwright test counts once, and so does each static check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureChromium, harnessChromiumArgs, HARNESS_ARGS_ENV } from './chromium.ts';

const node = process.execPath;
const bin = (pkg: string, file: string) => path.join('node_modules', pkg, file);
const reports = mkdtempSync(path.join(tmpdir(), 'fleetlog-test-'));
let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(title: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n━━ ${title}`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title: string, args: string[]): void {
  if (step(title, args)) passed += 1;
  else {
    failed += 1;
    failures.push(title);
  }
}

function countJson(
  file: string,
  title: string,
  read: (report: never) => [number, number],
  ok: boolean,
): void {
  if (!existsSync(file)) {
    failed += 1;
    failures.push(`${title} (no report: the runner did not finish)`);
    return;
  }
  const [p, f] = read(JSON.parse(readFileSync(file, 'utf8')) as never);
  passed += p;
  failed += f;
  if (f > 0 || !ok) failures.push(title);
  if (f === 0 && !ok) failed += 1; // the runner failed outside any test (e.g. a file did not load)
}

check('Typecheck (tsc)', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
check('Lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0']);
check('Format (prettier --check)', [
  bin('prettier', 'bin/prettier.cjs'),
  '--check',
  '.',
  '--log-level=warn',
]);

const vitestReport = path.join(reports, 'vitest.json');
const vitestOk = step('Unit and integration tests (vitest)', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
countJson(
  vitestReport,
  'Vitest',
  (r: { numPassedTests: number; numFailedTests: number }) => [r.numPassedTests, r.numFailedTests],
  vitestOk,
);

const built = step('Production build (vite build)', [
  bin('vite', 'bin/vite.js'),
  'build',
  '--logLevel',
  'warn',
]);
if (built) passed += 1;
else {
  failed += 1;
  failures.push('Production build');
}

/**
 * The e2e browser's flags for playwright.config.ts (harnessChromiumArgs); empty, so the config
 * falls back to the plain CHROMIUM_ARGS, if reading Playwright's own flags fails.
 */
async function e2eChromiumArgs(chromium: string): Promise<string> {
  try {
    return JSON.stringify(await harnessChromiumArgs(chromium));
  } catch (error) {
    console.warn(
      `Could not read Playwright's Chromium flags (${(error as Error).message}); the e2e tests run with the plain flags.`,
    );
    return '';
  }
}

if (built && process.env.SKIP_E2E !== '1') {
  let chromium: string | null = null;
  try {
    chromium = await ensureChromium();
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    failed += 1;
    failures.push('End-to-end tests (no Chromium)');
  }
  if (chromium) {
    const e2eReport = path.join(reports, 'playwright.json');
    const e2eOk = step(
      'End-to-end tests (playwright, Chromium)',
      [bin('@playwright/test', 'cli.js'), 'test'],
      {
        CHROMIUM_PATH: chromium,
        E2E_JSON_REPORT: e2eReport,
        [HARNESS_ARGS_ENV]: await e2eChromiumArgs(chromium),
      },
    );
    countJson(
      e2eReport,
      'Playwright',
      (r: { stats: { expected: number; unexpected: number; flaky: number } }) => [
        r.stats.expected + r.stats.flaky,
        r.stats.unexpected,
      ],
      e2eOk,
    );
  }
}

console.log('');
if (failures.length > 0) console.log(`Failing: ${failures.join('; ')}`);
const total = `${passed} passed, ${failed} failed`;
console.log(total);
if (process.env.FLEETLOG_SUMMARY_FILE)
  writeFileSync(process.env.FLEETLOG_SUMMARY_FILE, `${total}\n`);
process.exit(failed > 0 ? 1 : 0);
