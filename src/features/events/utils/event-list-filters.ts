import type { BackendInfo } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import type { EventLogSearch } from './event-log-search.ts';

/**
 * The list query a view asks for: only the filters the backend can apply. One function for the
 * route and for prefetching, so both build the same query key.
 */
export function eventListFilters(info: BackendInfo, search: EventLogSearch): EventListFilters {
  const { capabilities } = info;
  const levels =
    info.kind === 'pelion'
      ? capabilities.messageTypeFilter
        ? search.type
        : []
      : capabilities.eventTypeFilter
        ? search.eventType
        : [];
  return {
    levels,
    identifier: capabilities.identifierFilter ? search.identifier : undefined,
    from: search.from,
    to: search.to,
    order: search.order,
  };
}
