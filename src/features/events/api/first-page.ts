import type { BackendAdapter, BackendInfo, EventQuery } from '../../../backends/types.ts';
import { eventLogQueryFromUrl } from '../utils/event-log-query.ts';
import type { ResolvedRange } from '../utils/page-window.ts';
import { resolveTimeBound } from '../utils/time-bound.ts';
import type { EventListFilters } from './event-queries.ts';

/**
 * How a log's pages are asked for, kept free of React Query and the DOM: the SPA pages with it,
 * and the server uses it to name a deep link's first request in the HTML it serves.
 */

export function pageSizeFor(info: BackendInfo): number {
  // 200 rows per request keeps round trips few; some APIs allow fewer (Alibaba: 50).
  return Math.min(200, info.capabilities.maxPageSize);
}

export function resolveRange(filters: EventListFilters, now: number): ResolvedRange {
  const range: ResolvedRange = {};
  const from = filters.from === undefined ? null : resolveTimeBound(filters.from, now);
  const to = filters.to === undefined ? null : resolveTimeBound(filters.to, now);
  if (from !== null) range.from = from;
  if (to !== null) range.to = to;
  return range;
}

/** The adapter query of every page of a list, once its range is resolved. */
export function eventQueryFor(
  deviceId: string,
  filters: EventListFilters,
  range: ResolvedRange,
): EventQuery {
  return {
    deviceId,
    levels: filters.levels,
    code: filters.code,
    ...range,
    order: filters.order,
  };
}

/**
 * The query of the first page an Event log URL shows, or null when it depends on the moment the
 * page runs (a relative bound such as `now-24h`): only the browser's clock can resolve that one.
 */
export function clockFreeFirstQuery(
  backend: Pick<BackendAdapter, 'info' | 'vocabulary'>,
  deviceId: string,
  searchParams: URLSearchParams,
): EventQuery | null {
  const { filters } = eventLogQueryFromUrl(backend, searchParams);
  const bounds = [filters.from, filters.to].filter((bound) => bound !== undefined);
  // An instant resolves to the same number at any `now`; a relative bound does not.
  if (bounds.some((bound) => resolveTimeBound(bound, 0) !== resolveTimeBound(bound, 1)))
    return null;
  return eventQueryFor(deviceId, filters, resolveRange(filters, 0));
}
