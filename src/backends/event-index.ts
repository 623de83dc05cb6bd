/**
 * Queries over a log held in memory (an opened export's events): the filters and paging of the
 * backend port, answered from an array. Pure and free of imports at run time, so the worker that
 * holds an opened file's events runs it as well as the page and the tests do.
 */
import type { DeviceEvent, EventDefinition, EventQuery } from './types.ts';

/** An event as the grid needs it; its `raw` record is read on demand. */
export type StoredEvent = Omit<DeviceEvent, 'raw'>;

export interface IndexedPage {
  events: StoredEvent[];
  nextCursor: string | null;
  totalCount: number;
}

export interface EventIndex {
  /** One page of the events a query keeps, in its order; the cursor is a position in that view. */
  page(query: EventQuery, cursor: string | null, pageSize: number): IndexedPage;
  /** The same page as `page`, with each event's position in the log (oldest first). */
  pageWithPositions(
    query: EventQuery,
    cursor: string | null,
    pageSize: number,
  ): IndexedPage & { positions: number[] };
  /** An event by id, with its position in the log (oldest first). */
  find(eventId: string): { event: StoredEvent; index: number } | null;
  /** The codes the log holds, named as its events name them, A to Z. */
  codes(): EventDefinition[];
}

/** Largest page answered; the grid asks for 200 at a time. */
export const MAX_PAGE_SIZE = 1000;

/** Filtered views kept (as index lists), so paging a view does not filter the log again. */
const CACHED_VIEWS = 8;

/** Indexes (oldest first) of the events a query's filters keep; its order is applied on paging. */
export function matchingIndexes(
  events: readonly StoredEvent[],
  query: Pick<EventQuery, 'levels' | 'code' | 'from' | 'to'>,
): Int32Array {
  const levels = query.levels.length > 0 ? new Set(query.levels) : null;
  const { code, from, to } = query;
  const out = new Int32Array(events.length);
  let count = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (levels !== null && !levels.has(event.level)) continue;
    if (code !== undefined && event.code !== code) continue;
    if (from !== undefined && event.time < from) continue;
    if (to !== undefined && event.time > to) continue;
    out[count++] = index;
  }
  return out.subarray(0, count);
}

/**
 * `events` oldest first (events sharing a millisecond in the order the log lists them oldest
 * first); every event is of `deviceId`.
 */
export function createEventIndex(events: readonly StoredEvent[], deviceId: string): EventIndex {
  const views = new Map<string, Int32Array>();
  const viewOf = (query: EventQuery) => {
    const key = JSON.stringify([[...query.levels].sort(), query.code, query.from, query.to]);
    const view = views.get(key) ?? matchingIndexes(events, query);
    // Most recently used last; the least recently used goes first.
    views.delete(key);
    views.set(key, view);
    if (views.size > CACHED_VIEWS) views.delete(views.keys().next().value as string);
    return view;
  };
  let byId: Map<string, number> | null = null;
  let definitions: EventDefinition[] | null = null;

  const pageWithPositions: EventIndex['pageWithPositions'] = (query, cursor, pageSize) => {
    const view = query.deviceId === deviceId ? viewOf(query) : new Int32Array(0);
    const start = cursor === null ? 0 : Math.max(0, Number(cursor) || 0);
    const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(pageSize) || 1));
    const end = Math.min(view.length, start + size);
    const page: StoredEvent[] = [];
    const positions: number[] = [];
    for (let position = start; position < end; position++) {
      const index = query.order === 'asc' ? view[position]! : view[view.length - 1 - position]!;
      page.push(events[index]!);
      positions.push(index);
    }
    return {
      events: page,
      nextCursor: end < view.length ? String(end) : null,
      totalCount: view.length,
      positions,
    };
  };

  return {
    page(query, cursor, pageSize) {
      const { positions: _positions, ...page } = pageWithPositions(query, cursor, pageSize);
      return page;
    },
    pageWithPositions,

    find(eventId) {
      if (byId === null) {
        byId = new Map();
        // The first of equal ids wins, as a list read from the top would show it first.
        for (let index = events.length - 1; index >= 0; index--) byId.set(events[index]!.id, index);
      }
      const index = byId.get(eventId);
      return index === undefined ? null : { event: events[index]!, index };
    },

    codes() {
      if (definitions === null) {
        const byCode = new Map<string, EventDefinition>();
        for (const event of events)
          if (!byCode.has(event.code))
            byCode.set(event.code, {
              code: event.code,
              name: event.description || event.code,
              level: event.level,
            });
        definitions = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
      }
      return definitions;
    },
  };
}
