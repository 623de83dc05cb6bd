/**
 * "The log opens at any moment": an event link 60,000 rows deep in the 100k log (no range) until
 * its row is selected and in view, and Next failure from there until the failure's row is.
 * Times are wall-clock from the bench process (navigation or click → row in view).
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { coldPage } from './launch.ts';
import type { DemoTargets, Sink } from './scenarios.ts';

const DEPTH = 60_000;

interface WireEvent {
  id: string;
  event_type_description?: string;
}

/** The event DEPTH rows from the newest end, read from the API with the largest pages. */
async function eventAtDepth(page: Page, targets: DemoTargets) {
  const api = `/api/${targets.backendId}/v3/device-events?device_id__eq=${targets.longDeviceId}&order=DESC&limit=1000`;
  let after: string | null = null;
  let read = 0;
  for (;;) {
    const answer = await page.request.get(`${api}${after ? `&after=${after}` : ''}`);
    const { data } = (await answer.json()) as { data: WireEvent[] };
    if (read + data.length > DEPTH) {
      const rest = data.slice(DEPTH - read);
      return {
        event: data[DEPTH - read]!,
        nextFailAt: rest.findIndex((e, i) => i > 0 && e.event_type_description === 'FAIL'),
      };
    }
    read += data.length;
    after = data.at(-1)?.id ?? null;
    if (!after) throw new Error(`the log has fewer than ${DEPTH} events`);
  }
}

async function inView(page: Page, id: string, timeoutMs = 30_000) {
  // A locator assertion, not waitForFunction: the app's CSP forbids evaluating strings.
  const row = page.locator(`[data-event-id="${id}"][aria-selected="true"]`);
  await expect(row).toBeInViewport({ timeout: timeoutMs });
}

export async function momentRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  for (let run = 1; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    try {
      const { event, nextFailAt } = await eventAtDepth(page, targets);
      const path = `/${targets.backendId}/devices/${targets.longDeviceId}/events/${event.id}`;
      let requests = 0;
      page.on('request', (request) => {
        if (request.url().includes('/device-events')) requests += 1;
      });
      const started = Date.now();
      await page.goto(path);
      await inView(page, event.id);
      const linkMs = Date.now() - started;
      sink.add('momentEventLink', linkMs);
      const linkRequests = requests;
      await page.waitForLoadState('networkidle');
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Next failure' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(event.id));
      const failureId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
      await inView(page, failureId);
      const stepMs = Date.now() - clicked;
      sink.add('momentNextFailure', stepMs);
      sink.log(
        `moment run ${run}: event link ${DEPTH.toLocaleString('en')} rows deep → selected row in view ${linkMs} ms (${linkRequests} event requests); ` +
          `Next failure (${nextFailAt} rows on) → row in view ${stepMs} ms`,
      );
    } catch (error) {
      sink.fail(['momentEventLink', 'momentNextFailure'], error);
      return;
    } finally {
      await context.close();
    }
  }
  sink.note(
    'momentEventLink',
    `cold context; /events/:id with no from/to, ${DEPTH.toLocaleString('en')} rows from the newest end`,
  );
}
