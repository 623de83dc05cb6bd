import { hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { RouterProvider } from 'react-router';
import { adapterFor } from '../backends/registry.ts';
import { fromJsonSafe } from '../lib/json-safe.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { AppProvider } from './provider.tsx';
import { createAppRouter } from './router.tsx';

/** Lets a navigation ask to render synchronously (see useUrlState). */
export function flushRouterUpdate(update: () => unknown): undefined {
  flushSync(update);
}

export interface AppInstance {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/**
 * The query cache and the router for the page. Creating the router starts the current URL's
 * loaders, so main.tsx calls this before React's first render: a deep link's loaders (and the
 * requests they start) do not wait for React to render the app shell first.
 */
export function createAppInstance(serverState: DehydratedState | null = null): AppInstance {
  const queryClient = createQueryClient();
  // Before the router exists: its loaders then find the server's data and fetch nothing. The
  // server wrote it with toJsonSafe (server/first-screen/render.tsx).
  if (serverState)
    hydrate(queryClient, serverState, { defaultOptions: { deserializeData: fromJsonSafe } });
  return { queryClient, router: createAppRouter({ queryClient, adapterFor }) };
}

/** Resolves once the router's first navigation (loaders, lazy route code) has finished. */
export function whenRouterReady(router: AppInstance['router']): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

export function App({ instance }: { instance: AppInstance }) {
  return (
    <AppProvider queryClient={instance.queryClient}>
      <RouterProvider router={instance.router} flushSync={flushRouterUpdate} />
    </AppProvider>
  );
}
