import type { KeyboardEvent } from 'react';
import { useSeparatorDrag } from '../../../lib/use-separator-drag.ts';

export interface ColumnResizerProps {
  /** The column's header text. */
  label: string;
  /** Width in CSS pixels. */
  size: number;
  min: number;
  onResize: (size: number) => void;
}

const STEP = 16;

/**
 * The right edge of a column header: drag it, or focus it and press ←/→ (Shift: 4× the step),
 * Home for the narrowest. A window separator in ARIA terms, valued by the column's width.
 */
export function ColumnResizer({ label, size, min, onResize }: ColumnResizerProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 4 * STEP : STEP;
    const next =
      event.key === 'ArrowRight'
        ? size + step
        : event.key === 'ArrowLeft'
          ? size - step
          : event.key === 'Home'
            ? min
            : null;
    if (next === null) return;
    event.preventDefault();
    onResize(next);
  };
  const pointer = useSeparatorDrag(() => size, onResize, 1);
  return (
    // A focusable separator is a widget in WAI-ARIA 1.2 (a window splitter), which the lint rule
    // does not know: it takes keys and pointer drags by design.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={size}
      aria-valuemin={min}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable separator is a resize control (WAI-ARIA: window splitter)
      tabIndex={0}
      onKeyDown={onKeyDown}
      {...pointer}
      className="absolute top-0 -right-2.5 bottom-0 z-10 w-2 cursor-col-resize touch-none rounded outline-none select-none after:absolute after:inset-y-0 after:left-1/2 after:w-px after:bg-slate-300 hover:after:w-0.5 hover:after:bg-blue-600 focus-visible:ring-2 focus-visible:ring-blue-600"
    />
  );
}
