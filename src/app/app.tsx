import { useState } from 'react';
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

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter({ queryClient, adapterFor }));
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} flushSync={flushRouterUpdate} />
    </AppProvider>
  );
}
