import { Outlet, useNavigate, useParams } from 'react-router';
import { useBackends } from '../../backends/backends-query.ts';
import { AppShell } from '../../components/layouts/app-shell.tsx';
import { paths } from '../../config/paths.ts';

/** The shell around every page: product name, backend switcher, main landmark. */
export function RootLayout() {
  const backends = useBackends();
  const { backendId } = useParams();
  const navigate = useNavigate();
  return (
    <AppShell
      backends={backends}
      currentBackendId={backendId ?? null}
      onSwitchBackend={(id) => void navigate(paths.devices.href(id))}
    >
      <Outlet />
    </AppShell>
  );
}
