import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import { eventLinkSearch } from '../utils/event-link.ts';
import type { EventLogSearch } from '../utils/event-log-search.ts';
import { serialiseEventLogSearch } from '../utils/event-log-search.ts';
import { useCopyText } from './use-copy-text.ts';

/** The path of the log (`eventId` undefined) or of one event in it, with a search string. */
export type LogHref = (eventId: string | undefined, search: string) => string;

export interface UseEventLinksOptions {
  vocabulary: EventVocabulary;
  /** Where this log's pages are (a device's Event log, or an opened export). */
  logHref: LogHref;
  search: EventLogSearch;
  /** An event is open (the URL names one). */
  eventOpen: boolean;
  /** The event the details panel shows, once known. */
  openEvent: DeviceEvent | null | undefined;
}

/**
 * Where the Event log's links lead: opening and closing an event keep the view's search string;
 * "Copy link" copies the open event's link (pinned around it) or else the view's.
 */
export function useEventLinks({
  vocabulary,
  logHref,
  search,
  eventOpen,
  openEvent,
}: UseEventLinksOptions) {
  const navigate = useNavigate();
  const searchText = useLocation().search;
  // Going from one open event to another replaces the history entry: Back leaves the event view
  // instead of stepping back through every row clicked.
  const openDetails = useCallback(
    (event: DeviceEvent) =>
      void navigate(logHref(event.id, searchText), {
        replace: eventOpen,
      }),
    [navigate, logHref, searchText, eventOpen],
  );
  const closeDetails = useCallback(
    () => void navigate(logHref(undefined, searchText)),
    [navigate, logHref, searchText],
  );

  // No window when the server renders the first screen; the links are only used on a click.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const eventLink = openEvent
    ? origin +
      logHref(
        openEvent.id,
        serialiseEventLogSearch(vocabulary, eventLinkSearch(search, openEvent.time)),
      )
    : null;
  const viewLink =
    eventLink ?? origin + logHref(undefined, serialiseEventLogSearch(vocabulary, search));
  const viewCopy = useCopyText('Link copied');
  const { copy } = viewCopy;
  const copyViewLink = useCallback(() => void copy(viewLink), [copy, viewLink]);

  return { openDetails, closeDetails, eventLink, copyViewLink, copyMessage: viewCopy.message };
}
