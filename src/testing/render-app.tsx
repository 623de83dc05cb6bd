import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { flushRouterUpdate } from '../app/app.tsx';
import { backendsQueryOptions } from '../backends/backends-query.ts';
import { createAdapter } from '../backends/registry.ts';
import type { BackendAdapter, BackendInfo } from '../backends/types.ts';
import { AppProvider } from '../app/provider.tsx';
import { createAppRoutes } from '../app/router.tsx';

export interface RenderAppOptions {
  /** The adapters to serve; their `info` is what `GET /api/backends` would list. */
  backends: BackendAdapter[];
  /** More entries for the backend list, served by the real adapter registry. */
  listed?: BackendInfo[];
}

/**
 * Renders the whole app (routes, loaders, providers) at `url` against in-memory backends.
 * The backend list is seeded into the query cache, so nothing touches the network.
 */
export function renderApp(url: string, { backends, listed = [] }: RenderAppOptions) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
  });
  queryClient.setQueryData(backendsQueryOptions().queryKey, [
    ...backends.map((adapter) => adapter.info),
    ...listed,
  ]);
  // A listed backend without a fake goes to the real registry (e.g. a kind it cannot read).
  const adapterFor = (info: BackendInfo) =>
    backends.find((candidate) => candidate.info.id === info.id) ?? createAdapter(info);
  const router = createMemoryRouter(createAppRoutes({ queryClient, adapterFor }), {
    initialEntries: [url],
  });
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} flushSync={flushRouterUpdate} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}

/**
 * Imports the lazily loaded route modules up front (call in `beforeAll`), so a test's first
 * navigation does not race module compilation against testing-library's wait timeout.
 */
export async function preloadRouteModules(): Promise<void> {
  await Promise.all([
    import('../features/devices/components/device-list.tsx'),
    import('../features/devices/components/device-page.tsx'),
    import('../features/events/event-log-route.tsx'),
  ]);
}
