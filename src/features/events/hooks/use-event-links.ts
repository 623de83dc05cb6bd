import { useCallback } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import { paths } from '../../../config/paths.ts';
import { eventLinkPath } from '../utils/event-link.ts';
import type { EventLogSearch } from '../utils/event-log-search.ts';
import { serialiseEventLogSearch } from '../utils/event-log-search.ts';
import { useCopyText } from './use-copy-text.ts';

export interface UseEventLinksOptions {
  vocabulary: EventVocabulary;
  backendId: string;
  deviceId: string;
  search: EventLogSearch;
  /** The event the details panel shows, once known. */
  openEvent: DeviceEvent | null | undefined;
}

/**
 * Where the Event log's links lead: opening and closing an event keep the view's search string;
 * "Copy link" copies the open event's link (pinned around it) or else the view's.
 */
export function useEventLinks({
  vocabulary,
  backendId,
  deviceId,
  search,
  openEvent,
}: UseEventLinksOptions) {
  const navigate = useNavigate();
  const searchText = useLocation().search;
  // Going from one open event to another replaces the history entry: Back leaves the event view
  // instead of stepping back through every row clicked.
  const eventOpen = useParams().eventId !== undefined;
  const openDetails = useCallback(
    (event: DeviceEvent) =>
      void navigate(paths.eventLog.href(backendId, deviceId, event.id, searchText), {
        replace: eventOpen,
      }),
    [navigate, backendId, deviceId, searchText, eventOpen],
  );
  const closeDetails = useCallback(
    () => void navigate(paths.eventLog.href(backendId, deviceId, undefined, searchText)),
    [navigate, backendId, deviceId, searchText],
  );

  // No window when the server renders the first screen; the links are only used on a click.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const eventLink = openEvent
    ? origin + eventLinkPath(vocabulary, backendId, deviceId, openEvent.id, search, openEvent.time)
    : null;
  const viewLink =
    eventLink ??
    origin +
      paths.eventLog.href(
        backendId,
        deviceId,
        undefined,
        serialiseEventLogSearch(vocabulary, search),
      );
  const viewCopy = useCopyText('Link copied');
  const { copy } = viewCopy;
  const copyViewLink = useCallback(() => void copy(viewLink), [copy, viewLink]);

  return { openDetails, closeDetails, eventLink, copyViewLink, copyMessage: viewCopy.message };
}
