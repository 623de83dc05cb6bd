import type { Locator, Page } from '@playwright/test';

/**
 * Scrolls the Events grid from where it is to "End of log" and returns every event id it showed,
 * in row order (aria-rowindex), each once.
 *
 * Each step brings the last rendered row to the top of the scroller. That row is already read, so
 * the rows read next always continue the ones read before: a step whose re-render has not landed
 * yet just reads the same rows again instead of skipping past rows it never saw. The page is
 * scrolled to show the whole list first, as a reader would: rows are only built for the part of
 * the list inside the window.
 */
export async function readWholeLog(
  page: Page,
  status: Locator,
  maxSteps = 1000,
): Promise<string[]> {
  const byIndex = new Map<number, string>();
  for (let step = 0; step < maxSteps; step++) {
    const { rows, atEnd } = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="events-scroller"]');
      const grid = scroller?.closest('[role="grid"]');
      grid?.scrollIntoView({ block: 'end' });
      const elements = Array.from(
        scroller?.querySelectorAll<HTMLElement>('[data-event-id]') ?? [],
      ).map((row) => ({ row, index: Number(row.getAttribute('aria-rowindex')) }));
      elements.sort((a, b) => a.index - b.index);
      const last = elements.at(-1);
      if (scroller && last) {
        scroller.scrollTop +=
          last.row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      }
      return {
        rows: elements.map(({ row, index }) => [index, row.dataset.eventId ?? ''] as const),
        // aria-rowcount is -1 while the total is unknown: not the end yet.
        atEnd:
          !last ||
          (Number(grid?.getAttribute('aria-rowcount')) > 0 &&
            last.index >= Number(grid?.getAttribute('aria-rowcount'))),
      };
    });
    for (const [index, id] of rows) {
      const earlier = byIndex.get(index);
      if (earlier !== undefined && earlier !== id) {
        throw new Error(`row ${index} showed ${earlier}, later ${id}`);
      }
      byIndex.set(index, id);
    }
    if (atEnd && /End of log/.test((await status.textContent()) ?? '')) break;
    await page.waitForTimeout(40);
  }
  const indices = [...byIndex.keys()].sort((a, b) => a - b);
  const gap = indices.findIndex((index, at) => at > 0 && index !== indices[at - 1]! + 1);
  if (gap > 0)
    throw new Error(`rows ${indices[gap - 1]! + 1}–${indices[gap]! - 1} were never shown`);
  return indices.map((index) => byIndex.get(index)!);
}
