import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { BackendAdapter, DeviceEvent } from '../../../backends/types.ts';
import { useBackend } from '../../../backends/use-backend.ts';
import { levelDescription } from '../../../backends/vocabulary.ts';
import { DroppedParamsNotice } from '../../../components/ui/dropped-params-notice.tsx';
import { paths } from '../../../config/paths.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventQueries } from '../api/event-queries.ts';
import { pageSizeFor, resolveRange } from '../api/first-page.ts';
import { EventLogToolbar } from '../components/event-log-toolbar.tsx';
import { LevelBadge } from '../components/level-badge.tsx';
import { useEventLogSearch } from '../hooks/use-event-log-search.ts';
import { eventLinkSearch } from '../utils/event-link.ts';
import { serialiseEventLogSearch, type EventLogSearch } from '../utils/event-log-search.ts';
import { formatEventTime } from '../utils/format-time.ts';
import { filterEventsByText } from '../utils/match-text.ts';
import { useCopyText } from '../hooks/use-copy-text.ts';
import { useDeviceNames } from './use-device-names.ts';
import { useLinkGrid } from './use-link-grid.ts';

type FleetLister = Required<Pick<BackendAdapter, 'listFleetEvents'>>['listFleetEvents'];

function fleetEventsQuery(adapter: BackendAdapter, list: FleetLister, filters: EventListFilters) {
  return infiniteQueryOptions({
    queryKey: [...eventQueries.all(adapter.info.id), 'fleet', filters] as const,
    queryFn: async ({ pageParam, signal }) => {
      const range = pageParam.range ?? resolveRange(filters, Date.now());
      const page = await list(
        { levels: filters.levels, code: filters.code, ...range, order: filters.order },
        pageParam.cursor,
        pageSizeFor(adapter.info),
        signal,
      );
      return { ...page, range };
    },
    initialPageParam: {
      cursor: null as string | null,
      range: null as ReturnType<typeof resolveRange> | null,
    },
    getNextPageParam: (last) =>
      last.nextCursor === null ? undefined : { cursor: last.nextCursor, range: last.range },
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** `/:backendId/events`: every device's events, newest first, each linking to its device's log. */
export function FleetEventsRoute() {
  const { info, adapter } = useBackend();
  const { search, dropped, filters, update } = useEventLogSearch(adapter);
  const list = adapter.listFleetEvents?.bind(adapter);
  useDocumentTitle(['Fleet events', info.label]);
  const viewCopy = useCopyText('Link copied');
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-xl font-semibold">Events across the fleet</h1>
      {list ? (
        <>
          <EventLogToolbar
            capabilities={{ ...info.capabilities, codeFilter: false }}
            vocabulary={adapter.vocabulary}
            search={search}
            update={update}
            definitions={undefined}
            onCopyLink={() => void viewCopy.copy(window.location.href)}
            copyMessage={viewCopy.message}
          />
          <DroppedParamsNotice dropped={dropped} />
          <FleetEvents adapter={adapter} list={list} filters={filters} search={search} />
        </>
      ) : (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {info.label} cannot list events across devices: its API only answers for one device at a
          time. Open a device from the{' '}
          <Link className="underline" to={paths.devices.href(info.id)}>
            device list
          </Link>{' '}
          to read its Event log.
        </p>
      )}
    </div>
  );
}

/** "200 of 12,586 events loaded; 3 match “SYS_104”": what is held, and what the search keeps. */
function loadedStatus(held: {
  loaded: number;
  total: number | undefined;
  more: boolean;
  needle: string;
  matches: number;
}): string {
  const count = `${formatCount(held.loaded)}${held.total === undefined ? '' : ` of ${formatCount(held.total)}`}`;
  const loaded = `${count} events loaded${held.more ? '' : '. End of log'}`;
  if (held.needle === '') return loaded;
  const further =
    held.matches === 0 && held.more ? ' (Load more events to search further back)' : '';
  return `${loaded}; ${formatCount(held.matches)} match “${held.needle}”${further}`;
}

interface FleetEventsProps {
  adapter: BackendAdapter;
  list: FleetLister;
  filters: EventListFilters;
  search: EventLogSearch;
}

function FleetEvents({ adapter, list, filters, search }: FleetEventsProps) {
  const query = useInfiniteQuery(fleetEventsQuery(adapter, list, filters));
  const loaded = query.data?.pages.flatMap((page) => page.events) ?? [];
  const total = query.data?.pages[0]?.totalCount;
  // "Search loaded events" narrows what is loaded, as on a device's log (no API searches text).
  const needle = search.q?.trim() ?? '';
  const events = needle === '' ? loaded : filterEventsByText(loaded, needle);
  const names = useDeviceNames(adapter, query.data?.pages ?? []);
  const grid = useLinkGrid(events.length, 2);
  const linkTo = (event: DeviceEvent) =>
    paths.eventLog.href(
      adapter.info.id,
      event.deviceId ?? '',
      event.id,
      serialiseEventLogSearch(adapter.vocabulary, eventLinkSearch(search, event.time)),
    );
  // The device's own log with the feed's filters and range: "this device's failures, then".
  const deviceSearch = serialiseEventLogSearch(adapter.vocabulary, search);
  return (
    <>
      <p role="status" className="text-sm text-slate-700">
        {query.isPending
          ? 'Loading events…'
          : query.isError
            ? `Could not load events: ${query.error.message}`
            : loadedStatus({
                loaded: loaded.length,
                total,
                more: query.hasNextPage,
                needle,
                matches: events.length,
              })}
      </p>
      {/* One Tab stop: the arrows move between the rows' links (useLinkGrid). */}
      <div
        role="grid"
        aria-label="Events"
        // The whole feed's size, header row included; unknown (-1) while a search narrows the rows.
        aria-rowcount={total === undefined || needle !== '' ? -1 : total + 1}
        // Reached through its links (one Tab stop), never in the Tab order itself.
        tabIndex={-1}
        onKeyDown={grid.onKeyDown}
        onFocus={grid.onFocus}
        className="rounded-md border border-slate-200 bg-white outline-none [--fleet-cols:13rem_minmax(8rem,1fr)_6rem_minmax(0,2fr)]"
      >
        {/* Read out as the columns' names on a phone too, where each row stacks its cells. */}
        <div
          role="row"
          className="grid grid-cols-(--fleet-cols) gap-3 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold text-slate-600 max-md:sr-only"
        >
          <div role="columnheader">Time</div>
          <div role="columnheader">Device</div>
          <div role="columnheader">{adapter.vocabulary.levels.title}</div>
          <div role="columnheader">Event</div>
        </div>
        {events.map((event, index) => (
          <div
            key={event.id}
            role="row"
            aria-rowindex={index + 2}
            data-event-id={event.id}
            className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5 border-b border-slate-100 px-3 py-1.5 text-sm md:grid-cols-(--fleet-cols) md:gap-y-0"
          >
            <div role="gridcell">
              <Link
                className="text-blue-800 underline"
                to={linkTo(event)}
                {...grid.linkProps(index, 0, event.deviceId ? 2 : 1)}
              >
                {formatEventTime(event.time, search.tz)}
              </Link>
            </div>
            {/* A phone shows time and type on the first line, the device and the event below. */}
            <div
              role="gridcell"
              className="order-3 col-span-2 truncate md:order-none md:col-span-1"
            >
              {event.deviceId ? (
                <Link
                  className={`text-blue-800 underline ${names.has(event.deviceId) ? '' : 'font-mono text-xs'}`}
                  to={paths.eventLog.href(adapter.info.id, event.deviceId, undefined, deviceSearch)}
                  title={`${event.deviceId}: its Event log with these filters`}
                  {...grid.linkProps(index, 1)}
                >
                  {names.get(event.deviceId) ?? event.deviceId}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </div>
            <div role="gridcell" className="order-2 md:order-none">
              <LevelBadge
                level={levelDescription(adapter.vocabulary, event.level)}
                rawLevel={event.rawLevel}
              />
            </div>
            <div
              role="gridcell"
              className="order-4 col-span-2 truncate md:order-none md:col-span-1"
            >
              {event.code} — {event.description}
            </div>
          </div>
        ))}
      </div>
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="self-start rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
        >
          Load more events
        </button>
      )}
    </>
  );
}
