import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { UrlStateUpdateOptions } from '../../../lib/use-url-state.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventLogQueryFromUrl, type EventLogQuery } from '../utils/event-log-query.ts';
import {
  eventLogParamNames,
  eventLogSearchParams,
  parseEventLogSearch,
  type EventLogSearch,
} from '../utils/event-log-search.ts';

export interface EventLogSearchState extends EventLogQuery {
  /** Merges `patch` into the view and writes the URL (defaults left out). */
  update: (patch: Partial<EventLogSearch>, options?: UrlStateUpdateOptions) => void;
}

/**
 * The Event log's view state, bound to the router's URL. `filters` keeps its identity while only
 * `q` or `tz` change, so the list query (and its loaded pages) stays put.
 */
export function useEventLogSearch(
  adapter: Pick<BackendAdapter, 'info' | 'vocabulary'>,
): EventLogSearchState {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = useMemo(
    () => eventLogQueryFromUrl(adapter, searchParams),
    [adapter, searchParams],
  );
  const filtersKey = JSON.stringify(parsed.filters);
  const filters: EventListFilters = useMemo(
    () => parsed.filters,
    // Parsing yields new arrays on every URL change; the serialised filters are the identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filtersKey stands for parsed.filters
    [filtersKey],
  );

  const { vocabulary } = adapter;
  const update = useCallback(
    (patch: Partial<EventLogSearch>, options?: UrlStateUpdateOptions) => {
      setSearchParams(
        (previous) => {
          const current = parseEventLogSearch(vocabulary, previous).search;
          const next = eventLogSearchParams(vocabulary, { ...current, ...patch });
          // Parameters this view does not read stay in the link as they were.
          const own = new Set(eventLogParamNames(vocabulary));
          for (const [param, value] of previous) if (!own.has(param)) next.append(param, value);
          return next;
        },
        // A control bound to the URL (a checkbox, a select) must show its new value on the frame
        // after the click; as a transition it could wait behind a long render.
        { replace: options?.replace ?? false, flushSync: true },
      );
    },
    [vocabulary, setSearchParams],
  );

  return { search: parsed.search, dropped: parsed.dropped, filters, update };
}
