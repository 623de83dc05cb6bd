import { Suspense, lazy, useCallback, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useBackend } from '../../backends/use-backend.ts';
import { DroppedParamsNotice } from '../../components/ui/dropped-params-notice.tsx';
import { useHydrated } from '../../lib/use-hydrated.ts';
import { useShortcut } from '../../lib/use-shortcut.ts';
import { useEventDetail } from './api/get-event.ts';
import { useEventDefinitions } from './api/list-event-definitions.ts';
import { EventErrorBanner } from './components/event-error-banner.tsx';
import { EventLogStatus } from './components/event-log-status.tsx';
import { RangeNotice } from './components/range-notice.tsx';
import { EventLogToolbar } from './components/event-log-toolbar.tsx';
import { EventsTable, type EventsTableHandle } from './components/events-table.tsx';
import { useEventLinks } from './hooks/use-event-links.ts';
import { useEventLog } from './hooks/use-event-log.ts';
import { useEventLogSearch } from './hooks/use-event-log-search.ts';
import { useTimeZoneLabel } from './hooks/use-time-zone-label.ts';
import { formatEventTime } from './utils/format-time.ts';
import { describePayload } from './utils/payload-fields.ts';
import { rangeProblemsOf } from './utils/range-problems.ts';
import { retentionOf } from './utils/retention.ts';

// Only a view with an open event needs the panel: keep it out of the script a plain Event log
// link waits for.
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
  const { vocabulary } = adapter;
  const { search, dropped, filters, update } = useEventLogSearch(adapter);

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

  // The moment the list was read (on the server, for a server-rendered page: its cache comes
  // along), so the retention start the status names is the same on both sides.
  const [mountedAt] = useState(() => Date.now());
  const now = query.dataUpdatedAt || mountedAt;
  const { retentionStart, outsideRetention } = retentionOf(info.capabilities, search.to, now);
  const rangeProblems = rangeProblemsOf(search, info.capabilities.retentionDays, now);
  const links = useEventLinks({ vocabulary, backendId: info.id, deviceId, search, openEvent });

  const pages = query.data?.pages.length ?? 0;
  const retry = useCallback(() => {
    if (query.isFetchPreviousPageError) void query.fetchPreviousPage();
    else if (pages > 0) void query.fetchNextPage();
    else void query.refetch();
  }, [query, pages]);

  // Closing details (Close or Escape) hands focus back to the event's row, not to <body>.
  const table = useRef<EventsTableHandle>(null);
  const { closeDetails } = links;
  const closeAndFocusRow = useCallback(() => {
    closeDetails();
    table.current?.focusEvent(eventId);
  }, [closeDetails, eventId]);
  // j/k with focus outside the grid: into the grid, on its current row (the rows handle them
  // themselves once focused).
  useShortcut('nextRow', () => table.current?.focusEvent(undefined));
  useShortcut('previousRow', () => table.current?.focusEvent(undefined));
  const endOfLog = query.isSuccess && !query.hasNextPage;
  const totalRows = matches
    ? matches.length
    : (eventWindow.totalCount ?? (endOfLog ? eventWindow.rowCount : undefined));

  const tzLabel = useTimeZoneLabel(search.tz);
  // The details panel is code of its own: a server-rendered first screen leaves it out (it cannot
  // wait for a lazy chunk), and the app opens it once it has taken the page over.
  const hydrated = useHydrated();
  const formatTime = useCallback((ms: number) => formatEventTime(ms, search.tz), [search.tz]);

  return (
    <div className="flex flex-col gap-3">
      <EventLogToolbar
        capabilities={info.capabilities}
        vocabulary={vocabulary}
        search={search}
        update={update}
        definitions={definitions.data}
        onCopyLink={links.copyViewLink}
        copyMessage={links.copyMessage}
      />
      <DroppedParamsNotice dropped={dropped} />
      <RangeNotice
        problems={rangeProblems}
        formatTime={formatTime}
        onSwap={() => update({ from: search.to, to: search.from })}
      />
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
          endOfLog={endOfLog}
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
          ref={table}
          totalRows={totalRows}
          vocabulary={vocabulary}
          tz={search.tz}
          timeZoneLabel={tzLabel}
          rows={rows}
          listKey={JSON.stringify(filters)}
          trailingLabel={
            query.isError ? 'Not loaded (see the error above)' : 'Loading more events…'
          }
          selectedId={eventId}
          scrollTargetId={eventId}
          onOpen={links.openDetails}
          onVisibleRangeChange={onVisibleRangeChange}
        />
        {eventId !== undefined && !hydrated && detailsLoading}
        {eventId !== undefined && hydrated && (
          <Suspense fallback={detailsLoading}>
            <EventDetailsPanel
              vocabulary={vocabulary}
              tz={search.tz}
              eventId={eventId}
              event={openEvent}
              loading={detail.isPending && listedEvent === undefined}
              error={detail.error}
              eventLink={links.eventLink}
              payloadFields={openEvent ? describePayload(openEvent, definitions.data) : null}
              onClose={closeAndFocusRow}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}
