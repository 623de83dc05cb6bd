/**
 * Server-rendered first screen of an Event log link. The SPA's own route tree and components render
 * the page here, with the device and the first page of events the server fetched through its own
 * `/api` (so credentials and upstream handling are the same as for the browser). The browser shows
 * these rows as soon as the HTML and the stylesheet are in, instead of after the scripts ran; the
 * app then takes the page over with the same data (embedded, see `SERVER_STATE_ELEMENT_ID`) and
 * sends no request for it.
 *
 * Every kind: its adapter (from the SPA's registry) is built with a transport into this app instead
 * of `fetch`, so Pelion GETs and Alibaba RPC POSTs take the same proxy (and signing) as the
 * browser's. A bound
 * relative to the clock (`from=now-24h`, or Alibaba's default 30-day window) is resolved by the
 * server's clock as the page is served, the moment the browser would otherwise have asked; the app
 * keys its cache by the bound as typed, so it reads the embedded page all the same. The cache is
 * embedded through `toJsonSafe`, which carries Alibaba's 64-bit integers (BigInt) intact, and
 * without the listed events' wire records (`dehydrateFirstScreen`). Anything
 * else — an unknown kind, a failed request, a redirect — yields null (a render error throws), and
 * the page loads as a plain SPA; the server also gives up on a slow upstream (server/app.ts).
 */
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { dehydrateFirstScreen } from '../../src/app/first-screen-state.ts';
import { AppProvider } from '../../src/app/provider.tsx';
import { createAppRoutes } from '../../src/app/router.tsx';
import { backendsQueryOptions } from '../../src/backends/backends-query.ts';
import type { Transport } from '../../src/backends/http.ts';
import { createAdapter } from '../../src/backends/registry.ts';
import { paths } from '../../src/config/paths.ts';
import type { BackendAdapter, BackendInfo } from '../../src/backends/types.ts';
import type { EventLogTarget } from '../page-needs.ts';
import type { FirstScreenMarkup } from '../shell.ts';
import { deviceQueryOptions } from '../../src/features/devices/api/get-device.ts';
import { getEventQueryOptions } from '../../src/features/events/api/get-event.ts';
import { eventDefinitionsQueryOptions } from '../../src/features/events/api/list-event-definitions.ts';
import { listEventsQueryOptions } from '../../src/features/events/api/list-events.ts';
import { eventLogQueryFromUrl } from '../../src/features/events/utils/event-log-query.ts';
import { createQueryClient } from '../../src/lib/query-client.ts';
import { renderWithTheme, type Theme } from '../../src/lib/theme.ts';
import { PELION_CAPABILITIES } from '../backends/types.ts';
import * as histogramCode from '../../src/features/events/histogram/event-histogram.tsx';
import { provideHistogramCode } from '../../src/features/events/histogram/histogram-code.ts';
import type { EventListFilters } from '../../src/features/events/api/event-queries.ts';
import type { TimeZoneSetting } from '../../src/features/events/utils/format-time.ts';
import { prefetchFirstScreenHistogram } from './histogram.ts';

// The histogram is rendered with the rows when its bars are in: its code is here already (the
// browser loads it after the rows, see src/features/events/histogram/histogram-slot.tsx).
provideHistogramCode(histogramCode);

/**
 * How long the histogram's bars may take once the rows are in, unless told (in-process they take
 * a few ms: one end read and a dozen one-row counts). Never past `histogramBy` either.
 */
export const HISTOGRAM_WAIT_MS = 100;

export interface FirstScreenRequest {
  /** Absolute URL of the page (only its path and query matter). */
  url: string;
  target: EventLogTarget;
  backends: readonly BackendInfo[];
  /** Reaches this server's `/api` without a socket. */
  transport: Transport;
  /** Aborted once the page's time is up: whatever is left (rendering included) is skipped. */
  signal?: AbortSignal;
  /** The theme the visitor's cookie pins (the header's toggle renders it). */
  theme?: Theme | null;
  /** How long the histogram's reads may take once the rows are in (default HISTOGRAM_WAIT_MS). */
  histogramWaitMs?: number;
  /** When (performance.now()) they must be in at the latest, so the rows make the page's deadline. */
  histogramBy?: number;
}

export async function renderFirstScreen({
  url: pageUrl,
  target,
  backends,
  transport,
  signal,
  theme = null,
  histogramWaitMs = HISTOGRAM_WAIT_MS,
  histogramBy,
}: FirstScreenRequest): Promise<FirstScreenMarkup | null> {
  const { backend, deviceId, eventId } = target;
  let adapter: BackendAdapter;
  try {
    adapter = await createAdapter(backend, transport);
  } catch {
    return null; // A kind this build cannot read: the app says so itself.
  }
  const queryClient = createQueryClient();
  // No retries here: a failing upstream is the browser's to report, with its retry button.
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  try {
    queryClient.setQueryData(backendsQueryOptions().queryKey, [...backends]);
    const url = new URL(pageUrl);
    const { search, filters } = eventLogQueryFromUrl(adapter, url.searchParams);
    const list = listEventsQueryOptions(adapter, deviceId, filters);
    await Promise.all([
      queryClient.prefetchQuery(deviceQueryOptions(adapter, deviceId)),
      queryClient.prefetchInfiniteQuery(list),
      eventId === undefined
        ? null
        : queryClient.prefetchQuery(getEventQueryOptions(adapter, deviceId, eventId)),
      // The code filter's choices (Alibaba's Identifiers), so the app does not ask for them either.
      backend.capabilities.codeFilter && adapter.listEventDefinitions
        ? queryClient.prefetchQuery(eventDefinitionsQueryOptions(adapter, deviceId))
        : null,
    ]);
    // Errors are the app's to show, with everything it offers (retry, request id); not here.
    if (
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => query.state.status !== 'success') ||
      signal?.aborted
    )
      return null;
    await withHistogram(queryClient, adapter, deviceId, filters, search.tz, {
      signal,
      histogramWaitMs,
      histogramBy,
    });

    const handler = createStaticHandler(
      createAppRoutes({ queryClient, adapterFor: () => adapter }),
    );
    const context = await handler.query(new Request(url));
    if (context instanceof Response || context.errors || signal?.aborted) return null;
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderWithTheme(theme, () =>
      renderToString(
        <AppProvider queryClient={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </AppProvider>,
      ),
    );
    return {
      html,
      state: dehydrateFirstScreen(queryClient),
      localTimes: search.tz === 'local',
    };
  } finally {
    // Drops the cache and its garbage-collection timers: nothing outlives the request.
    queryClient.clear();
  }
}

/** The histogram's bars, if they come in time (server/first-screen/histogram.ts); the rows go out either way. */
async function withHistogram(
  queryClient: ReturnType<typeof createQueryClient>,
  adapter: BackendAdapter,
  deviceId: string,
  filters: EventListFilters,
  tz: TimeZoneSetting,
  {
    signal,
    histogramWaitMs,
    histogramBy,
  }: Pick<FirstScreenRequest, 'signal' | 'histogramWaitMs' | 'histogramBy'>,
): Promise<void> {
  const waitMs = Math.min(
    histogramWaitMs ?? HISTOGRAM_WAIT_MS,
    histogramBy === undefined ? Infinity : histogramBy - performance.now(),
  );
  await prefetchFirstScreenHistogram({
    queryClient,
    adapter,
    deviceId,
    filters,
    tz,
    waitMs,
    signal,
  });
}

/**
 * Renders one first screen from made-up data, without any upstream: the first real request after
 * a start then finds React's server renderer compiled and fast, instead of missing its deadline.
 * Its backend exists only here, whichever backends are configured.
 */
export async function warmUp(): Promise<void> {
  const backend: BackendInfo = {
    id: 'warm-up',
    kind: 'pelion',
    label: 'Warm-up',
    demo: true,
    capabilities: PELION_CAPABILITIES,
  };
  const deviceId = '0'.repeat(32);
  const events = Array.from({ length: 40 }, (_, index) => ({
    id: index.toString(16).padStart(32, '0'),
    date_time: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    device_id: deviceId,
    event_type: 'UPD4_FAIL_101',
    event_type_description: index % 3 === 0 ? 'FAIL' : 'SUCCESS',
    description: 'Warm-up event',
    state_change: false,
  }));
  const transport: Transport = async (url) =>
    Response.json(
      new URL(url, 'http://warm-up').pathname.endsWith('/device-events')
        ? { object: 'list', data: events, has_more: false, total_count: events.length }
        : { id: deviceId, name: 'warm-up', state: 'registered' },
    );
  const target: EventLogTarget = { backend, deviceId, tab: 'events', eventId: undefined };
  const eventsPath = paths.eventLog.href(backend.id, deviceId);
  await renderFirstScreen({
    url: `http://warm-up${eventsPath}`,
    target,
    backends: [backend],
    transport,
  });
}
