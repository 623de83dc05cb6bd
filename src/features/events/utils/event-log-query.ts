import type { BackendAdapter } from '../../../backends/types.ts';
import type { DroppedParam } from '../../../lib/url-state.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import type { EventLogSearch } from './event-log-search.ts';
import { parseEventLogSearch } from './event-log-search.ts';

export interface EventLogQuery {
  /** The view the URL asks for. */
  search: EventLogSearch;
  /** What the link asked for and this backend cannot honour, for the notice. */
  dropped: DroppedParam[];
  /** The list query: only the filters the backend can apply (also its query key). */
  filters: EventListFilters;
}

/**
 * From an Event log URL to what the log shows and asks the backend for. The one function for the
 * route loader's prefetch, the route itself and the server's first screen, so all of them build
 * the same query (and the same query key) from the same link.
 */
export function eventLogQueryFromUrl(
  adapter: Pick<BackendAdapter, 'info' | 'vocabulary'>,
  searchParams: URLSearchParams,
): EventLogQuery {
  const { capabilities } = adapter.info;
  const { vocabulary } = adapter;
  const { search, dropped } = parseEventLogSearch(vocabulary, searchParams);
  // A filter this backend cannot apply is reported rather than silently ignored.
  if (!capabilities.levelFilter && search.levels.length > 0)
    dropped.push({ param: vocabulary.levels.param, value: search.levels.join(',') });
  if (!capabilities.codeFilter && search.code !== undefined && vocabulary.codeFilter)
    dropped.push({ param: vocabulary.codeFilter.param, value: search.code });
  return {
    search,
    dropped,
    filters: {
      levels: capabilities.levelFilter ? search.levels : [],
      code: capabilities.codeFilter ? search.code : undefined,
      from: search.from,
      to: search.to,
      order: search.order,
    },
  };
}
