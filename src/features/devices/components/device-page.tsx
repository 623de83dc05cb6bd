import { Link, Outlet, useLocation, useParams } from 'react-router';
import { BackendError } from '../../../backends/types.ts';
import { useBackend } from '../../../backends/use-backend.ts';
import { paths } from '../../../config/paths.ts';
import { ErrorPanel } from '../../../components/ui/error-panel.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDevice } from '../api/get-device.ts';
import { recallListSearch } from '../utils/list-search-memory.ts';
import { DeviceFacts } from './device-facts.tsx';
import { DeviceTabs } from './device-tabs.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

/** `/:backendId/devices/:deviceId/*`: the device header, its tabs, and the selected tab's route. */
export function DevicePage() {
  const { info, adapter } = useBackend();
  const params = useParams();
  const deviceId = params.deviceId ?? '';
  // Re-selecting the current tab keeps its filters (they live in the search string).
  const { search } = useLocation();
  const deviceQuery = useDevice(adapter, deviceId);
  const listHref = paths.devices.href(info.id, recallListSearch(info.id));
  const notFound =
    deviceQuery.error instanceof BackendError && deviceQuery.error.details.status === 404;
  const device = deviceQuery.data;
  useDocumentTitle(
    notFound
      ? ['Device not found', info.label]
      : [
          params.eventId === undefined ? null : 'Event details',
          `${device?.name ?? deviceId} · Event log`,
          info.label,
        ],
  );

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex gap-2 text-slate-500">
        <li>
          <Link to={listHref} className="text-sky-800 hover:underline">
            Devices
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        {notFound && (
          <li aria-current="page" className="truncate text-slate-700">
            {deviceId}
          </li>
        )}
      </ol>
    </nav>
  );

  if (notFound)
    return (
      <div className="flex flex-col gap-3">
        {breadcrumb}
        <div role="alert" className="rounded-md border border-slate-200 bg-white p-6">
          <h1 className="text-xl font-semibold">Device not found</h1>
          <p className="mt-2 text-sm text-slate-600">
            No device with id <code className="font-mono">{deviceId}</code> exists on {info.label}.
            It may have been deleted, or the link may be for another backend.
          </p>
          <Link
            to={listHref}
            className="mt-3 inline-block text-sm font-medium text-sky-800 hover:underline"
          >
            Back to the device list
          </Link>
        </div>
      </div>
    );

  // One or two lines: where the device is (breadcrumb), its name, status, id and key facts, the
  // other facts behind a disclosure; the tabs on the same line. The Event log gets the rest.
  const header = (
    <header className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1 pb-1.5">
      {breadcrumb}
      <h1 className="min-w-0 text-lg leading-7 font-semibold break-all">
        {device ? (device.name ?? device.id) : deviceId}
      </h1>
      {device ? (
        <DeviceFacts device={device} statuses={adapter.deviceListOptions?.statuses} />
      ) : deviceQuery.isError ? (
        <ErrorPanel
          title="The device could not be loaded."
          error={deviceQuery.error}
          onRetry={() => void deviceQuery.refetch()}
          retrying={deviceQuery.isFetching}
        />
      ) : (
        <div className="flex gap-4" aria-hidden="true">
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-5 w-64" />
          <Skeleton className="h-5 w-28" />
        </div>
      )}
    </header>
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {/* Only one tab today; the list is data so more views (e.g. Resources) slot in. */}
      <DeviceTabs
        header={header}
        tabs={[
          {
            id: 'events',
            label: 'Event log',
            to: paths.eventLog.href(info.id, deviceId, undefined, search),
          },
        ]}
        selectedId="events"
      >
        <Outlet />
      </DeviceTabs>
    </div>
  );
}
