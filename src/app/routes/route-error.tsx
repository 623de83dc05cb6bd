import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorPanel } from '../../components/ui/error-panel.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** Last resort for errors a page did not handle itself (e.g. the backend list cannot be loaded). */
export function RouteError() {
  const error = useRouteError();
  useDocumentTitle(['Could not open this page']);
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;
  return (
    <main id="main" className="mx-auto max-w-2xl p-6">
      <h1 className="mb-3 text-xl font-semibold">Fleetlog could not open this page</h1>
      <ErrorPanel
        title="Something went wrong."
        error={shown}
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
