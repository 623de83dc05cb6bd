import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  redirect,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';
import { backendsQueryOptions } from '../backends/backends-query.ts';
import { UnreadableBackendError } from '../backends/registry.ts';
import { paths } from '../config/paths.ts';
import type { BackendAdapter, BackendInfo } from '../backends/types.ts';
import { deviceQueryOptions } from '../features/devices/api/get-device.ts';
import { devicesQueryOptions } from '../features/devices/api/get-devices.ts';
import { deviceQueryFromUrl } from '../features/devices/utils/device-list-params.ts';
import { BackendLayout, type BackendLoaderData } from './routes/backend-layout.tsx';
import { HydrateFallback } from './routes/hydrate-fallback.tsx';
import { RootLayout } from './routes/root.tsx';
import { RouteError } from './routes/route-error.tsx';

export interface AppDependencies {
  queryClient: QueryClient;
  /** May load the adapter's code on demand (one chunk per backend kind). */
  adapterFor: (info: BackendInfo) => BackendAdapter | Promise<BackendAdapter>;
}

/**
 * The route tree (README "URL scheme"; patterns and links in src/config/paths.ts). Loaders start
 * the same queries the components read — built by the same queryOptions factories — without
 * awaiting them, so data and the lazily loaded page code download in parallel and the page shows
 * its own skeleton meanwhile.
 */
export function createAppRoutes({ queryClient, adapterFor }: AppDependencies): RouteObject[] {
  const backends = () => queryClient.ensureQueryData(backendsQueryOptions());

  async function backendOf(params: LoaderFunctionArgs['params']): Promise<BackendLoaderData> {
    const info = (await backends()).find((backend) => backend.id === params.backendId);
    if (!info) return { adapter: null, unreadable: null };
    try {
      return { adapter: await adapterFor(info), unreadable: null };
    } catch (error) {
      // A kind this build has no adapter for costs that backend only; the others work on.
      if (error instanceof UnreadableBackendError) return { adapter: null, unreadable: info };
      throw error;
    }
  }

  const adapterOf = async (params: LoaderFunctionArgs['params']) =>
    (await backendOf(params)).adapter;

  return [
    {
      id: 'root',
      path: paths.home.pattern,
      loader: async () => {
        await backends();
        return null;
      },
      // The backend list never changes within a session; search-param edits must not re-run it.
      shouldRevalidate: () => false,
      Component: RootLayout,
      HydrateFallback,
      ErrorBoundary: RouteError,
      children: [
        {
          index: true,
          loader: async () => {
            const [first] = await backends();
            return first ? redirect(paths.devices.href(first.id)) : null;
          },
          // Pages hardly anyone sees load on demand, outside the entry chunk.
          lazy: {
            Component: async () => (await import('./routes/no-backends.tsx')).NoBackends,
          },
        },
        {
          // An export file opened in the browser: no backend, no server data. The page holds the
          // file; opening an event is a child path so the log is not remounted.
          path: paths.importedLog.pattern,
          lazy: {
            Component: async () =>
              (await import('../features/events/import/import-route.tsx')).ImportRoute,
          },
          children: [{ path: paths.importedEvent.pattern, Component: Redirecting }],
        },
        {
          path: paths.backend.pattern,
          // Resolves the adapter (loading its chunk) before the pages below render; child loaders
          // run in parallel and share the same cached adapter promise.
          loader: ({ params }) => backendOf(params),
          shouldRevalidate: ({ currentParams, nextParams }) =>
            currentParams.backendId !== nextParams.backendId,
          Component: BackendLayout,
          children: [
            {
              index: true,
              loader: ({ params }) => redirect(paths.devices.href(params.backendId ?? '')),
              Component: Redirecting,
            },
            {
              path: paths.devices.pattern,
              loader: async ({ params, request }) => {
                const adapter = await adapterOf(params);
                if (adapter) {
                  const query = deviceQueryFromUrl(adapter.deviceListOptions, new URL(request.url));
                  void queryClient.prefetchInfiniteQuery(devicesQueryOptions(adapter, query));
                }
                return null;
              },
              lazy: {
                Component: async () =>
                  (await import('../features/devices/components/device-list.tsx')).DeviceList,
              },
            },
            {
              path: paths.fleetEvents.pattern,
              lazy: {
                Component: async () =>
                  (await import('../features/events/fleet/fleet-events-route.tsx'))
                    .FleetEventsRoute,
              },
            },
            {
              path: paths.device.pattern,
              loader: async ({ params }) => {
                const adapter = await adapterOf(params);
                if (adapter && params.deviceId)
                  void queryClient.prefetchQuery(deviceQueryOptions(adapter, params.deviceId));
                return null;
              },
              // Event log filters live in the search string; they do not change the device.
              shouldRevalidate: ({ currentParams, nextParams }) =>
                currentParams.backendId !== nextParams.backendId ||
                currentParams.deviceId !== nextParams.deviceId,
              lazy: {
                Component: async () =>
                  (await import('../features/devices/components/device-page.tsx')).DevicePage,
              },
              children: [
                {
                  // The device page opens on its Event log tab; a shared link's filters come along.
                  index: true,
                  loader: ({ params, request }) =>
                    redirect(
                      paths.eventLog.href(
                        params.backendId ?? '',
                        params.deviceId ?? '',
                        undefined,
                        new URL(request.url).search,
                      ),
                    ),
                  Component: Redirecting,
                },
                {
                  // One route for the log with and without an open event, so opening an event does
                  // not remount the log (scroll position, loaded pages).
                  path: paths.eventLog.pattern,
                  // Starts the first page (and a linked event) as soon as the adapter is known,
                  // while the Event log's code downloads, instead of after it renders. Not awaited:
                  // the page renders its own skeleton. The prefetch module is imported lazily so
                  // the entry chunk does not grow (it shares its code with the Event log chunk).
                  loader: async ({ params, request }) => {
                    // Both downloads start at once: the module must not wait for the adapter chunk.
                    const prefetchModule = import('../features/events/api/prefetch-event-log.ts');
                    const adapter = await adapterOf(params);
                    const { deviceId, eventId } = params;
                    if (adapter && deviceId) {
                      const url = new URL(request.url);
                      void prefetchModule.then(({ prefetchEventLog }) =>
                        prefetchEventLog(queryClient, adapter, deviceId, url, eventId),
                      );
                    }
                    return null;
                  },
                  // Filter edits only change the search string; the page starts those queries itself.
                  shouldRevalidate: ({ currentUrl, nextUrl }) =>
                    currentUrl.pathname !== nextUrl.pathname,
                  lazy: {
                    Component: async () =>
                      (await import('../features/events/event-log-route.tsx')).EventLogRoute,
                  },
                },
              ],
            },
            {
              path: '*',
              lazy: {
                Component: async () => (await import('./routes/not-found.tsx')).NotFound,
              },
            },
          ],
        },
      ],
    },
  ];
}

/**
 * Rendered for the instant before a loader's redirect lands (keeps the router from warning), and
 * for child paths whose parent renders the page itself.
 */
function Redirecting() {
  return null;
}

export function createAppRouter(dependencies: AppDependencies) {
  return createBrowserRouter(createAppRoutes(dependencies));
}
