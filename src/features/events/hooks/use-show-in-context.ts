import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { EventVocabulary } from '../../../backends/types.ts';
import type { EventLogSearch } from '../utils/event-log-search.ts';
import { EVENT_LOG_DEFAULTS, serialiseEventLogSearch } from '../utils/event-log-search.ts';
import type { LogHref } from './use-event-links.ts';

/**
 * "Show in context": the open event in the unfiltered log. The URL keeps the event and how the
 * log reads (order, time zone) and drops every filter, range and `at`, so the link shares it too.
 */
export function useShowInContext(
  vocabulary: EventVocabulary,
  logHref: LogHref,
  search: EventLogSearch,
  eventId: string | undefined,
) {
  const navigate = useNavigate();
  const { order, tz } = search;
  return useCallback(() => {
    if (eventId === undefined) return;
    const unfiltered = serialiseEventLogSearch(vocabulary, { ...EVENT_LOG_DEFAULTS, order, tz });
    void navigate(logHref(eventId, unfiltered));
  }, [navigate, vocabulary, logHref, eventId, order, tz]);
}
