import fc from 'fast-check';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { BackendAdapter, DeviceEvent, EventPage, SortOrder } from '../../../backends/types.ts';
import {
  createFakeAdapter,
  fakeAliyunInfo,
  fakePelionInfo,
} from '../../../testing/fake-event-adapter.ts';
import { anchoredEventsQueryOptions } from '../api/list-anchored-events.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import type { AnchoredPage, AnchoredPageParam } from './anchored-pages.ts';
import { buildAnchoredWindow, nextAnchoredParam, previousAnchoredParam } from './anchored-pages.ts';

/** A log whose events share milliseconds (bursts), ordered by (time, id) like Pelion's list. */
function logOf(times: number[]): DeviceEvent[] {
  return times
    .map((time, n) => ({
      id: `e${String(n).padStart(5, '0')}`,
      time,
      timeText: String(time),
      level: n % 5 === 0 ? 'FAIL' : 'INFO',
      isFailure: n % 5 === 0,
      code: 'X',
      description: '',
      raw: {},
    }))
    .sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

function sourceOf(log: DeviceEvent[], counts: boolean): BackendAdapter {
  return {
    info: counts ? fakePelionInfo : fakeAliyunInfo,
    vocabulary: createFakeAdapter({ events: 0 }).vocabulary,
    listDevices: () => Promise.resolve({ devices: [], nextCursor: null }),
    getDevice: () => Promise.reject(new Error('unused')),
    getEvent: () => Promise.resolve(null),
    async listEvents(query, cursor, pageSize): Promise<EventPage> {
      const matching = log.filter(
        (e) =>
          (query.levels.length === 0 || query.levels.includes(e.level)) &&
          (query.from === undefined || e.time >= query.from) &&
          (query.to === undefined || e.time <= query.to),
      );
      if (query.order === 'desc') matching.reverse();
      const at = cursor === null ? 0 : Number(cursor);
      const page = matching.slice(at, at + pageSize);
      return {
        events: page,
        nextCursor: at + page.length < matching.length ? String(at + page.length) : null,
        ...(counts && cursor === null ? { totalCount: matching.length } : {}),
      };
    },
  };
}

/** The truth: the log as the display shows it, and the anchor's row. */
function truthOf(log: DeviceEvent[], order: SortOrder, anchor: number, levels: string[]) {
  const shown = log.filter((e) => levels.length === 0 || levels.includes(e.level));
  if (order === 'desc') shown.reverse();
  const anchorRow = shown.filter((e) =>
    order === 'desc' ? e.time > anchor : e.time < anchor,
  ).length;
  return { shown, anchorRow };
}

const filtersOf = (order: SortOrder, levels: string[]): EventListFilters => ({
  levels,
  code: undefined,
  from: undefined,
  to: undefined,
  order,
});

describe('a window anchored at an instant', () => {
  it('holds the same rows, at the same row indexes, as the whole log — for any anchor (or end), order, page size and walk', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 0, maxLength: 120 }),
        // ±Infinity: the log's ends (End / Home), whatever its times.
        fc.oneof(fc.integer({ min: -5, max: 65 }), fc.constantFrom(Infinity, -Infinity)),
        fc.constantFrom<SortOrder>('asc', 'desc'),
        fc.constantFrom<string[]>([], ['FAIL']),
        fc.boolean(),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.integer({ min: 2, max: 7 }),
        async (times, anchor, order, levels, counts, walk, pageSize) => {
          const log = logOf(times);
          const adapter = sourceOf(log, counts);
          const client = new QueryClient();
          const options = anchoredEventsQueryOptions(
            adapter,
            'd',
            filtersOf(order, levels),
            anchor,
            pageSize,
          );
          const fetchPage = (param: AnchoredPageParam) =>
            (options.queryFn as (context: unknown) => Promise<AnchoredPage>)({
              pageParam: param,
              signal: new AbortController().signal,
              client,
              queryKey: options.queryKey,
              meta: undefined,
              direction: 'forward',
            });
          let pages: AnchoredPage[] = [await fetchPage(options.initialPageParam)];
          const maxHeld = 3;
          // Random walk both ways with eviction at the far end, as maxPages does.
          for (const down of walk) {
            const param = down
              ? nextAnchoredParam(pages[pages.length - 1]!, pages)
              : previousAnchoredParam(pages[0]!, pages);
            if (!param) continue;
            const page = await fetchPage(param);
            pages = down ? [...pages, page] : [page, ...pages];
            if (pages.length > maxHeld) pages = down ? pages.slice(1) : pages.slice(0, -1);
          }
          const { shown, anchorRow } = truthOf(log, order, anchor, levels);
          const window = buildAnchoredWindow(pages);
          // Every held row sits where the whole log has it (the origin is the anchor's row).
          const shift = anchorRow - window.origin;
          window.events.forEach((event, i) => {
            expect(event.id).toBe(shown[window.start + i + shift]?.id);
          });
          if (counts) {
            expect(window.origin).toBe(anchorRow);
            expect(window.totalCount).toBe(shown.length);
          }
          // Walking each way to the end reads the whole log, nothing twice, nothing skipped.
          let all = [...pages];
          for (
            let p = previousAnchoredParam(all[0]!, all);
            p;
            p = previousAnchoredParam(all[0]!, all)
          )
            all = [await fetchPage(p), ...all];
          for (
            let p = nextAnchoredParam(all.at(-1)!, all);
            p;
            p = nextAnchoredParam(all.at(-1)!, all)
          )
            all = [...all, await fetchPage(p)];
          const whole = buildAnchoredWindow(all);
          expect(whole.events.map((e) => e.id)).toEqual(shown.map((e) => e.id));
          expect(whole.start).toBe(0);
          expect(whole.origin).toBe(anchorRow);
        },
      ),
      { numRuns: 300 },
    );
  });
});
