import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { ComponentType, CSSProperties, FocusEvent, Ref, RefObject } from 'react';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import {
  defaultLayout,
  eventColumnsFor,
  gridTemplate,
  rowMinWidth,
  type ColumnLayout,
} from './event-columns.tsx';
import type { ColumnResizerProps } from './column-resizer.tsx';
import { useFixedRows, type RowScroller } from '../hooks/use-fixed-rows.ts';
import { EventRow, PlaceholderRow, PlaceholderRun, ROW_HEIGHT } from './event-row.tsx';
import { planRows } from './row-plan.ts';

export interface EventRows {
  /** Absolute index of `events[0]`; rows before it are placeholders for evicted pages. */
  start: number;
  events: DeviceEvent[];
  /** All rows the list shows, placeholders and a trailing "loading" row included. */
  count: number;
  /**
   * Row of the moment the log was opened at (0 for a log read from its top). When rows are
   * inserted above it, it moves down and the scroll position moves with it; a list opened at a
   * moment whose linked row is not among its events is shown there.
   */
  origin?: number;
  /** The log was opened at a moment (see `origin`). */
  anchored?: boolean;
}

export interface EventsTableProps {
  vocabulary: EventVocabulary;
  tz: TimeZoneSetting;
  timeZoneLabel: string;
  rows: EventRows;
  /** Identity of the list (its filters): a new list starts at the top. */
  listKey: string;
  /** Label of a row past the held events (the next page on its way). */
  trailingLabel: string;
  selectedId: string | undefined;
  /** Scrolled into view once, as soon as it is among the rows (event deep links). */
  scrollTargetId: string | undefined;
  onOpen: (event: DeviceEvent) => void;
  onVisibleRangeChange: (first: number, last: number) => void;
  /** Filled with the list's scroller, for a caller that keeps the reader's place (live tail). */
  scrollerRef?: RefObject<RowScroller | null>;
  /** Rows of the whole result when known (a backend's total, or the end reached). */
  totalRows?: number;
  /** Columns shown and their widths (the column model's); every column at its width if absent. */
  layout?: ColumnLayout;
  /** Resizes a column (the column model's); the header offers no resizing without it. */
  onResize?: (columnId: string, size: number) => void;
  /** The header's resize handle (loaded with the column model, off the first screen's path). */
  Resizer?: ComponentType<ColumnResizerProps> | null;
  /** Home / End on a row: the list seeks to that end of the log (its rows may not be held). */
  onEdgeKey?: (edge: 'first' | 'last') => void;
  ref?: Ref<EventsTableHandle>;
}

/** What the Event log asks of its grid from outside (closing details, keyboard shortcuts). */
export interface EventsTableHandle {
  /** Focuses the row of this event (scrolling it into view), else the grid's current row. */
  focusEvent(id: string | undefined): void;
}

// A few rows past each edge cover a wheel or arrow-key step; every extra row is DOM to create,
// style and paint on each frame of a fast scroll, where no overscan is ever enough anyway.
const OVERSCAN = 4;
const PAGE_KEYS_STEP = 20;

/**
 * The virtualised Events grid: fixed row heights (nothing is measured), a bounded number of rows
 * in the DOM, and the rendered range reported upward so it, not scroll events, drives paging.
 */
export function EventsTable({
  vocabulary,
  tz,
  timeZoneLabel,
  rows,
  listKey,
  trailingLabel,
  selectedId,
  scrollTargetId,
  onOpen,
  onVisibleRangeChange,
  scrollerRef,
  totalRows,
  layout: givenLayout,
  onResize,
  Resizer,
  onEdgeKey,
  ref,
}: EventsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const virtual = useFixedRows({
    count: rows.count,
    rowHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollRef,
    initialHeight: 720,
  });
  const { first, last, firstInView, scroller } = virtual;
  useLayoutEffect(() => {
    if (scrollerRef) scrollerRef.current = scroller;
  }, [scrollerRef, scroller]);

  // The header scrolls sideways with the rows. A listener of its own rather than React's
  // `onScroll`, and only when the rows moved sideways: a vertical fling costs it nothing. In the
  // capture phase, so it runs before the rows are rendered for the new offset (reading
  // `scrollLeft` after that would lay the page out inside the event).
  useLayoutEffect(() => {
    const scroll = scrollRef.current;
    const header = headerRef.current;
    if (!scroll || !header) return;
    let left = scroll.scrollLeft;
    const onScroll = () => {
      if (scroll.scrollLeft === left) return;
      left = scroll.scrollLeft;
      header.scrollLeft = left;
    };
    scroll.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => scroll.removeEventListener('scroll', onScroll, { capture: true });
  }, []);

  useEffect(() => {
    onVisibleRangeChange(first, last);
  }, [first, last, onVisibleRangeChange]);

  const shownList = useRef(listKey);
  useEffect(() => {
    if (shownList.current === listKey) return;
    shownList.current = listKey;
    scroller.toOffset(0);
  }, [listKey, scroller]);

  // Rows inserted above the moment the log opened at: keep the same rows on screen.
  const origin = rows.origin ?? 0;
  // (Not when the first rows arrive: the origin is then set, not moved.)
  const held = rows.events.length > 0;
  const shownOrigin = useRef({ listKey, origin, held });
  useLayoutEffect(() => {
    const before = shownOrigin.current;
    shownOrigin.current = { listKey, origin, held };
    // (Nor when they go: a jump elsewhere empties the window before its own rows come.)
    if (before.listKey !== listKey || !before.held || !held || before.origin === origin) return;
    const wanted = scroller.offset() + (origin - before.origin) * ROW_HEIGHT;
    scroller.toOffset(wanted);
    // Near the end of a short list the container cannot scroll that far: move the page instead,
    // so the rows on screen stay where the reader saw them.
    const shortfall = wanted - scroller.offset();
    if (shortfall > 0) window.scrollBy(0, shortfall);
  }, [listKey, origin, held, scroller]);

  const eventIndex =
    scrollTargetId === undefined
      ? -1
      : rows.events.findIndex((event) => event.id === scrollTargetId);
  // A log opened at a moment shows that moment, even when the linked row is hidden by a filter.
  const targetIndex =
    eventIndex >= 0
      ? rows.start + eventIndex
      : rows.anchored && rows.events.length > 0
        ? origin
        : -1;
  const targetKey = `${listKey}\n${scrollTargetId ?? ''}`;
  const scrolledFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (
      (scrollTargetId === undefined && !rows.anchored) ||
      targetIndex < 0 ||
      scrolledFor.current === targetKey
    )
      return;
    scrolledFor.current = targetKey;
    // A row the reader just clicked is already in view: moving it would lose their place. One cut
    // off at an edge moves just enough to show it whole; a linked row out of sight is centred.
    const top = targetIndex * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT;
    const seen = scroller.seen();
    const seenEnd = seen.offset + seen.height;
    if (top >= seen.offset && bottom <= seenEnd) return;
    const partlySeen = bottom > seen.offset && top < seenEnd;
    scroller.toIndex(targetIndex, partlySeen ? 'auto' : 'center');
  }, [scrollTargetId, targetIndex, targetKey, rows.anchored, scroller]);

  // Roving focus: one row is in the tab order; arrows move it.
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const focusPending = useRef(false);
  // Read when a key is pressed, so the handler (a prop of every row) survives appended pages.
  const rowCount = useRef(rows.count);
  useLayoutEffect(() => {
    rowCount.current = rows.count;
  });
  const handleKeyNavigate = useCallback(
    (index: number, key: string) => {
      const step =
        key === 'ArrowDown'
          ? 1
          : key === 'ArrowUp'
            ? -1
            : key === 'PageDown'
              ? PAGE_KEYS_STEP
              : key === 'PageUp'
                ? -PAGE_KEYS_STEP
                : 0;
      const count = rowCount.current;
      const target = key === 'Home' ? 0 : key === 'End' ? count - 1 : index + step;
      const clamped = Math.max(0, Math.min(count - 1, target));
      setActiveIndex(clamped);
      scroller.toIndex(clamped, 'auto');
      // Focus moves now when the row is rendered, so a key pressed before React's next commit goes
      // to the new row, not to the one it left (a busy tab lost keys that way); else once it is.
      const rendered = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`);
      if (rendered) rendered.focus({ preventScroll: true });
      focusPending.current = !rendered;
      if (key === 'Home' || key === 'End') onEdgeKey?.(key === 'Home' ? 'first' : 'last');
    },
    [scroller, onEdgeKey],
  );
  useEffect(() => {
    if (!focusPending.current || activeIndex === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const selectedIndex =
    selectedId === undefined ? -1 : rows.events.findIndex((event) => event.id === selectedId);
  // Clamped: after End on a log that cannot count, the rows of its far end are fewer.
  const tabbableIndex = Math.min(
    Math.max(0, rows.count - 1),
    activeIndex ?? (selectedIndex >= 0 ? rows.start + selectedIndex : rows.start),
  );
  const layout = givenLayout ?? defaultLayout(eventColumnsFor(vocabulary));
  // Rows depend on this list only (not on widths): resizing re-renders the header, not every row.
  const columns = layout.columns;
  const heldEnd = rows.start + rows.events.length;

  // Rows are keyed by slot (index modulo the most rows the range can hold), not by event: a row
  // entering the range takes over the DOM node of one that left, so a fast scroll rewrites ~30
  // rows' text instead of destroying and creating them. Within a contiguous range of at most
  // `slots` rows every key is unique, and a row keeps its key (its node) while it stays in range.
  const minWidth = rowMinWidth(layout);

  const viewportRows = Math.ceil(virtual.viewportHeight / ROW_HEIGHT);
  const slots = Math.max(last - first + 1, viewportRows + 1 + 2 * OVERSCAN);

  // Focus never falls to <body> while it is in the grid: a focused row that leaves the rendered
  // range (End, a fling) or whose node is reused for another row hands focus to the row it was
  // meant for once that is rendered, else to the first row in view. It leaves the grid only when
  // the reader moves it elsewhere.
  const gridFocused = useRef(false);
  const focusedIndex = useRef<number | null>(null);
  // An event selected while a row has focus (n / p: the next or previous failure, however far)
  // takes the focus along once its row is held: Enter and the arrows then go on from the event
  // the details show, not from the row the reader left. A selection made with focus elsewhere (a
  // toolbar button, a link) leaves focus where it is.
  const followedSelection = useRef(selectedId);
  const focusToSelection = useRef(false);
  useLayoutEffect(() => {
    if (selectedId !== followedSelection.current) {
      followedSelection.current = selectedId;
      focusToSelection.current = selectedId !== undefined && gridFocused.current;
    }
    if (!focusToSelection.current || selectedIndex < 0) return;
    const index = rows.start + selectedIndex;
    // A far event is rendered only once the view has moved to it: until then, try again after
    // each commit that changes the rendered range.
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!row) return;
    focusToSelection.current = false;
    focusedIndex.current = index;
    setActiveIndex(index);
    if (document.activeElement !== row) row.focus({ preventScroll: true });
  }, [selectedId, selectedIndex, rows.start, first, last]);
  useLayoutEffect(() => {
    const scroll = scrollRef.current;
    if (!scroll || !gridFocused.current || focusedIndex.current === null) return;
    const active = document.activeElement;
    const activeRow =
      active instanceof HTMLElement && scroll.contains(active)
        ? active.closest<HTMLElement>('[role="row"]')
        : null;
    if (activeRow && activeRow.dataset.index === String(focusedIndex.current)) return;
    const wanted =
      focusPending.current && activeIndex !== null ? activeIndex : focusedIndex.current;
    // (The first row in view is always a row of its own, held or not: see `row-plan.ts`.)
    const row =
      scroll.querySelector<HTMLElement>(`[data-index="${wanted}"]`) ??
      scroll.querySelector<HTMLElement>(`[data-index="${firstInView}"]`);
    if (!row) return;
    focusedIndex.current = Number(row.dataset.index);
    row.focus({ preventScroll: true });
  });
  const noteFocus = (focusEvent: FocusEvent<HTMLDivElement>) => {
    const row = (focusEvent.target as HTMLElement).closest<HTMLElement>('[role="row"]');
    if (!row?.dataset.index) return;
    gridFocused.current = true;
    focusedIndex.current = Number(row.dataset.index);
  };
  const noteBlur = (focusEvent: FocusEvent<HTMLDivElement>) => {
    const next = focusEvent.relatedTarget;
    // A row removed from the DOM, or the window losing focus, is not the reader leaving the grid.
    if (!focusEvent.target.isConnected || !document.hasFocus()) return;
    if (next instanceof Node && scrollRef.current?.contains(next)) return;
    gridFocused.current = false;
  };

  useImperativeHandle(
    ref,
    () => ({
      focusEvent(id) {
        const held = id === undefined ? -1 : rows.events.findIndex((event) => event.id === id);
        const index = held >= 0 ? rows.start + held : tabbableIndex;
        gridFocused.current = true;
        focusPending.current = true;
        focusedIndex.current = index;
        setActiveIndex(index);
        scroller.toIndex(index, 'auto');
        scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({
          preventScroll: true,
        });
      },
    }),
    [rows, tabbableIndex, scroller],
  );

  return (
    <div
      role="grid"
      aria-label="Events"
      // Header row included; -1 (unknown) while more of the log may follow.
      aria-rowcount={totalRows === undefined ? -1 : totalRows + 1}
      aria-colcount={columns.length}
      // Header and rows share these tracks: a resize changes this one value, not each row.
      style={{ '--event-cols': gridTemplate(layout) } as CSSProperties}
      className="flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden rounded-md border border-slate-200 bg-white"
    >
      {/* Scrolled sideways with the rows (below); the gutter matches their vertical scrollbar. */}
      <div
        ref={headerRef}
        role="rowgroup"
        className="overflow-hidden border-b border-slate-200 bg-slate-50 [scrollbar-gutter:stable]"
      >
        <EventsHeader
          layout={layout}
          minWidth={minWidth}
          timeZoneLabel={timeZoneLabel}
          onResize={onResize}
          Resizer={Resizer}
        />
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        // Containment keeps row churn from re-laying out or repainting anything outside the list.
        className="relative min-h-0 flex-1 overflow-auto [contain:strict] [overflow-anchor:none] [scrollbar-gutter:stable]"
        data-testid="events-scroller"
        data-skip-target=""
        onFocus={noteFocus}
        onBlur={noteBlur}
      >
        <div
          className="relative w-full [contain:strict]"
          style={{ height: virtual.totalHeight, minWidth: minWidth }}
        >
          {planRows({
            first,
            last,
            heldStart: rows.start,
            heldEnd,
            earlierLabel: 'Loading earlier events…',
            laterLabel: trailingLabel,
            single: new Set([tabbableIndex, firstInView, activeIndex ?? tabbableIndex]),
          }).map((planned, ordinal) => {
            if (planned.shape === 'run') {
              return (
                <PlaceholderRun
                  // By position in the plan: a run's node is reused as it moves, frame to frame.
                  key={`run-${ordinal}`}
                  first={planned.first}
                  last={planned.last}
                  label={planned.labelled ? planned.label : null}
                />
              );
            }
            const { index } = planned;
            if (planned.shape === 'placeholder') {
              return (
                <PlaceholderRow
                  key={`placeholder-${index % slots}`}
                  index={index}
                  label={planned.label}
                  tabbable={index === tabbableIndex}
                  onKeyNavigate={handleKeyNavigate}
                />
              );
            }
            const event = rows.events[index - rows.start];
            if (!event) return null;
            return (
              <EventRow
                key={index % slots}
                event={event}
                index={index}
                columns={columns}
                tz={tz}
                selected={event.id === selectedId}
                tabbable={index === tabbableIndex}
                onOpen={onOpen}
                onKeyNavigate={handleKeyNavigate}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface EventsHeaderProps {
  layout: ColumnLayout;
  minWidth: number;
  timeZoneLabel: string;
  onResize: ((columnId: string, size: number) => void) | undefined;
  Resizer: ComponentType<ColumnResizerProps> | null | undefined;
}

/** The header row: memoised, so scrolling (which renders the rows) does not render it again. */
const EventsHeader = memo(function EventsHeader({
  layout,
  minWidth,
  timeZoneLabel,
  onResize,
  Resizer,
}: EventsHeaderProps) {
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="grid [grid-template-columns:var(--event-cols)] gap-3 px-3 py-1.5 text-left text-xs font-semibold text-slate-600"
      style={{ minWidth }}
    >
      {layout.columns.map((column) => (
        <div
          key={column.id}
          role="columnheader"
          data-column={column.id}
          className="relative min-w-0"
        >
          <div className="truncate">
            {column.id === 'time' ? `${column.header} (${timeZoneLabel})` : column.header}
          </div>
          {onResize && Resizer && (
            <Resizer
              label={column.header}
              size={layout.sizes[column.id] ?? column.size}
              min={column.minSize}
              onResize={(size) => onResize(column.id, size)}
            />
          )}
        </div>
      ))}
    </div>
  );
});
