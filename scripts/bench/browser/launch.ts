/** Chromium for the bench, driven by Playwright, with the project's container-safe flags. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, harnessChromiumArgs } from '../../chromium.ts';
import { APP_ROW_MESSAGE, FIRST_ROW_MESSAGE, PAGE_PROBE } from './page-probe.ts';

/**
 * Chromium without its own UI's start-up work per window and with V8 recording source positions as
 * it compiles (HARNESS_DISABLED_FEATURES and HARNESS_JS_FLAGS in scripts/chromium.ts);
 * `BENCH_CHROMIUM_UI=1` launches it with the plain flags, to compare with runs made before.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const args =
    process.env.BENCH_CHROMIUM_UI === '1'
      ? CHROMIUM_ARGS
      : await harnessChromiumArgs(executablePath);
  return chromium.launch({ executablePath, args });
}

/** A fresh context is a cold start: no HTTP cache, no storage, no service worker. */
export async function coldPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: PAGE_PROBE });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Starts listening for the probe's first-row mark (`app`: the first row the app rendered itself,
 * after a server-rendered first screen). Call before `page.goto` for a load that is being timed:
 * it only listens to the console, so nothing runs in the page while it loads.
 */
export function watchFirstRow(
  page: Page,
  timeoutMs = 30_000,
  which: 'any' | 'app' = 'any',
): () => Promise<number> {
  const mark = which === 'app' ? APP_ROW_MESSAGE : FIRST_ROW_MESSAGE;
  const told = page
    .waitForEvent('console', {
      predicate: (message) => message.text().startsWith(`${mark} `),
      timeout: timeoutMs,
    })
    .then((message) => Number(message.text().slice(mark.length + 1)));
  // Handled here and rethrown below with what the page shows.
  told.catch(() => undefined);
  return async () => {
    try {
      return await told;
    } catch (error) {
      throw await noRowError(page, timeoutMs, error);
    }
  };
}

/**
 * The probe's mark (ms since navigation start) of the first row the app rendered, on a page
 * already navigated: from then on the rows respond to scrolling, clicks and keys.
 */
export async function appRowTime(page: Page, timeoutMs = 30_000): Promise<number> {
  // Polled from here rather than with waitForFunction: that compiles its predicate inside the
  // page, which the Content-Security-Policy (no 'unsafe-eval') refuses; page.evaluate does not.
  const deadline = Date.now() + timeoutMs;
  let cause: unknown = null;
  while (Date.now() < deadline) {
    try {
      const at = (await page.evaluate('window.__bench ? window.__bench.appRowAt : null')) as
        number | null;
      if (at !== null) return at;
    } catch (error) {
      cause = error; // a navigation in progress; ask again
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw await noRowError(page, timeoutMs, cause);
}

async function noRowError(page: Page, timeoutMs: number, cause: unknown): Promise<Error> {
  const shown = await page
    .evaluate('document.body ? document.body.innerText.replace(/\\s+/g, " ").slice(0, 300) : ""')
    .catch(() => '');
  return new Error(
    `no event row within ${timeoutMs} ms at ${page.url()}; the page shows: "${String(shown)}"`,
    { cause },
  );
}
