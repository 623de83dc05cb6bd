import { useRef } from 'react';
import type { PointerEvent } from 'react';

/**
 * Pointer handlers of a vertical resize separator (a column's or a panel's edge): a drag with the
 * primary button sets the size it started at plus the pointer's horizontal travel, times `sign`
 * (−1 for an edge on the left of what it sizes: dragging left widens it).
 */
export function useSeparatorDrag(
  startSize: () => number,
  onResize: (size: number) => void,
  sign: 1 | -1,
) {
  const drag = useRef<{ x: number; size: number } | null>(null);
  const stop = () => {
    drag.current = null;
  };
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { x: event.clientX, size: startSize() };
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (drag.current) onResize(drag.current.size + sign * (event.clientX - drag.current.x));
    },
    onPointerUp: stop,
    onPointerCancel: stop,
  };
}
