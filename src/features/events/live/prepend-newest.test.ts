import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import { buildEventWindow, nextPageParam, type LoadedEventPage } from '../utils/page-window.ts';
import { FIRST_PAGE_PARAM } from '../utils/page-window.ts';
import { holdsNewestEnd, prependNewest, type EventListData } from './prepend-newest.ts';

const event = (id: string, time: number): DeviceEvent => ({
  id,
  time,
  timeText: new Date(time).toISOString(),
  level: 'INFO',
  isFailure: false,
  code: 'X',
  description: '',
  raw: {},
});

function twoPages(): EventListData {
  const first: LoadedEventPage = {
    ...FIRST_PAGE_PARAM,
    range: {},
    events: [event('c', 30), event('b', 20)],
    nextCursor: 'after-b',
    totalCount: 3,
  };
  const secondParam = nextPageParam(first)!;
  const second: LoadedEventPage = {
    ...secondParam,
    range: {},
    events: [event('a', 10)],
    nextCursor: null,
  };
  return { pages: [first, second], pageParams: [FIRST_PAGE_PARAM, secondParam] };
}

describe('prependNewest', () => {
  it('puts newer events on top and moves later offsets down by as many rows', () => {
    const data = prependNewest(twoPages(), [event('e', 50), event('d', 40)]);
    const window = buildEventWindow(data.pages);
    expect(window.events.map((e) => e.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(window.totalCount).toBe(5);
    expect(data.pages[1]!.offset).toBe(4);
    expect(data.pages[1]!.cursor).toBe('after-b');
    expect(data.pages[1]!.starts.map((start) => start.offset)).toEqual([0, 4]);
    // The page after the last one starts where the rows end.
    expect(nextPageParam({ ...data.pages[1]!, nextCursor: 'more' })!.offset).toBe(5);
  });

  it('leaves a list whose newest page is not held as it is', () => {
    const data = twoPages();
    const tail: EventListData = { pages: [data.pages[1]!], pageParams: [data.pageParams[1]!] };
    expect(holdsNewestEnd(tail)).toBe(false);
    expect(prependNewest(tail, [event('z', 99)])).toBe(tail);
  });
});
