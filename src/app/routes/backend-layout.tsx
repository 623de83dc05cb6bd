import { useMemo, type ReactNode } from 'react';
import { Link, Outlet, useLoaderData, useParams } from 'react-router';
import { useBackends } from '../../backends/backends-query.ts';
import { BackendContext } from '../../backends/use-backend.ts';
import type { BackendAdapter, BackendInfo } from '../../backends/types.ts';
import { paths } from '../../config/paths.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export interface BackendLoaderData {
  /** null when the URL names no configured backend, or one this build cannot read. */
  adapter: BackendAdapter | null;
  /** The configured backend whose kind this build has no adapter for. */
  unreadable: BackendInfo | null;
}

/** `/:backendId`: provides the backend to everything below, or explains why it cannot. */
export function BackendLayout() {
  const backends = useBackends();
  const { backendId } = useParams();
  const { adapter, unreadable } = useLoaderData() as BackendLoaderData;
  // The loader resolved the adapter for this URL's backend.
  const current = useMemo(() => (adapter ? { info: adapter.info, adapter } : null), [adapter]);
  if (!current) {
    const others = backends.filter((backend) => backend.id !== unreadable?.id);
    return unreadable ? (
      <Unavailable title="Backend not readable" backends={others}>
        <code className="font-mono">{unreadable.id}</code> ({unreadable.label}) is of kind{' '}
        <code className="font-mono">{unreadable.kind}</code>, which this version of Fleetlog cannot
        read. A newer version may; the other backends work as usual.
      </Unavailable>
    ) : (
      <Unavailable title="Backend not found" backends={others}>
        This server has no backend called <code className="font-mono">{backendId ?? ''}</code>. The
        link may be from another Fleetlog installation, or the backend is not configured here.
      </Unavailable>
    );
  }
  return (
    // Keyed: switching backend starts every page below afresh (no rows of the previous backend).
    <BackendContext key={current.info.id} value={current}>
      <Outlet />
    </BackendContext>
  );
}

interface UnavailableProps {
  title: string;
  backends: BackendInfo[];
  children: ReactNode;
}

function Unavailable({ title, backends, children }: UnavailableProps) {
  useDocumentTitle([title]);
  return (
    <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{children}</p>
      {backends.length > 0 ? (
        <>
          <h2 className="mt-4 text-sm font-semibold">Available backends</h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {backends.map((backend) => (
              <li key={backend.id}>
                <Link to={paths.devices.href(backend.id)} className="text-sky-800 hover:underline">
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
