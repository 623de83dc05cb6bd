import { Outlet, useNavigate, useParams } from 'react-router';
import { useBackends } from '../../backends/backends-query.ts';
import { AppShell } from '../../components/layouts/app-shell.tsx';

/** The shell around every page: product name, backend switcher, main landmark. */
export function RootLayout() {
  const backends = useBackends();
  const { backendId } = useParams();
  const navigate = useNavigate();
  return (
    <AppShell
      backends={backends}
      currentBackendId={backendId ?? null}
      onSwitchBackend={(id) => void navigate(`/${encodeURIComponent(id)}/devices`)}
    >
      <Outlet />
    </AppShell>
  );
}
