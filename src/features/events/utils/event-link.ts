import type { EventVocabulary } from '../../../backends/types.ts';
import { paths } from '../../../config/paths.ts';
import type { EventLogSearch } from './event-log-search.ts';
import { serialiseEventLogSearch } from './event-log-search.ts';

/** Half-width of the range a shared event link pins around the event. */
export const EVENT_LINK_MARGIN_MS = 60 * 60 * 1000;

/**
 * A link to one event pins an absolute from/to around it (README "URL scheme"), so the list it
 * opens is a narrow range that contains the event instead of a whole history to page through.
 */
export function eventLinkSearch(search: EventLogSearch, eventTime: number): EventLogSearch {
  return {
    ...search,
    from: new Date(eventTime - EVENT_LINK_MARGIN_MS).toISOString(),
    to: new Date(eventTime + EVENT_LINK_MARGIN_MS).toISOString(),
    q: undefined,
    at: undefined,
    // A pinned range has no newest end to follow.
    live: false,
  };
}

/** The link to one event of a device's log, keeping the view's filters. */
export function eventLinkPath(
  vocabulary: EventVocabulary,
  backendId: string,
  deviceId: string,
  eventId: string,
  search: EventLogSearch,
  eventTime: number,
): string {
  return paths.eventLog.href(
    backendId,
    deviceId,
    eventId,
    serialiseEventLogSearch(vocabulary, eventLinkSearch(search, eventTime)),
  );
}
