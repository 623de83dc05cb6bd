/** Chromium for the bench, driven by Playwright, with the project's container-safe flags. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../chromium.ts';
import { PAGE_PROBE } from './page-probe.ts';

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

/** Waits for the probe's first-row mark; returns it (ms since navigation start). */
export async function firstRowTime(page: Page, timeoutMs = 30_000): Promise<number> {
  try {
    await page.waitForFunction('window.__bench && window.__bench.firstRowAt !== null', undefined, {
      timeout: timeoutMs,
      polling: 'raf',
    });
  } catch (error) {
    const shown = await page
      .evaluate('document.body ? document.body.innerText.replace(/\\s+/g, " ").slice(0, 300) : ""')
      .catch(() => '');
    throw new Error(
      `no event row within ${timeoutMs} ms at ${page.url()}; the page shows: "${String(shown)}"`,
      {
        cause: error,
      },
    );
  }
  return (await page.evaluate('window.__bench.firstRowAt')) as number;
}
