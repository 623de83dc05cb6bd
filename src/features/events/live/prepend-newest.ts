import type { InfiniteData } from '@tanstack/react-query';
import type { DeviceEvent } from '../../../backends/types.ts';
import type { EventPageParam, LoadedEventPage } from '../utils/page-window.ts';

export type EventListData = InfiniteData<LoadedEventPage, EventPageParam>;

/** True when the newest end of the log (page 0) is among the held pages. */
export function holdsNewestEnd(data: EventListData | undefined): boolean {
  return data?.pages[0]?.index === 0;
}

/**
 * Adds events newer than everything loaded to the top of a newest-first list. Row offsets after
 * them (every later page's offset and remembered start) move down by as many rows, so a page
 * evicted and fetched again by its cursor lands where it was; cursors themselves are unchanged.
 */
export function prependNewest(data: EventListData, newer: readonly DeviceEvent[]): EventListData {
  const added = newer.length;
  if (added === 0 || !holdsNewestEnd(data)) return data;
  const shift = <T extends { offset: number }>(start: T, index: number): T =>
    index === 0 ? start : { ...start, offset: start.offset + added };
  const pages = data.pages.map((page, position) => ({
    ...page,
    events: position === 0 ? [...newer, ...page.events] : page.events,
    offset: page.index === 0 ? page.offset : page.offset + added,
    starts: page.starts.map(shift),
    totalCount: page.totalCount === undefined ? undefined : page.totalCount + added,
  }));
  const pageParams = data.pageParams.map((param) => ({
    ...param,
    offset: param.index === 0 ? param.offset : param.offset + added,
    starts: param.starts.map(shift),
    totalCount: param.totalCount === undefined ? undefined : param.totalCount + added,
  }));
  return { pages, pageParams };
}

/** The newest loaded event (the first row of page 0), when page 0 is held. */
export function newestLoaded(data: EventListData | undefined): DeviceEvent | undefined {
  return holdsNewestEnd(data) ? data?.pages[0]?.events[0] : undefined;
}
