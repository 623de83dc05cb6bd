/** Chromium for the bench, driven by Playwright, with the project's container-safe flags. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../chromium.ts';
import { FIRST_ROW_MESSAGE, PAGE_PROBE } from './page-probe.ts';

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
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
 * Starts listening for the probe's first-row mark. Call before `page.goto` for a load that is
 * being timed: it only listens to the console, so nothing runs in the page while it loads.
 */
export function watchFirstRow(page: Page, timeoutMs = 30_000): () => Promise<number> {
  const told = page
    .waitForEvent('console', {
      predicate: (message) => message.text().startsWith(`${FIRST_ROW_MESSAGE} `),
      timeout: timeoutMs,
    })
    .then((message) => Number(message.text().slice(FIRST_ROW_MESSAGE.length + 1)));
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

/** The probe's first-row mark (ms since navigation start) of a page already navigated. */
export async function firstRowTime(page: Page, timeoutMs = 30_000): Promise<number> {
  try {
    await page.waitForFunction('window.__bench && window.__bench.firstRowAt !== null', undefined, {
      timeout: timeoutMs,
      polling: 'raf',
    });
  } catch (error) {
    throw await noRowError(page, timeoutMs, error);
  }
  return (await page.evaluate('window.__bench.firstRowAt')) as number;
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
