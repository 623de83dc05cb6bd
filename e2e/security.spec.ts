/**
 * The production server's Content-Security-Policy in a real browser: both demo backends' Event log
 * links arrive with a first screen whose inline scripts run under the page's nonce, the app takes
 * the page over, and the browser reports no violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { PAGE_PROBE } from '../scripts/bench/browser/page-probe.ts';
import { appRowTime } from '../scripts/bench/browser/launch.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { NOTABLE_PELION_DEVICES } from '../server/fleet/pelion-fleet.ts';

/** Violations as the page reports them (the event), and as Chromium logs them. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) logged.push(message.text());
  });
  page.on('pageerror', (error) => logged.push(`uncaught: ${error.message}`));
  await page.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', function (event) {
        window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
      });`,
  });
  return async () => [...logged, ...((await page.evaluate('window.__cspViolations')) as string[])];
}

const links = [
  {
    name: 'Izuma/Pelion',
    path: `/demo-pelion/devices/${NOTABLE_PELION_DEVICES.mediumHistory}/events`,
  },
  { name: 'Alibaba', path: `/demo-aliyun/devices/${ALIYUN_NOTABLE_DEVICES.customModule}/events` },
];

for (const link of links) {
  test(`the ${link.name} Event log link runs under its CSP without a violation`, async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    await page.addInitScript({ content: PAGE_PROBE });
    const response = await page.goto(link.path);
    const csp = response?.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeDefined();
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(/script-src ([^;]*)/.exec(csp)?.[1]).not.toContain('unsafe-inline');
    // Served with its first screen, whose scripts ran: times rewritten, input held.
    const html = (await response?.text()) ?? '';
    expect(html).toContain('data-first-screen');
    expect(html).toContain(`nonce="${nonce}"`);
    await appRowTime(page);
    // Hydrated and interactive: a row opens its details.
    const row = page.locator('[data-event-id]').nth(1);
    const id = await row.getAttribute('data-event-id');
    await row.click();
    await expect(page.getByRole('heading', { name: 'Event details' })).toBeVisible();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`${link.path}/${id}`);
    // The early-input script removed itself only after handing over: nothing is left busy.
    await expect(page.locator('#root')).not.toHaveAttribute('aria-busy', 'true');
    expect(await violations()).toEqual([]);
  });
}

test('an inline script without the nonce is refused by the browser', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/demo-pelion/devices');
  // What an injected script would look like: added to the page without the nonce.
  await page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.appendChild(script);
  })()`);
  await expect
    .poll(async () => (await violations()).some((text) => text.includes('script-src')))
    .toBe(true);
  expect(await page.evaluate('window.__injected === true')).toBe(false);
});
