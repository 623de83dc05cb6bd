import type { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { RouterProvider } from 'react-router';
import { adapterFor } from '../backends/registry.ts';
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
export function createAppInstance(): AppInstance {
  const queryClient = createQueryClient();
  return { queryClient, router: createAppRouter({ queryClient, adapterFor }) };
}

export function App({ instance }: { instance: AppInstance }) {
  return (
    <AppProvider queryClient={instance.queryClient}>
      <RouterProvider router={instance.router} flushSync={flushRouterUpdate} />
    </AppProvider>
  );
}
