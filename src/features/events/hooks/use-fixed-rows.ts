import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * Windowing for rows of one fixed height: which rows to render for a scroll container, and how to
 * scroll to a row. With every row the same height, a row's offset is `index × height`, so nothing
 * is measured and nothing is kept per row: the cost of a scroll step or of an appended page does
 * not grow with the number of rows. (A general virtualizer rebuilds a measurement per row whenever
 * the row count changes — 100,000 objects per appended page at the end of a long log.)
 */

export interface FixedRowsOptions {
  count: number;
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** Viewport height assumed until the container is measured (first render). */
  initialHeight: number;
}

export type ScrollAlign = 'auto' | 'start' | 'center' | 'end';

/** Stable for the life of the component: callbacks built on it do not change when rows do. */
export interface RowScroller {
  /** The container's scroll offset now (read from the element). */
  offset(): number;
  /**
   * What the reader sees of the list now, in content pixels: the band on screen (see
   * `clipToWindow`), or the container's whole viewport when not even a row of it is on screen.
   */
  seen(): { offset: number; height: number };
  toOffset(offset: number): void;
  /** `auto` scrolls only as far as needed to show the whole row. */
  toIndex(index: number, align: ScrollAlign): void;
}

export interface FixedRows {
  /** First and last row to render (overscan included); `last < first` when there are none. */
  first: number;
  last: number;
  totalHeight: number;
  /** The container's height as last measured. */
  viewportHeight: number;
  /** The first row wholly in view (the first partly in view when none is), `first` to `last`. */
  firstInView: number;
  scroller: RowScroller;
}

interface Viewport {
  offset: number;
  height: number;
}

/** The container's viewport and the band of it that is inside the window (the rest is cut off). */
interface Shown extends Viewport {
  /** Distance from the container's top edge to the first pixel on screen. */
  clipTop: number;
  /** Height of the container on screen. */
  clipHeight: number;
}

/** What the container shows as a viewport in its own content: only the band on screen. */
export function visibleBand(shown: Shown): Viewport {
  return { offset: shown.offset + shown.clipTop, height: shown.clipHeight };
}

/**
 * The band of a container that is inside the window: a list taller than the space under the page's
 * header runs off the bottom of the window until the page is scrolled, and rows down there are DOM
 * to build and paint on every frame of a fling for nobody. A container without a layout box
 * (jsdom) counts as fully shown.
 */
export function clipToWindow(
  box: { top: number; height: number },
  containerHeight: number,
  windowHeight: number,
): { clipTop: number; clipHeight: number } {
  if (box.height <= 0) return { clipTop: 0, clipHeight: containerHeight };
  const top = Math.min(containerHeight, Math.max(0, -box.top));
  const bottom = Math.max(top, Math.min(containerHeight, windowHeight - box.top));
  return { clipTop: top, clipHeight: bottom - top };
}

function measure(element: HTMLElement): Shown {
  const height = element.clientHeight;
  const box = element.getBoundingClientRect();
  return {
    offset: element.scrollTop,
    height,
    ...clipToWindow(box, height, window.innerHeight),
  };
}

function seenPart(shown: Shown, rowHeight: number): { view: Viewport; clipTop: number } {
  if (shown.clipHeight >= rowHeight) return { view: visibleBand(shown), clipTop: shown.clipTop };
  return { view: { offset: shown.offset, height: shown.height }, clipTop: 0 };
}

const sameShown = (a: Shown, b: Shown) =>
  a.offset === b.offset &&
  a.height === b.height &&
  a.clipTop === b.clipTop &&
  a.clipHeight === b.clipHeight;

/** The rows to render for a viewport (exported for tests). */
export function rowRange(
  viewport: Viewport,
  count: number,
  rowHeight: number,
  overscan: number,
): { first: number; last: number } {
  if (count <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, viewport.offset);
  const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight));
  // A row counts as visible while any of it is above the viewport's bottom edge.
  const lastVisible = Math.min(
    count - 1,
    Math.max(firstVisible, Math.ceil((top + viewport.height) / rowHeight) - 1),
  );
  return {
    first: Math.max(0, firstVisible - overscan),
    last: Math.min(count - 1, lastVisible + overscan),
  };
}

/** The scroll offset that shows row `index` as `align` asks, or null when it needs no scroll. */
export function offsetForIndex(
  index: number,
  align: ScrollAlign,
  viewport: Viewport,
  count: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const maxOffset = Math.max(0, count * rowHeight - viewport.height);
  let target: number;
  if (align === 'start') target = top;
  else if (align === 'end') target = top + rowHeight - viewport.height;
  else if (align === 'center') target = top + rowHeight / 2 - viewport.height / 2;
  else if (top < viewport.offset) target = top;
  else if (top + rowHeight > viewport.offset + viewport.height)
    target = top + rowHeight - viewport.height;
  else return null;
  return Math.min(maxOffset, Math.max(0, Math.round(target)));
}

export function useFixedRows({
  count,
  rowHeight,
  overscan,
  scrollRef,
  initialHeight,
}: FixedRowsOptions): FixedRows {
  const [viewport, setViewport] = useState<Shown>({
    offset: 0,
    height: initialHeight,
    clipTop: 0,
    clipHeight: initialHeight,
  });
  // The viewport the rows on screen were rendered for (committed), read by the scroll listener.
  const rendered = useRef(viewport);
  useLayoutEffect(() => {
    rendered.current = viewport;
  });
  // What the scroll listener and the scroll methods read; set before any effect of this render.
  const latest = useRef({ count, rowHeight, overscan });
  useLayoutEffect(() => {
    latest.current = { count, rowHeight, overscan };
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // Re-render only when the rendered range or the height changes, not on every scrolled pixel.
    // A new range is rendered and committed inside the scroll event, which the browser runs just
    // before it paints: the frame shows the rows for its own scroll position, in one task, instead
    // of painting the old rows and rendering the new ones in a separate task after the frame.
    const update = (sync: boolean) => {
      const next = measure(element);
      const previous = rendered.current;
      if (sameShown(previous, next)) return;
      const { count: rows, rowHeight: height, overscan: extra } = latest.current;
      const before = rowRange(visibleBand(previous), rows, height, extra);
      const after = rowRange(visibleBand(next), rows, height, extra);
      const sameRows = before.first === after.first && before.last === after.last;
      if (sameRows && previous.height === next.height) return;
      rendered.current = next;
      if (sync) flushSync(() => setViewport(next));
      else setViewport(next);
    };
    const onScroll = () => update(true);
    update(false);
    element.addEventListener('scroll', onScroll, { passive: true });
    // Scrolling the page (or any box around the list: scroll events do not bubble, but they pass
    // the document on their way down) or resizing the window moves the band that is on screen.
    const onOuterScroll = (event: Event) => {
      if (event.target !== element) update(true);
    };
    document.addEventListener('scroll', onOuterScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onScroll);
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      document.removeEventListener('scroll', onOuterScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
      resize?.disconnect();
    };
  }, [scrollRef]);

  const { first, last } = rowRange(visibleBand(viewport), count, rowHeight, overscan);
  const inView = Math.ceil(seenPart(viewport, rowHeight).view.offset / rowHeight);
  const firstInView = Math.min(last, Math.max(first, inView));

  const scrollOffset = useCallback(() => scrollRef.current?.scrollTop ?? 0, [scrollRef]);
  // Renders the rows at the new offset at once instead of waiting for the scroll event (which a
  // browser fires on its next frame, and a DOM without layout never).
  const scrollToOffset = useCallback(
    (offset: number) => {
      const element = scrollRef.current;
      if (!element) return;
      element.scrollTop = offset;
      const next = { ...measure(element), offset };
      rendered.current = next;
      setViewport(next);
    },
    [scrollRef],
  );
  const scrollToIndex = useCallback(
    (index: number, align: ScrollAlign) => {
      const element = scrollRef.current;
      if (!element) return;
      const { count: rows, rowHeight: height } = latest.current;
      // Aligned within what the reader sees: a row "in view" below the bottom of the window is not.
      const shown = measure(element);
      const { view, clipTop } = seenPart(shown, height);
      const target = offsetForIndex(index, align, view, rows, height);
      if (target === null) return;
      const maxOffset = Math.max(0, rows * height - shown.height);
      scrollToOffset(Math.min(maxOffset, Math.max(0, target - clipTop)));
    },
    [scrollRef, scrollToOffset],
  );
  const seen = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return { offset: 0, height: 0 };
    return seenPart(measure(element), latest.current.rowHeight).view;
  }, [scrollRef]);

  const scroller = useMemo<RowScroller>(
    () => ({ offset: scrollOffset, seen, toOffset: scrollToOffset, toIndex: scrollToIndex }),
    [scrollOffset, seen, scrollToOffset, scrollToIndex],
  );
  return {
    first,
    last,
    totalHeight: Math.max(0, count) * rowHeight,
    viewportHeight: viewport.height,
    firstInView,
    scroller,
  };
}
