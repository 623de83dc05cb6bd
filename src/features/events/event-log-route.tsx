import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useBackend } from '../../backends/use-backend.ts';
import { DroppedParamsNotice } from '../../components/ui/dropped-params-notice.tsx';
import { paths } from '../../config/paths.ts';
import { SEARCH_TEXT_MAX } from '../../lib/search-text.ts';
import { useHydrated } from '../../lib/use-hydrated.ts';
import { useShortcut } from '../../lib/use-shortcut.ts';
import { eventQueries } from './api/event-queries.ts';
import { useEventDetail } from './api/get-event.ts';
import { useEventDefinitions } from './api/list-event-definitions.ts';
import { EventErrorBanner } from './components/event-error-banner.tsx';
import { EventLogStatus } from './components/event-log-status.tsx';
import { RangeNotice } from './components/range-notice.tsx';
import { EventLogToolbar } from './components/event-log-toolbar.tsx';
import { HiddenEventNotice } from './components/hidden-event-notice.tsx';
import { EventsTable, type EventsTableHandle } from './components/events-table.tsx';
import { useEventLinks, type LogHref } from './hooks/use-event-links.ts';
import { useEventLog } from './hooks/use-event-log.ts';
import { useHidingFilters } from './hooks/use-hiding-filters.ts';
import { useLogAnchor } from './hooks/use-log-anchor.ts';
import { useFailureSteps } from './hooks/use-failure-steps.ts';
import { FailureStepButtons } from './components/failure-step-buttons.tsx';
import { useShowInContext } from './hooks/use-show-in-context.ts';
import { useEventLogSearch } from './hooks/use-event-log-search.ts';
import { useTimeZoneLabel } from './hooks/use-time-zone-label.ts';
import { useColumnLayout } from './columns/use-column-layout.ts';
import { eventColumnsFor } from './components/event-columns.tsx';
import type { RowScroller } from './hooks/use-fixed-rows.ts';
import { ExportMenu } from './export/export-menu.tsx';
import { useExport } from './export/use-export.ts';
import { histogramKeys } from './histogram/histogram-keys.ts';
import { HistogramSlot } from './histogram/histogram-slot.tsx';
import { useAfterPaint } from './histogram/use-after-paint.ts';
import { useHistogramCode } from './histogram/use-histogram-code.ts';
import { LiveControls } from './live/live-controls.tsx';
import { formatEventTime } from './utils/format-time.ts';
import { serialiseEventLogSearch } from './utils/event-log-search.ts';
import { describePayload } from './utils/payload-fields.ts';
import { rangeProblemsOf } from './utils/range-problems.ts';
import { retentionOf } from './utils/retention.ts';

// Only a view with an open event needs the panel: keep it out of the script a plain Event log
// link waits for.
const EventDetailsPanel = lazy(async () => ({
  default: (await import('./components/event-details-panel.tsx')).EventDetailsPanel,
}));

// The column chooser needs the column model (react-table), which loads after the page is
// interactive; neither is needed to show the first rows.
const ColumnChooser = lazy(async () => ({
  default: (await import('./columns/column-chooser.tsx')).ColumnChooser,
}));

const detailsLoading = (
  <p className="text-sm text-slate-600 md:w-[26rem] md:shrink-0">Loading event details…</p>
);

/** The Event log tab: `/:backendId/devices/:deviceId/events[/:eventId]`. */
export function EventLogRoute() {
  const params = useParams();
  return <EventLogView deviceId={params.deviceId ?? ''} eventId={params.eventId} />;
}

export interface EventLogViewProps {
  deviceId: string;
  /** The event the URL opens in the details panel. */
  eventId: string | undefined;
  /** Where the log's pages are; default the device's Event log on the current backend. */
  logHref?: LogHref;
  /**
   * A log that cannot change and is not on a server (an opened export): no Refresh or Live, and
   * no links to copy (they would open nothing anywhere else). Export stays: the filtered view of
   * an opened file can be exported again, and the file opens again.
   */
  readOnly?: boolean;
}

/**
 * The Event log of the current backend (`useBackend`) for one device: filters, grid, status,
 * details. Any adapter renders here, an opened export's included.
 */
export const EventLogView = memo(function EventLogView({
  deviceId,
  eventId,
  logHref: givenLogHref,
  readOnly = false,
}: EventLogViewProps) {
  const { info, adapter } = useBackend();
  const logHref: LogHref = useMemo(
    () =>
      givenLogHref ??
      ((id: string | undefined, searchText: string) =>
        paths.eventLog.href(info.id, deviceId, id, searchText)),
    [givenLogHref, info.id, deviceId],
  );
  const { vocabulary } = adapter;
  const { search, dropped, filters, update } = useEventLogSearch(adapter);

  const detail = useEventDetail(adapter, deviceId, eventId);
  const moment = useLogAnchor(deviceId, search.at, {
    id: JSON.stringify(filters),
    order: filters.order,
    linkedId: eventId,
  });
  const scrollerRef = useRef<RowScroller | null>(null);
  const log = useEventLog({
    adapter,
    deviceId,
    filters,
    needle: search.q,
    anchor: moment.anchor,
    jump: moment.jump,
    jumpTo: moment.jumpTo,
    scrollerRef,
  });
  const { query, eventWindow, rows, matches, onVisibleRangeChange, firstVisibleEvent } = log;
  moment.follow({
    linked: detail.data,
    held: eventWindow.events,
    listSettled: query.isSuccess && !query.isFetchingNextPage && !query.isFetchingPreviousPage,
  });
  const queryClient = useQueryClient();
  // Refresh reads the newest end again; a relative bound (`now-24h`) is resolved again with it.
  const { jumpTo } = moment;
  const refresh = useCallback(() => {
    scrollerRef.current?.toOffset(0);
    jumpTo({ to: 'top' });
    void queryClient.resetQueries({
      queryKey: eventQueries.list(info.id, deviceId, filters),
      exact: true,
    });
    // The log's ends first: the histogram's window reads them again.
    void queryClient.invalidateQueries({ queryKey: eventQueries.ends(info.id, deviceId) });
    void queryClient.invalidateQueries({ queryKey: histogramKeys.all(info.id, deviceId) });
  }, [queryClient, info.id, deviceId, filters, jumpTo]);
  const navigate = useNavigate();
  // A histogram bar opens the log at its moment, as `at` does (the open event closes).
  const openAt = useCallback(
    (at: string) =>
      void navigate(logHref(undefined, serialiseEventLogSearch(vocabulary, { ...search, at }))),
    [navigate, logHref, vocabulary, search],
  );
  const exporter = useExport({
    adapter,
    deviceId,
    filters,
    needle: search.q,
    viewSearch: serialiseEventLogSearch(vocabulary, { ...search, live: false }),
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
  const links = useEventLinks({
    vocabulary,
    logHref,
    search,
    eventOpen: eventId !== undefined,
    openEvent,
  });
  const stepPosition = useCallback(
    () => openEvent ?? firstVisibleEvent(),
    [openEvent, firstVisibleEvent],
  );
  const failureSteps = useFailureSteps({
    adapter,
    deviceId,
    filters,
    position: stepPosition,
    held: eventWindow.events,
  });
  const showInContext = useShowInContext(vocabulary, logHref, search, eventId);
  const hiding = useHidingFilters({ vocabulary, filters, search, update, query, openEvent });

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
    : (log.total ?? (endOfLog && eventWindow.absolute ? eventWindow.rowCount : undefined));
  const firstHeld = eventWindow.events[0];
  const lastHeld = eventWindow.events[eventWindow.events.length - 1];

  const tzLabel = useTimeZoneLabel(search.tz);
  // On a phone the filters start folded, unless the link's search was cut at the cap: the note
  // saying so sits under the search box and must be seen.
  const [filtersOpen, setFiltersOpen] = useState(() => (search.q?.length ?? 0) >= SEARCH_TEXT_MAX);
  const filtersId = useId();
  const activeFilters = [
    search.levels.length > 0,
    search.code !== undefined,
    search.from !== undefined,
    search.to !== undefined,
    Boolean(search.q),
  ].filter(Boolean).length;
  const columnLayout = useColumnLayout(eventColumnsFor(vocabulary));
  const columnModel = columnLayout.model;
  // Memoised: the toolbar is, and re-rendering it for every page that arrives is not needed.
  const columnChooser = useMemo(
    () =>
      columnModel && (
        <Suspense fallback={null}>
          <ColumnChooser model={columnModel} />
        </Suspense>
      ),
    [columnModel],
  );
  // The details panel is code of its own: a server-rendered first screen leaves it out (it cannot
  // wait for a lazy chunk), and the app opens it once it has taken the page over.
  const hydrated = useHydrated();
  const formatTime = useCallback((ms: number) => formatEventTime(ms, search.tz), [search.tz]);
  // The histogram's code and counts wait until the app shows its own rows (or an answer), and
  // after a filter change until it shows the new ones.
  const listId = `${JSON.stringify(filters)}@${moment.anchor ?? ''}`;
  const rowsPainted = useAfterPaint(hydrated && !query.isPending, listId);
  // A list read from its top shows the log's end in its order (newest-first: the newest event).
  const headEvent = moment.anchor === undefined && eventWindow.start === 0 ? firstHeld : undefined;
  const { histogram, head } = useHistogramCode({
    rowsPainted,
    adapter,
    deviceId,
    filters,
    headEvent,
    total: log.total,
    tz: search.tz,
  });

  return (
    // Fills the window below the header (index.css: `[data-fill-viewport]`): the grid scrolls,
    // the page does not. On a phone the page scrolls to the grid, which then fills the screen.
    <div data-fill-viewport="" className="flex min-h-0 flex-1 flex-col gap-2">
      {/* Filters, then the status and actions flowing on: two lines on a wide screen. */}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1">
        {/* On a phone the filters wait behind one button, so the rows start on the first screen. */}
        <button
          type="button"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen(!filtersOpen)}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100 min-[641px]:hidden"
        >
          Filters{activeFilters > 0 ? ` (${activeFilters} active)` : ''}
        </button>
        <div id={filtersId} className={filtersOpen ? 'contents' : 'contents max-[640px]:hidden'}>
          <EventLogToolbar
            capabilities={info.capabilities}
            vocabulary={vocabulary}
            search={search}
            update={update}
            definitions={definitions.data}
            onCopyLink={readOnly ? undefined : links.copyViewLink}
            copyMessage={links.copyMessage}
            layout="flow"
            extra={columnChooser}
          />
        </div>
        <EventLogStatus
          pending={query.isPending && !query.isError}
          loadedCount={eventWindow.events.length}
          firstRow={eventWindow.absolute ? eventWindow.start : null}
          span={firstHeld && lastHeld ? { first: firstHeld.time, last: lastHeld.time } : null}
          notice={failureSteps.message}
          totalCount={log.total}
          endOfLog={endOfLog}
          fetchingMore={query.isFetchingNextPage || query.isFetchingPreviousPage}
          textFilter={matches && search.q ? { needle: search.q, matches: matches.length } : null}
          retentionStart={retentionStart}
          outsideRetention={outsideRetention}
          malformed={eventWindow.malformed}
          formatTime={formatTime}
        />
        <FailureStepButtons onStep={failureSteps.step} />
        {!readOnly && (
          <LiveControls
            tail={{ adapter, deviceId, filters, scrollerRef }}
            onRefresh={refresh}
            live={search.live}
            newestFirst={search.order === 'desc'}
            onLiveChange={(live) =>
              update(live ? { live, order: 'desc' } : { live }, { replace: true })
            }
          />
        )}
        <ExportMenu exporter={exporter} />
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
        <HistogramSlot
          code={histogram}
          props={{
            adapter,
            deviceId,
            filters,
            order: search.order,
            tz: search.tz,
            heldEvents: eventWindow.events,
            ready: rowsPainted,
            head,
            textSearch: matches !== null,
            onZoom: (from, to) => update({ from, to, at: undefined }),
            onGo: openAt,
          }}
        />
      </div>
      <DroppedParamsNotice dropped={dropped} />
      <HiddenEventNotice hiding={hiding.filters} onClear={hiding.clear} />
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
      <div className="flex h-[85dvh] min-h-80 gap-3 min-[641px]:h-auto min-[641px]:min-h-60 min-[641px]:flex-1">
        <EventsTable
          ref={table}
          layout={columnLayout.layout}
          onResize={columnModel?.resize}
          Resizer={columnLayout.Resizer}
          totalRows={totalRows}
          vocabulary={vocabulary}
          tz={search.tz}
          timeZoneLabel={tzLabel}
          rows={rows}
          listKey={`${JSON.stringify(filters)}@${moment.listAnchor ?? ''}`}
          trailingLabel={
            query.isError ? 'Not loaded (see the error above)' : 'Loading more events…'
          }
          selectedId={eventId}
          scrollTargetId={eventId}
          onOpen={links.openDetails}
          onVisibleRangeChange={onVisibleRangeChange}
          scrollerRef={scrollerRef}
          onEdgeKey={log.onEdgeKey}
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
              recordLoading={detail.isPending}
              error={detail.error}
              eventLink={readOnly ? undefined : links.eventLink}
              payloadFields={openEvent ? describePayload(openEvent, definitions.data) : null}
              onClose={closeAndFocusRow}
              onShowInContext={showInContext}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
});
