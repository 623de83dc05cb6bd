import { useCallback, useMemo } from 'react';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import type { EventLogSearch } from '../utils/event-log-search.ts';
import { filtersHiding } from '../utils/hidden-by.ts';
import type { ResolvedRange } from '../utils/page-window.ts';

export interface UseHidingFiltersOptions {
  vocabulary: EventVocabulary;
  filters: EventListFilters;
  search: EventLogSearch;
  update: (patch: Partial<EventLogSearch>) => void;
  /** The list query: its first page holds the range it resolved. */
  query: { data?: { pages: ReadonlyArray<{ range: ResolvedRange }> } };
  openEvent: DeviceEvent | null | undefined;
}

/** Which of the view's filters hide the open event, and how to clear them all at once. */
export function useHidingFilters({
  vocabulary,
  filters,
  search,
  update,
  query,
  openEvent,
}: UseHidingFiltersOptions) {
  const range = query.data?.pages[0]?.range;
  const hiding = useMemo(
    () =>
      openEvent && range ? filtersHiding(openEvent, vocabulary, filters, range, search.q) : [],
    [openEvent, range, vocabulary, filters, search.q],
  );
  const clear = useCallback(
    () => update(Object.assign({}, ...hiding.map((filter) => filter.clear))),
    [update, hiding],
  );
  return { filters: hiding, clear };
}
