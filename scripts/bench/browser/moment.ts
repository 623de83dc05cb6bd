/**
 * "The log opens at any moment": an event link 60,000 rows deep in the 100k log (no range) until
 * its row is selected and in view, and Next failure from there until the failure's row is; the
 * scrollbar dragged to the middle of the log, End and Home until real rows are there; Next failure
 * from the event whose next failure is the farthest in the log.
 * Times are wall-clock from the bench process (navigation, drag, key or click → row in view).
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { backendListSchema } from '../../../src/backends/contract.ts';
import { pageSizeFor } from '../../../src/features/events/api/first-page.ts';
import { ROW_HEIGHT } from '../../../src/features/events/components/row-height.ts';
import { isEventPageRequest } from '../../../e2e/support/count-requests.ts';
import { shownRows } from '../../../e2e/support/grid-rows.ts';
import { appRowTime, coldPage } from './launch.ts';
import type { DemoTargets, Sink } from './scenarios.ts';

const DEPTH = 60_000;

interface WireEvent {
  id: string;
  event_type_description?: string;
}

interface WirePage {
  data: WireEvent[];
  has_more: boolean;
  total_count?: number;
}

const eventsApi = (targets: DemoTargets) =>
  `/api/${targets.backendId}/v3/device-events?device_id__eq=${targets.longDeviceId}`;

/** The whole log newest first, read from the API with the largest pages. */
async function wholeLog(page: Page, targets: DemoTargets): Promise<WireEvent[]> {
  const events: WireEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const answer = await page.request.get(
      `${eventsApi(targets)}&order=DESC&limit=1000${after ? `&after=${after}` : ''}`,
    );
    const body = (await answer.json()) as WirePage;
    events.push(...body.data);
    after = body.data.at(-1)?.id;
    if (!body.has_more || !after) return events;
  }
}

/**
 * The event (newest first) whose next failure in display order is the farthest away: the row just
 * after a FAIL that starts the log's largest run without one.
 */
function farthestFromNextFailure(log: readonly WireEvent[]) {
  let best = { start: -1, failure: -1 };
  let previous = -1;
  log.forEach((event, index) => {
    if (event.event_type_description !== 'FAIL') return;
    if (previous >= 0 && index - (previous + 1) > best.failure - best.start) {
      best = { start: previous + 1, failure: index };
    }
    previous = index;
  });
  return { start: log[best.start]!, failure: log[best.failure]!, rows: best.failure - best.start };
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

const scrollerOf = (page: Page) => page.getByTestId('events-scroller');

/** The index of the first event row inside the scroller's visible part, or -1 while there is none. */
function firstRowInView(scroller: Locator): Promise<number> {
  return scroller.evaluate((element) => {
    const view = element.getBoundingClientRect();
    const inView = Array.from(element.querySelectorAll<HTMLElement>('[data-event-id]'))
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return box.height > 0 && box.bottom > view.top + 1 && box.top < view.bottom - 1;
      })
      .map((row) => Number(row.dataset.index));
    return inView.length > 0 ? Math.min(...inView) : -1;
  });
}

/**
 * Cold log, then: the scrollbar dragged to the middle (the thumb through 8 positions, one per
 * frame, then let go) until event rows are in view there; End (focus on a row) until the oldest
 * event's row is in view with "End of log"; Home until the newest one's is.
 */
async function jumpRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  for (let run = 1; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    // Which wait a failure happened in, and what the page showed then, for the report.
    let step = 'loading the log';
    try {
      const first = (await (
        await page.request.get(`${eventsApi(targets)}&order=DESC&limit=2&include=total_count`)
      ).json()) as WirePage;
      const last = (await (
        await page.request.get(`${eventsApi(targets)}&order=ASC&limit=2`)
      ).json()) as WirePage;
      const total = first.total_count ?? 0;
      const newest = first.data[0]!.id;
      const oldest = last.data[0]!.id;
      let requests = 0;
      page.on('request', (request) => {
        if (isEventPageRequest(request.url())) requests += 1;
      });
      await page.goto(`/${targets.backendId}/devices/${targets.longDeviceId}/events`);
      await appRowTime(page);
      await page.waitForLoadState('networkidle');
      const scroller = scrollerOf(page);
      const middle = Math.floor(total / 2);

      requests = 0;
      step = 'scrollbar dragged to the middle';
      await scroller.evaluate(
        async (element, { row, rowHeight }) => {
          for (let step = 1; step <= 8; step += 1) {
            element.scrollTop = (row * rowHeight * step) / 8;
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
        },
        { row: middle, rowHeight: ROW_HEIGHT },
      );
      const dropped = Date.now();
      // A row inside the scroller's visible part (the rows kept above and below it do not count).
      await expect
        .poll(() => firstRowInView(scroller), { timeout: 30_000, intervals: [16] })
        .toBeGreaterThanOrEqual(0);
      const middleMs = Date.now() - dropped;
      const landedAt = await firstRowInView(scroller);
      sink.add('momentScrollMiddle', middleMs);
      sink.add('momentScrollRequests', requests);

      step = 'End';
      await scroller.locator('[data-event-id]').first().focus();
      const endPressed = Date.now();
      await page.keyboard.press('End');
      await expect(page.locator(`[data-event-id="${oldest}"]`)).toBeInViewport({
        timeout: 30_000,
      });
      await expect(page.getByRole('status').filter({ hasText: 'End of log' })).toHaveCount(1);
      const endMs = Date.now() - endPressed;
      sink.add('momentEnd', endMs);

      step = 'Home';
      const homePressed = Date.now();
      await page.keyboard.press('Home');
      await expect(page.locator(`[data-event-id="${newest}"]`)).toBeInViewport({
        timeout: 30_000,
      });
      const homeMs = Date.now() - homePressed;
      sink.add('momentHome', homeMs);
      sink.log(
        `jump run ${run}: scrollbar to row ${middle.toLocaleString('en')} of ${total.toLocaleString('en')} → rows from ${landedAt.toLocaleString('en')} in view ${middleMs} ms ` +
          `(${requests} event requests); End → oldest row ${endMs} ms; Home → newest row ${homeMs} ms`,
      );
    } catch (error) {
      const shown = await shownRows(page).catch(() => []);
      const status = await page
        .getByRole('status')
        .allTextContents()
        .catch(() => []);
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      sink.fail(
        ['momentScrollMiddle', 'momentScrollRequests', 'momentEnd', 'momentHome'],
        new Error(
          `run ${run}, ${step}: ${why}; rows shown ${shown.length > 0 ? `${shown[0]![0]}…${shown.at(-1)![0]}` : 'none'}; ` +
            `status "${status.join(' | ').replace(/\s+/g, ' ').slice(0, 200)}"`,
        ),
      );
      return;
    } finally {
      await context.close();
    }
  }
  sink.note(
    'momentScrollMiddle',
    'cold context, 100,006-event log; drag = 8 scroll positions, one per frame',
  );
}

/**
 * Next failure where it is the farthest in the log (read whole from the API): from the row after a
 * FAIL that starts the longest run without one, until the next FAIL's row is selected in view.
 */
async function farFailureRuns(
  browser: Browser,
  origin: string,
  targets: DemoTargets,
  runs: number,
  sink: Sink,
) {
  let far: ReturnType<typeof farthestFromNextFailure> | null = null;
  // The Event log's page size for this backend, as the UI computes it.
  let pageSize = 0;
  for (let run = 1; run <= runs; run += 1) {
    const { context, page } = await coldPage(browser, origin);
    try {
      if (!far) {
        const { backends } = backendListSchema.parse(
          await (await page.request.get('/api/backends')).json(),
        );
        const info = backends.find((backend) => backend.id === targets.backendId);
        if (!info) throw new Error(`no backend ${targets.backendId}`);
        pageSize = pageSizeFor(info);
        far = farthestFromNextFailure(await wholeLog(page, targets));
      }
      const path = `/${targets.backendId}/devices/${targets.longDeviceId}/events/${far.start.id}`;
      await page.goto(path);
      await inView(page, far.start.id);
      await page.waitForLoadState('networkidle');
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Next failure' }).click();
      await page.waitForURL((url) => url.pathname.endsWith(far!.failure.id));
      await inView(page, far.failure.id);
      const stepMs = Date.now() - clicked;
      sink.add('momentNextFailureFar', stepMs);
      sink.log(
        `far failure run ${run}: Next failure ${far.rows} rows (${(far.rows / pageSize).toFixed(2)} pages of ${pageSize}) on → row in view ${stepMs} ms`,
      );
    } catch (error) {
      sink.fail(['momentNextFailureFar'], error);
      return;
    } finally {
      await context.close();
    }
  }
  if (far) {
    const pages = far.rows / pageSize;
    sink.note(
      'momentNextFailureFar',
      `${far.rows} rows = ${pages.toFixed(2)} pages of ${pageSize} away` +
        (pages < 10
          ? `: no FAIL of the demo log is 10 pages from the one before it (this is its largest gap)`
          : ''),
    );
  }
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
        if (isEventPageRequest(request.url())) requests += 1;
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
      break;
    } finally {
      await context.close();
    }
  }
  sink.note(
    'momentEventLink',
    `cold context; /events/:id with no from/to, ${DEPTH.toLocaleString('en')} rows from the newest end`,
  );
  await jumpRuns(browser, origin, targets, runs, sink);
  await farFailureRuns(browser, origin, targets, runs, sink);
}
