/**
 * Filter change on a loaded Event log: from the moment the new result's first response has fully
 * arrived to the first frame that shows the new result's first rows. Measured in the page's clock:
 * Resource Timing gives the response end, a per-frame record gives what the rows showed.
 */
import type { Page } from '@playwright/test';

/** How many leading rows identify "the first rows of the new result". */
const FIRST_ROWS = 5;

export interface FilterChangeResult {
  /** ms from the response end to the first frame showing the new first rows. */
  renderAfterResponseMs: number;
  /** ms from the click to that frame (includes the request itself). */
  clickToRowsMs: number;
  rowsShown: number;
}

interface Frame {
  t: number;
  first: string;
  rows: number;
}

export async function changeFilter(
  page: Page,
  act: () => Promise<void>,
  isNewResultRequest: (url: URL) => boolean,
): Promise<FilterChangeResult> {
  await page.evaluate('performance.clearResourceTimings()');
  const clickedAt = (await page.evaluate(`window.__bench.recordFrames(${FIRST_ROWS})`)) as number;
  const before = (await page.evaluate(
    `Array.from(document.querySelectorAll('[data-event-id]'), (row) => row.getAttribute('data-event-id')).slice(0, ${FIRST_ROWS}).join(',')`,
  )) as string;
  const response = page.waitForResponse((candidate) =>
    isNewResultRequest(new URL(candidate.url())),
  );
  await act();
  await (await response).finished();
  await page.waitForLoadState('networkidle');
  // Let the last page render and a few frames pass, so the record ends in the settled state.
  await page.waitForTimeout(300);
  const frames = (await page.evaluate('window.__bench.stopFrames()')) as Frame[];
  const entries = (await page.evaluate(
    `performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd }))`,
  )) as Array<{ name: string; start: number; end: number }>;
  const request = entries.find((entry) => isNewResultRequest(new URL(entry.name)));
  if (!request) throw new Error('the new result was not fetched after the filter change');
  const settled = frames.at(-1);
  if (!settled || settled.first === '' || settled.first === before) {
    throw new Error('the filter change did not change the first rows shown');
  }
  // A prefetch may have answered before the click; then the clock starts at the click.
  const arrivedAt = Math.max(request.end, clickedAt);
  const shown = frames.find((frame) => frame.t >= arrivedAt && frame.first === settled.first);
  if (!shown) throw new Error('no frame showed the new first rows');
  return {
    renderAfterResponseMs: shown.t - arrivedAt,
    clickToRowsMs: shown.t - clickedAt,
    rowsShown: settled.rows,
  };
}
