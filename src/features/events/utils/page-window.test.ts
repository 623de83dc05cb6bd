import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import type { EventPageParam, LoadedEventPage } from './page-window.ts';
import {
  buildEventWindow,
  decideFetch,
  FIRST_PAGE_PARAM,
  maxPagesFor,
  nextPageParam,
  previousPageParam,
} from './page-window.ts';

const event = (n: number): DeviceEvent => ({
  id: `e${n}`,
  time: n,
  timeText: String(n),
  level: 'INFO',
  isFailure: false,
  code: 'SYS_100',
  description: '',
  raw: {},
});

/** Simulates a one-way-cursor backend of `total` events paged by `size`. */
function load(param: EventPageParam, size: number, total: number): LoadedEventPage {
  const startAt = param.cursor === null ? 0 : Number(param.cursor.slice(1)) + 1;
  const events = Array.from({ length: Math.max(0, Math.min(size, total - startAt)) }, (_, i) =>
    event(startAt + i),
  );
  const lastEvent = events[events.length - 1];
  const nextCursor = lastEvent && startAt + events.length < total ? lastEvent.id : null;
  return { ...param, range: param.range ?? {}, events, nextCursor };
}

describe('paging with a bounded window', () => {
  it('walks forward to the end and knows when no page is left', () => {
    let page = load(FIRST_PAGE_PARAM, 200, 450);
    const seen = [page];
    for (let param = nextPageParam(page); param; param = nextPageParam(page)) {
      page = load(param, 200, 450);
      seen.push(page);
    }
    expect(seen.map((p) => [p.index, p.offset, p.events.length])).toEqual([
      [0, 0, 200],
      [1, 200, 200],
      [2, 400, 50],
    ]);
    expect(buildEventWindow(seen).rowCount).toBe(450);
  });

  it('adds up the malformed records the backend sent, without counting a refetched page twice', () => {
    const first: LoadedEventPage = { ...load(FIRST_PAGE_PARAM, 10, 100), malformed: 2 };
    const secondParam = nextPageParam(first)!;
    const second: LoadedEventPage = {
      ...load(secondParam, 10, 100),
      malformed: (secondParam.malformedBefore ?? 0) + 1,
    };
    expect(buildEventWindow([first, second]).malformed).toBe(3);
    // The first page evicted and fetched again: still 3 in all.
    const again = previousPageParam(second)!;
    expect(buildEventWindow([{ ...load(again, 10, 100), malformed: 2 }, second]).malformed).toBe(3);
    expect(buildEventWindow([load(FIRST_PAGE_PARAM, 10, 100)]).malformed).toBe(0);
  });

  it('refetches an evicted page through the cursor remembered for it', () => {
    let page = load(FIRST_PAGE_PARAM, 100, 10_000);
    for (let i = 0; i < 30; i++) page = load(nextPageParam(page)!, 100, 10_000);
    expect(page.index).toBe(30);
    // Pages 0…29 were evicted; page 29 comes back with the same rows and position.
    const previous = previousPageParam(page)!;
    expect(previous).toMatchObject({ index: 29, offset: 2900, cursor: 'e2899' });
    const refetched = load(previous, 100, 10_000);
    expect(refetched.events[0]?.id).toBe('e2900');
    expect(previousPageParam(load(FIRST_PAGE_PARAM, 100, 10_000))).toBeUndefined();
  });

  it('keeps row indexes absolute when the front pages are evicted', () => {
    const pages: LoadedEventPage[] = [];
    let page = load(FIRST_PAGE_PARAM, 50, 1000);
    for (let i = 0; i < 10; i++) {
      pages.push(page);
      page = load(nextPageParam(page)!, 50, 1000);
    }
    const held = pages.slice(-4);
    const window = buildEventWindow(held);
    expect(window.start).toBe(300);
    expect(window.rowCount).toBe(500);
    expect(window.events[0]?.id).toBe('e300');
  });

  it('holds about 4,000 events whatever the page size', () => {
    expect(maxPagesFor(200) * 200).toBeLessThanOrEqual(4000);
    expect(maxPagesFor(50) * 50).toBeLessThanOrEqual(4000);
  });
});

describe('decideFetch', () => {
  const base = { hasNextPage: true, hasPreviousPage: true, prefetchRows: 50 };

  it('asks for the next page as the loaded end comes into view', () => {
    expect(
      decideFetch({
        ...base,
        visibleStart: 900,
        visibleEnd: 960,
        window: { start: 0, rowCount: 1000 },
      }),
    ).toBe('next');
    expect(
      decideFetch({
        ...base,
        visibleStart: 100,
        visibleEnd: 160,
        window: { start: 0, rowCount: 1000 },
      }),
    ).toBeNull();
    expect(
      decideFetch({
        ...base,
        hasNextPage: false,
        visibleStart: 950,
        visibleEnd: 999,
        window: { start: 0, rowCount: 1000 },
      }),
    ).toBeNull();
  });

  it('asks for an evicted page first when the reader scrolls above the window', () => {
    expect(
      decideFetch({
        ...base,
        visibleStart: 1990,
        visibleEnd: 2050,
        window: { start: 2000, rowCount: 6000 },
      }),
    ).toBe('previous');
  });

  it('does nothing before the grid has rendered a range', () => {
    expect(
      decideFetch({ ...base, visibleStart: 0, visibleEnd: -1, window: { start: 0, rowCount: 0 } }),
    ).toBeNull();
  });
});
