import { useMemo } from 'react';
import { Link, Outlet, useLoaderData, useParams } from 'react-router';
import { useBackends } from '../../backends/backends-query.ts';
import { BackendContext } from '../../backends/use-backend.ts';
import type { BackendAdapter, BackendInfo } from '../../backends/types.ts';

interface BackendLoaderData {
  adapter: BackendAdapter | null;
}

/** `/:backendId`: provides the backend to everything below, or explains that it does not exist. */
export function BackendLayout() {
  const backends = useBackends();
  const { backendId } = useParams();
  const { adapter } = useLoaderData() as BackendLoaderData;
  // The loader resolved the adapter for this URL's backend (null when there is no such backend).
  const current = useMemo(() => (adapter ? { info: adapter.info, adapter } : null), [adapter]);
  if (!current) return <UnknownBackend backendId={backendId ?? ''} backends={backends} />;
  return (
    // Keyed: switching backend starts every page below afresh (no rows of the previous backend).
    <BackendContext key={current.info.id} value={current}>
      <Outlet />
    </BackendContext>
  );
}

interface UnknownBackendProps {
  backendId: string;
  backends: BackendInfo[];
}

function UnknownBackend({ backendId, backends }: UnknownBackendProps) {
  return (
    <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Backend not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        This server has no backend called <code className="font-mono">{backendId}</code>. The link
        may be from another Fleetlog installation, or the backend is not configured here.
      </p>
      {backends.length > 0 ? (
        <>
          <h2 className="mt-4 text-sm font-semibold">Available backends</h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {backends.map((backend) => (
              <li key={backend.id}>
                <Link
                  to={`/${encodeURIComponent(backend.id)}/devices`}
                  className="text-sky-800 hover:underline"
                >
                  {backend.label}
                </Link>{' '}
                <code className="text-xs text-slate-500">{backend.id}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-4 text-sm">No backend is configured on this server.</p>
      )}
    </section>
  );
}
