import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { DeviceEvent } from '../../backends/types.ts';
import { useBackend } from '../../backends/use-backend.ts';
import { DroppedParamsNotice } from '../../components/ui/dropped-params-notice.tsx';
import type { DroppedParam } from '../../lib/url-state.ts';
import { useUrlState } from '../../lib/use-url-state.ts';
import { useEventDetail } from './api/get-event.ts';
import type { EventListFilters } from './api/event-queries.ts';
import { useEventDefinitions } from './api/list-event-definitions.ts';
import { EventErrorBanner } from './components/event-error-banner.tsx';
import { EventLogStatus } from './components/event-log-status.tsx';
import { EventLogToolbar } from './components/event-log-toolbar.tsx';
import { EventsTable } from './components/events-table.tsx';
import { useCopyText } from './hooks/use-copy-text.ts';
import { useEventLog } from './hooks/use-event-log.ts';
import { eventLinkPath, eventLogPath } from './utils/event-link.ts';
import { eventLogParams, serialiseEventLogSearch } from './utils/event-log-search.ts';
import { useTimeZoneLabel } from './hooks/use-time-zone-label.ts';
import { formatEventTime } from './utils/format-time.ts';
import { eventListFilters } from './utils/event-list-filters.ts';
import { resolveTimeBound } from './utils/time-bound.ts';
import { useHydrated } from '../../lib/use-hydrated.ts';

const DAY_MS = 86_400_000;

// Only a view with an open event needs the panel (and the Pelion code table): keep both out of
// the script a plain Event log link waits for.
const EventDetailsPanel = lazy(async () => ({
  default: (await import('./components/event-details-panel.tsx')).EventDetailsPanel,
}));

const detailsLoading = (
  <p className="text-sm text-slate-600 lg:w-[28rem]">Loading event details…</p>
);

/** The Event log tab: `/:backendId/devices/:deviceId/events[/:eventId]`. */
export function EventLogRoute() {
  const params = useParams();
  const deviceId = params.deviceId ?? '';
  const eventId = params.eventId;
  const { info, adapter } = useBackend();
  const { capabilities } = info;
  const navigate = useNavigate();
  const location = useLocation();
  const { values: search, dropped, update } = useUrlState(eventLogParams);

  // A parameter of the other backend kind cannot apply here: say so rather than silently ignore it.
  const ignored: DroppedParam[] = [...dropped];
  if (!capabilities.messageTypeFilter && search.type.length > 0)
    ignored.push({ param: 'type', value: search.type.join(',') });
  if (!capabilities.eventTypeFilter && search.eventType.length > 0)
    ignored.push({ param: 'eventType', value: search.eventType.join(',') });
  if (!capabilities.identifierFilter && search.identifier)
    ignored.push({ param: 'identifier', value: search.identifier });

  const levelsKey = info.kind === 'pelion' ? search.type.join(',') : search.eventType.join(',');
  const filters: EventListFilters = useMemo(
    () => eventListFilters(info, search),
    // Parsing yields new arrays and objects on every URL change; these values are the identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- levelsKey stands for search.type / search.eventType
    [info, levelsKey, search.identifier, search.from, search.to, search.order],
  );

  const detail = useEventDetail(adapter, deviceId, eventId);
  const { query, eventWindow, rows, matches, onVisibleRangeChange } = useEventLog({
    adapter,
    deviceId,
    filters,
    needle: search.q,
    focusEvent: detail.data ? { id: detail.data.id, time: detail.data.time } : undefined,
  });
  const definitions = useEventDefinitions(adapter, deviceId);
  const listedEvent =
    eventId === undefined ? undefined : eventWindow.events.find((event) => event.id === eventId);
  const openEvent = detail.data ?? listedEvent ?? (detail.isPending ? undefined : detail.data);

  const [now] = useState(() => Date.now());
  const retentionStart =
    capabilities.retentionDays === null ? null : now - capabilities.retentionDays * DAY_MS;
  const requestedTo = search.to === undefined ? null : resolveTimeBound(search.to, now);
  const outsideRetention =
    retentionStart !== null && requestedTo !== null && requestedTo < retentionStart;

  const searchText = location.search;
  const openDetails = useCallback(
    (event: DeviceEvent) => void navigate(eventLogPath(info.id, deviceId, event.id) + searchText),
    [navigate, info.id, deviceId, searchText],
  );
  const closeDetails = useCallback(
    () => void navigate(eventLogPath(info.id, deviceId) + searchText),
    [navigate, info.id, deviceId, searchText],
  );

  // No window when the server renders the first screen; the links are only used on a click.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const eventLink = openEvent
    ? origin + eventLinkPath(info.id, deviceId, openEvent.id, search, openEvent.time)
    : null;
  const viewLink =
    eventLink ?? origin + eventLogPath(info.id, deviceId) + serialiseEventLogSearch(search);
  const viewCopy = useCopyText('Link copied');
  const { copy: copyText } = viewCopy;
  const copyViewLink = useCallback(() => void copyText(viewLink), [copyText, viewLink]);

  const pages = query.data?.pages.length ?? 0;
  const retry = useCallback(() => {
    if (query.isFetchPreviousPageError) void query.fetchPreviousPage();
    else if (pages > 0) void query.fetchNextPage();
    else void query.refetch();
  }, [query, pages]);

  const tzLabel = useTimeZoneLabel(search.tz);
  // The details panel is code of its own: a server-rendered first screen leaves it out (it cannot
  // wait for a lazy chunk), and the app opens it once it has taken the page over.
  const hydrated = useHydrated();
  const formatTime = useCallback((ms: number) => formatEventTime(ms, search.tz), [search.tz]);

  return (
    <div className="flex flex-col gap-3">
      <EventLogToolbar
        info={info}
        search={search}
        update={update}
        definitions={definitions.data}
        onCopyLink={copyViewLink}
        copyMessage={viewCopy.message}
      />
      <DroppedParamsNotice dropped={ignored} />
      {query.isError && (
        <EventErrorBanner
          error={query.error}
          title={pages > 0 ? 'Could not load more events' : 'Could not load events'}
          onRetry={retry}
          retrying={query.isFetching}
        />
      )}
      <div className="flex items-center gap-3">
        <EventLogStatus
          pending={query.isPending && !query.isError}
          loadedCount={eventWindow.rowCount}
          totalCount={eventWindow.totalCount}
          endOfLog={query.isSuccess && !query.hasNextPage}
          fetchingMore={query.isFetchingNextPage || query.isFetchingPreviousPage}
          textFilter={matches && search.q ? { needle: search.q, matches: matches.length } : null}
          retentionStart={retentionStart}
          outsideRetention={outsideRetention}
          malformed={eventWindow.malformed}
          formatTime={formatTime}
        />
        {matches && query.hasNextPage && (
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetching}
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
          >
            Load more events
          </button>
        )}
      </div>
      <div className="flex h-[calc(100vh-7rem)] min-h-96 flex-col gap-3 lg:flex-row">
        <EventsTable
          kind={info.kind}
          tz={search.tz}
          timeZoneLabel={tzLabel}
          rows={rows}
          listKey={JSON.stringify(filters)}
          trailingLabel={
            query.isError ? 'Not loaded (see the error above)' : 'Loading more events…'
          }
          selectedId={eventId}
          scrollTargetId={eventId}
          onOpen={openDetails}
          onVisibleRangeChange={onVisibleRangeChange}
        />
        {eventId !== undefined && !hydrated && detailsLoading}
        {eventId !== undefined && hydrated && (
          <Suspense fallback={detailsLoading}>
            <EventDetailsPanel
              kind={info.kind}
              tz={search.tz}
              eventId={eventId}
              event={openEvent}
              loading={detail.isPending && listedEvent === undefined}
              error={detail.error}
              eventLink={eventLink}
              onClose={closeDetails}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}
