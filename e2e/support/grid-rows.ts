import type { Page } from '@playwright/test';

/** The Events grid's rendered rows in row order, as [row index, event id]. */
export async function shownRows(page: Page): Promise<Array<[number, string]>> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>('[data-testid="events-scroller"] [data-event-id]'),
    )
      .map((row): [number, string] => [Number(row.dataset.index), row.dataset.eventId ?? ''])
      .sort((a, b) => a[0] - b[0]),
  );
}
