/**
 * Finds a Chromium that Playwright can drive, installing one when the machine has none:
 * Playwright's own download where the network allows it, else Debian/Ubuntu's `chromium` package
 * when running as root. Prints the executable path on success.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags that keep Chromium off the (closed) network and quiet in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Chromium's own UI that a headless Chromium (156 here) still builds for every new window — and
 * each cold browser context the bench and the e2e tests open is one: the WebUI omnibox popup and
 * the other preloaded "top chrome" WebUIs, ~250 chrome:// module requests through the browser's
 * network service while the page under test loads, on the same two cores. A Chromium trace of the
 * bench's cold deep link showed them filling the first 200 ms and delaying the page's own scripts
 * by 300–500 ms (docs/performance.md, "Fourth round: the harness loaded Chromium's omnibox"). A user's browser
 * built that UI when it started; opening a link does not. Feature names are Chromium's
 * (`chrome://flags`, `base::Feature`); an unknown name is ignored.
 */
export const HARNESS_DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
  'PreloadTopChromeWebUI',
];

/**
 * V8 flags for the harness. `--no-enable-lazy-source-positions`: V8 normally records where each
 * bytecode came from only when a stack trace first asks, by parsing the function again. A page a
 * DevTools client has called `Runtime.enable` on — every page Playwright drives — captures a
 * detailed stack trace whenever an `Error` is constructed, so react-dom's module-scope
 * `Error(...)` (its hydration-mismatch sentinel) parsed its whole ~200 KB module function again:
 * 40–70 ms of the bench's start-up that no user's browser spends (measured with and without a
 * DevTools session on the page by `npm run bench:takeover-detached`; docs/performance.md, "Fifth
 * round"). With positions recorded as scripts compile (off the main thread, for streamed ones),
 * that `Error` costs what it costs a user.
 */
export const HARNESS_JS_FLAGS = ['--no-enable-lazy-source-positions'];

const DISABLE_FEATURES = '--disable-features=';
const JS_FLAGS = '--js-flags=';

/**
 * `args` with one `switchName` listing both `launcherDefaults`' values (the switch the launcher
 * passes first) and `extra`: Chromium keeps only the last of a repeated switch on its command line,
 * so a second one of our own would silently drop the launcher's values.
 */
function withListSwitch(
  switchName: string,
  separator: string,
  args: readonly string[],
  launcherDefaults: readonly string[],
  extra: readonly string[],
): string[] {
  const listed = (list: readonly string[]) =>
    list
      .filter((arg) => arg.startsWith(switchName))
      .flatMap((arg) => arg.slice(switchName.length).split(separator))
      .filter(Boolean);
  const values = [...new Set([...listed(launcherDefaults), ...listed(args), ...extra])];
  return [
    ...args.filter((arg) => !arg.startsWith(switchName)),
    `${switchName}${values.join(separator)}`,
  ];
}

/** `args` with `extra` added to the one `--disable-features` (see withListSwitch). */
export function withDisabledFeatures(
  args: readonly string[],
  launcherDefaults: readonly string[],
  extra: readonly string[] = HARNESS_DISABLED_FEATURES,
): string[] {
  return withListSwitch(DISABLE_FEATURES, ',', args, launcherDefaults, extra);
}

/** `args` with `extra` added to the one `--js-flags` (see withListSwitch). */
export function withJsFlags(
  args: readonly string[],
  launcherDefaults: readonly string[],
  extra: readonly string[] = HARNESS_JS_FLAGS,
): string[] {
  return withListSwitch(JS_FLAGS, ' ', args, launcherDefaults, extra);
}

/** The command line Playwright launches Chromium with (it does not export its flags): one launch. */
export async function playwrightCommandLine(executablePath: string): Promise<string[]> {
  const { chromium } = await import('@playwright/test');
  const server = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
  try {
    return server.process().spawnargs;
  } finally {
    await server.close();
  }
}

/**
 * The arguments the bench and the e2e tests launch Chromium with: CHROMIUM_ARGS plus
 * HARNESS_DISABLED_FEATURES merged into Playwright's own `--disable-features` and HARNESS_JS_FLAGS
 * into its `--js-flags` (if it passes one).
 */
export async function harnessChromiumArgs(executablePath: string): Promise<string[]> {
  const launcher = await playwrightCommandLine(executablePath);
  return withJsFlags(withDisabledFeatures(CHROMIUM_ARGS, launcher), launcher);
}

/** The environment variable through which `npm test` hands those arguments to playwright.config.ts. */
export const HARNESS_ARGS_ENV = 'FLEETLOG_CHROMIUM_ARGS';

function runs(executable: string): boolean {
  const result = spawnSync(executable, ['--headless', '--no-sandbox', '--version'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return result.status === 0;
}

async function playwrightChromium(): Promise<string | null> {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function findChromium(): Promise<string | null> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) && runs(fromEnv) ? fromEnv : null;
  const own = await playwrightChromium();
  if (own && runs(own)) return own;
  return SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate) && runs(candidate)) ?? null;
}

export async function ensureChromium(): Promise<string> {
  const found = await findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not a working Chromium.`);
  }
  console.log("No usable Chromium found; trying Playwright's own browser download…");
  const own = spawnSync(
    process.execPath,
    ['node_modules/@playwright/test/cli.js', 'install', 'chromium'],
    {
      stdio: 'inherit',
      timeout: 120_000,
    },
  );
  if (own.status === 0) {
    const path = await playwrightChromium();
    if (path && runs(path)) return path;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium with apt-get (running as root)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = await findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No usable Chromium for the end-to-end tests. Install one: as root `apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or `npx playwright install chromium` where the network allows, or set CHROMIUM_PATH ' +
      'to a Chromium/Chrome executable.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureChromium().then(
    (path) => console.log(path),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
