import { useState, type FocusEvent, type KeyboardEvent } from 'react';

/** Where the keyboard is in a grid of links: a row, and which of its links. */
export interface LinkGridFocus {
  row: number;
  link: number;
}

/** As in a device's Event log (config/keyboard-shortcuts.ts). */
const PAGE_ROWS = 20;

/**
 * One Tab stop for a grid whose rows hold links (the fleet feed's time and device): the link last
 * focused keeps `tabIndex` 0, every other one -1; the arrows move between rows (Up/Down, PageUp/
 * PageDown, Home/End) and between a row's links (Left/Right), so Tab leaves the grid at once
 * instead of visiting every link of every row. Links carry `data-grid-row` and `data-grid-link`.
 */
export function useLinkGrid(rowCount: number, linksPerRow: number) {
  const [current, setCurrent] = useState<LinkGridFocus>({ row: 0, link: 0 });
  // Fewer rows after a filter change: the stop moves to the last row there is.
  const focus = { row: Math.min(current.row, Math.max(0, rowCount - 1)), link: current.link };

  /** Props for link `link` of row `row`, which holds `rowLinks` links (an event with no device, one). */
  const linkProps = (row: number, link: number, rowLinks = linksPerRow) => ({
    'data-grid-row': row,
    'data-grid-link': link,
    tabIndex: row === focus.row && link === Math.min(focus.link, rowLinks - 1) ? 0 : -1,
  });

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const row = Number(target.dataset.gridRow);
    const link = Number(target.dataset.gridLink);
    if (Number.isInteger(row) && Number.isInteger(link)) setCurrent({ row, link });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || rowCount === 0) return;
    const last = rowCount - 1;
    const moves: Record<string, () => LinkGridFocus> = {
      ArrowDown: () => ({ ...focus, row: Math.min(last, focus.row + 1) }),
      ArrowUp: () => ({ ...focus, row: Math.max(0, focus.row - 1) }),
      PageDown: () => ({ ...focus, row: Math.min(last, focus.row + PAGE_ROWS) }),
      PageUp: () => ({ ...focus, row: Math.max(0, focus.row - PAGE_ROWS) }),
      Home: () => ({ ...focus, row: 0 }),
      End: () => ({ ...focus, row: last }),
      ArrowRight: () => ({ ...focus, link: Math.min(linksPerRow - 1, focus.link + 1) }),
      ArrowLeft: () => ({ ...focus, link: Math.max(0, focus.link - 1) }),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move();
    const grid = event.currentTarget;
    // A row without that link (an event with no device) takes its first one.
    const target =
      grid.querySelector<HTMLElement>(
        `[data-grid-row="${next.row}"][data-grid-link="${next.link}"]`,
      ) ?? grid.querySelector<HTMLElement>(`[data-grid-row="${next.row}"][data-grid-link="0"]`);
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
    // Focusing a row's first link in place of a missing one keeps the column for the next row.
    setCurrent(next);
  };

  return { linkProps, onFocus, onKeyDown };
}
