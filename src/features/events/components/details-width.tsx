import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useSeparatorDrag } from '../../../lib/use-separator-drag.ts';

/**
 * The width of the Event details beside the grid: the reader drags its left edge or focuses it
 * and presses ←/→ (Shift: 4× the step), Home for the narrowest; remembered in this browser. It
 * never takes the grid below `GRID_MIN` (nor more than 60 % of the row on a narrow window).
 */
export const DETAILS_MIN = 288;
export const GRID_MIN = 480;
const GAP = 12;
const STEP = 16;
const STORAGE_KEY = 'fleetlog:details-width';

function recall(): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) && value >= DETAILS_MIN ? Math.round(value) : null;
  } catch {
    return null;
  }
}

/** The widest the details may be beside a row this wide (the panel's and the grid's together). */
export function widestDetails(rowWidth: number): number {
  return Math.max(DETAILS_MIN, Math.min(rowWidth - GRID_MIN - GAP, rowWidth * 0.6));
}

/** The CSS bound that holds the same rule while the window is resized. */
export const DETAILS_MAX_CSS = `max(${DETAILS_MIN}px, min(calc(100% - ${GRID_MIN + GAP}px), 60%))`;

/** Until the reader resizes it: 26 rem, 30 rem from 1536 px. */
const defaultWidth = () => (window.innerWidth >= 1536 ? 480 : 416);

export function useDetailsWidth(): [number, (width: number) => void] {
  // The panel renders in the browser only (after the app has taken the page over).
  const [width, setWidth] = useState<number>(() => recall() ?? defaultWidth());
  const set = (next: number) => {
    setWidth(next);
    try {
      localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Storage disabled: the width holds until the page is left.
    }
  };
  return [width, set];
}

export interface DetailsResizerProps {
  /** The panel's width now, in CSS pixels. */
  width: () => number;
  /** The row the panel and the grid share, for the widest the panel may be. */
  rowWidth: () => number;
  onResize: (width: number) => void;
  valueNow: number;
}

export function DetailsResizer({ width, rowWidth, onResize, valueNow }: DetailsResizerProps) {
  const apply = (next: number) =>
    onResize(Math.round(Math.min(widestDetails(rowWidth()), Math.max(DETAILS_MIN, next))));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 4 * STEP : STEP;
    const now = width();
    const next =
      event.key === 'ArrowLeft'
        ? now + step
        : event.key === 'ArrowRight'
          ? now - step
          : event.key === 'Home'
            ? DETAILS_MIN
            : event.key === 'End'
              ? widestDetails(rowWidth())
              : null;
    if (next === null) return;
    event.preventDefault();
    apply(next);
  };
  // The panel is right of the grid: dragging its edge left widens it.
  const pointer = useSeparatorDrag(width, apply, -1);
  return (
    // A focusable separator is a widget in WAI-ARIA 1.2 (a window splitter), which the lint rule
    // does not know: it takes keys and pointer drags by design.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize Event details"
      aria-valuenow={valueNow}
      aria-valuemin={DETAILS_MIN}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable separator is a resize control (WAI-ARIA: window splitter)
      tabIndex={0}
      onKeyDown={onKeyDown}
      {...pointer}
      className="absolute top-0 bottom-0 -left-2.5 z-10 w-2 cursor-col-resize touch-none rounded outline-none select-none after:absolute after:inset-y-0 after:left-1/2 after:w-px after:bg-slate-300 hover:after:w-0.5 hover:after:bg-blue-600 focus-visible:ring-2 focus-visible:ring-blue-600"
    />
  );
}
