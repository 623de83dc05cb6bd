import type { EventLogSearch } from './event-log-search.ts';
import { serialiseEventLogSearch } from './event-log-search.ts';

/** Half-width of the range a shared event link pins around the event. */
export const EVENT_LINK_MARGIN_MS = 60 * 60 * 1000;

/**
 * A link to one event pins an absolute from/to around it (DESIGN.md), so the list it opens is a
 * narrow range that contains the event instead of a whole history to page through.
 */
export function eventLinkSearch(search: EventLogSearch, eventTime: number): EventLogSearch {
  return {
    ...search,
    from: new Date(eventTime - EVENT_LINK_MARGIN_MS).toISOString(),
    to: new Date(eventTime + EVENT_LINK_MARGIN_MS).toISOString(),
    q: undefined,
  };
}

export function eventLogPath(backendId: string, deviceId: string, eventId?: string): string {
  const base = `/${encodeURIComponent(backendId)}/devices/${encodeURIComponent(deviceId)}/events`;
  return eventId === undefined ? base : `${base}/${encodeURIComponent(eventId)}`;
}

export function eventLinkPath(
  backendId: string,
  deviceId: string,
  eventId: string,
  search: EventLogSearch,
  eventTime: number,
): string {
  return (
    eventLogPath(backendId, deviceId, eventId) +
    serialiseEventLogSearch(eventLinkSearch(search, eventTime))
  );
}
