import { useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventQueries } from '../api/event-queries.ts';
import { fetchLogEnds } from '../api/log-ends.ts';
import { ROW_HEIGHT } from '../components/event-row.tsx';
import type { Jump } from './use-log-anchor.ts';
import type { RowScroller } from './use-fixed-rows.ts';
import type { AnchoredWindow } from '../utils/anchored-pages.ts';
import type { JumpTarget, RowSpan } from '../utils/jump-target.ts';
import { isFarFromWindow, jumpPlaceOf, sameJump } from '../utils/jump-target.ts';
import type { LoadedEventPage } from '../utils/page-window.ts';
import type { KnownRow } from '../utils/position-time.ts';

/**
 * What only a seek to a row needs arrives with the first one: it stays out of the script an
 * Event log link waits for. Asked for as soon as the rows on screen are far from the held ones,
 * so it is in by the time the drag settles. (The log's ends, `log-ends.ts`, are read by the
 * Event log's route itself for the histogram, so they are already loaded.)
 */
const seekCode = () => import('../utils/position-time.ts');

/** A drag settles (no new rows on screen for this long) before the list seeks to it. */
const SETTLE_MS = 120;
/** Rows with known times kept per list, for the position → time estimate. */
const KNOWN_ROWS = 64;

export interface UseJumpOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  pageSize: number;
  eventWindow: AnchoredWindow;
  /** Row indexes are those of the whole log (false: counted from an anchor, Alibaba). */
  absolute: boolean;
  /** Rows in the whole log, when the backend counted them. */
  total: number | undefined;
  /** Rows the grid shows now. */
  count: number;
  jump: Jump | null;
  jumpTo: ((target: JumpTarget) => void) | undefined;
  scrollerRef: RefObject<RowScroller | null> | undefined;
  /** The list is narrowed by text in the browser: its rows are matches, not positions. */
  textActive: boolean;
}

/**
 * Jumps for the Event log (see `jump-target.ts`): when the rows on screen are far from the rows
 * held and the log's total is known, the list seeks to the time the position stands for once the
 * drag settles; End and Home seek to the log's ends on any backend. When the jump's first rows
 * arrive the list lands: the anchor's row where the reader was looking, or the end.
 */
export function useJump({
  adapter,
  deviceId,
  filters,
  pageSize,
  eventWindow,
  absolute,
  total,
  count,
  jump,
  jumpTo,
  scrollerRef,
  textActive,
}: UseJumpOptions) {
  const queryClient = useQueryClient();
  const listId = JSON.stringify(filters);

  // Rows whose times were read in this list: the held window's edges, collected as it moves.
  const known = useRef<{ listId: string; rows: KnownRow[] }>({ listId, rows: [] });
  useEffect(() => {
    if (known.current.listId !== listId) known.current = { listId, rows: [] };
    const first = eventWindow.events[0];
    const last = eventWindow.events[eventWindow.events.length - 1];
    if (!absolute || !first || !last) return;
    const rows = known.current.rows.filter(
      (row) => row.row < eventWindow.start || row.row >= eventWindow.rowCount,
    );
    rows.push(
      { row: eventWindow.start, time: first.time },
      { row: eventWindow.rowCount - 1, time: last.time },
    );
    known.current.rows = rows.slice(-KNOWN_ROWS);
  }, [listId, eventWindow, absolute]);

  const latest = useRef({ eventWindow, total, count, jump, textActive });
  useLayoutEffect(() => {
    latest.current = { eventWindow, total, count, jump, textActive };
  });

  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The scroll offset a jump was asked for at: until it lands, the same offset asks for nothing
  // more (End scrolls to the bottom and seeks there; the settled range must not seek again).
  const askedAt = useRef<number | null>(null);
  /** The last jump (its `seq`) whose rows the reader was put on. */
  const landed = useRef(0);
  const rendered = useRef<RowSpan>({ first: 0, last: -1 });
  /** When the rendered range last moved while far from the held rows (Date.now()). */
  const movedAt = useRef(0);
  useEffect(() => () => clearTimeout(settle.current), []);

  const seekTo = useCallback(
    async (place: 'top' | 'bottom' | number) => {
      if (!jumpTo) return;
      askedAt.current = scrollerRef?.current?.offset() ?? null;
      if (place === 'top') {
        // The list read from the top holds its first page again, or reads it again (one request
        // instead of paging back up through every page evicted on the way down).
        const plainKey = eventQueries.list(adapter.info.id, deviceId, filters);
        const plain = queryClient.getQueryData<{ pages: LoadedEventPage[] }>(plainKey);
        if (plain && plain.pages[0]?.index !== 0)
          void queryClient.resetQueries({ queryKey: plainKey, exact: true });
      }
      if (typeof place !== 'number') {
        jumpTo({ to: place });
        return;
      }
      const { total: rows } = latest.current;
      if (rows === undefined) return;
      const { timeAtRow } = await seekCode();
      let knownRows = known.current.rows;
      if (
        !knownRows.some((row) => row.row === 0) ||
        !knownRows.some((row) => row.row === rows - 1)
      ) {
        const ends = await fetchLogEnds(queryClient, adapter, deviceId, filters);
        const [first, last] =
          filters.order === 'desc' ? [ends.newest, ends.oldest] : [ends.oldest, ends.newest];
        knownRows = [
          ...knownRows,
          ...(first === null ? [] : [{ row: 0, time: first }]),
          ...(last === null ? [] : [{ row: rows - 1, time: last }]),
        ];
      }
      const time = timeAtRow(place, { total: rows, order: filters.order, known: knownRows });
      if (time === null) return;
      jumpTo({ to: 'row', row: place, time });
    },
    [jumpTo, queryClient, adapter, deviceId, filters, scrollerRef],
  );

  /** Where the reader looks now, in rows (no overscan); the rendered rows without a layout. */
  const seenRows = useCallback((): RowSpan => {
    const seen = scrollerRef?.current?.seen();
    if (!seen || seen.height <= 0) return rendered.current;
    const first = Math.floor(seen.offset / ROW_HEIGHT);
    return { first, last: Math.ceil((seen.offset + seen.height) / ROW_HEIGHT) - 1 };
  }, [scrollerRef]);

  /**
   * Called with every new rendered range. When the range is far from the held rows (the caller
   * pages nothing then), the list seeks there once the range has settled.
   */
  const onRange = useCallback(
    (visible: RowSpan) => {
      rendered.current = visible;
      const state = latest.current;
      const far =
        state.total !== undefined &&
        !state.textActive &&
        jumpTo !== undefined &&
        isFarFromWindow(visible, state.eventWindow, pageSize);
      if (!far) {
        clearTimeout(settle.current);
        settle.current = undefined;
        return;
      }
      void seekCode();
      // One timer for the whole drag, not one per frame: it looks again when it fires and waits
      // for the rest of the settling time if the range moved meanwhile.
      movedAt.current = Date.now();
      if (settle.current !== undefined) return;
      const fire = () => {
        const still = Date.now() - movedAt.current;
        if (still < SETTLE_MS) {
          settle.current = setTimeout(fire, SETTLE_MS - still);
          return;
        }
        settle.current = undefined;
        const now = latest.current;
        const seen = seenRows();
        if (now.total === undefined) return;
        if (!isFarFromWindow(seen, now.eventWindow, pageSize)) return;
        const landing = now.jump !== null && landed.current !== now.jump.seq;
        if (landing && askedAt.current === scrollerRef?.current?.offset()) return;
        const place = jumpPlaceOf(seen, now.count);
        if (sameJump(now.jump?.target, place, pageSize)) return;
        void seekTo(place);
      };
      settle.current = setTimeout(fire, SETTLE_MS);
    },
    [jumpTo, pageSize, seenRows, seekTo, scrollerRef],
  );

  /** Home and End: the log's ends, on any backend (counted or not). */
  const onEdgeKey = useCallback(
    (edge: 'first' | 'last') => {
      if (latest.current.textActive || !jumpTo) return;
      clearTimeout(settle.current);
      settle.current = undefined;
      void seekTo(edge === 'first' ? 'top' : 'bottom');
    },
    [jumpTo, seekTo],
  );

  // Landing: once a jump's rows are in, put the reader on them.
  useLayoutEffect(() => {
    const scroller = scrollerRef?.current;
    if (!jump || landed.current === jump.seq || eventWindow.events.length === 0 || !scroller)
      return;
    landed.current = jump.seq;
    const { target } = jump;
    // A list taller than the space under the header runs off the window: the page moves too, so
    // the row of the end is on screen, not just at the end of the list's box.
    const reveal = (top: number, bottom: number) => {
      const seen = scroller.seen();
      if (bottom > seen.offset + seen.height)
        window.scrollBy(0, bottom - seen.offset - seen.height);
      else if (top < seen.offset) window.scrollBy(0, top - seen.offset);
    };
    if (target.to === 'top') {
      scroller.toOffset(0);
      reveal(0, ROW_HEIGHT);
    } else if (target.to === 'bottom') {
      scroller.toIndex(count - 1, 'end');
      reveal((count - 1) * ROW_HEIGHT, count * ROW_HEIGHT);
    }
    // A reader who scrolled on meanwhile (a fling) is not pulled back; the rows where they are
    // now ask for a seek of their own once they settle.
    else if (Math.abs(seenRows().first - target.row) <= pageSize / 2)
      scroller.toIndex(eventWindow.origin, 'start');
  }, [jump, eventWindow, count, scrollerRef, seenRows, pageSize]);

  return { onRange, onEdgeKey };
}
