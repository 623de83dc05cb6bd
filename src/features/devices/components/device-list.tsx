import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { sortChoiceOf } from '../../../backends/device-sort.ts';
import { useBackend } from '../../../backends/use-backend.ts';
import { paths } from '../../../config/paths.ts';
import type { Device } from '../../../backends/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { DroppedParamsNotice } from '../../../components/ui/dropped-params-notice.tsx';
import { ErrorPanel } from '../../../components/ui/error-panel.tsx';
import { useUrlState } from '../../../lib/use-url-state.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { useDevices } from '../api/get-devices.ts';
import { deviceListShape, toDeviceQuery } from '../utils/device-list-params.ts';
import { rememberListSearch } from '../utils/list-search-memory.ts';
import { DeviceListToolbar } from './device-list-toolbar.tsx';
import { DevicesTable } from './devices-table.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

/** `/:backendId/devices`: the fleet, filtered and sorted by the URL. */
export function DeviceList() {
  const { info, adapter } = useBackend();
  const options = adapter.deviceListOptions;
  const { values, dropped, update } = useUrlState(deviceListShape(options));
  const query = toDeviceQuery(values);
  const devicesQuery = useDevices(adapter, query);
  const location = useLocation();

  useEffect(() => rememberListSearch(info.id, location.search), [info.id, location.search]);
  useDocumentTitle(['Devices', info.label]);

  const pages = devicesQuery.data?.pages;
  // One array per answer (the table dates its "last seen" ages from when its rows changed).
  const devices: Device[] = useMemo(() => pages?.flatMap((page) => page.devices) ?? [], [pages]);
  const totalCount = devicesQuery.data?.pages[0]?.totalCount;
  const filtered = Boolean(values.q || values.status);
  const initialLoading = devicesQuery.isPending;
  const statusLabel = (status: string | undefined) =>
    status
      ? (options?.statuses.find((choice) => choice.value === status)?.label ?? status)
      : status;
  const clearFilters = () => update({ q: undefined, status: undefined });
  const deviceHref = (device: Device) => paths.device.href(info.id, device.id);

  let placeholder = null;
  if (devicesQuery.isError && devices.length === 0) {
    placeholder = (
      <ErrorPanel
        title="The devices could not be loaded."
        error={devicesQuery.error}
        onRetry={() => void devicesQuery.refetch()}
        retrying={devicesQuery.isFetching}
      />
    );
  } else if (devicesQuery.isSuccess && devices.length === 0 && !devicesQuery.hasNextPage) {
    placeholder = (
      <div className="text-center text-slate-600">
        <p className="font-medium text-slate-800">
          {filtered
            ? `No devices match ${describeFilters(values.q, statusLabel(values.status))}.`
            : 'This backend has no devices.'}
        </p>
        {filtered ? (
          <Button variant="ghost" className="mt-2" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <section aria-labelledby="device-list-heading" className="flex flex-col gap-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 id="device-list-heading" className="text-xl font-semibold">
          Devices
        </h1>
        <p className="text-sm text-slate-500">{info.label}</p>
      </div>
      <DroppedParamsNotice dropped={dropped} />
      <DeviceListToolbar
        options={options}
        search={values.q ?? ''}
        status={values.status ?? ''}
        sort={values.sort ?? options?.sorts[0]?.value ?? ''}
        filtered={filtered}
        onSearch={(text) => update({ q: text.trim() || undefined }, { replace: true })}
        onStatus={(status) => update({ status: status || undefined })}
        onSort={(sort) => update({ sort })}
        onClear={clearFilters}
      />
      <DevicesTable
        devices={devices}
        deviceHref={deviceHref}
        loading={initialLoading}
        placeholder={placeholder}
        statuses={options?.statuses}
        sorts={options?.sorts}
        sort={options ? sortChoiceOf(options.sorts, values.sort) : undefined}
        onSort={(sort) => update({ sort })}
        modelLabel={options?.modelLabel}
        lastSeenLabel={options?.lastSeenLabel}
      />
      <div className="flex min-h-9 items-center justify-between gap-4">
        <p role="status" className="text-sm text-slate-600">
          {statusLine(
            devicesQuery.isPending,
            devicesQuery.isError && devices.length === 0,
            devices.length,
            totalCount,
            devicesQuery.hasNextPage,
            filtered,
          )}
          {pages?.some((page) => page.incomplete) ? ' · still reading some columns…' : null}
        </p>
        {devicesQuery.hasNextPage && !devicesQuery.isPlaceholderData ? (
          <Button
            onClick={() => void devicesQuery.fetchNextPage()}
            disabled={devicesQuery.isFetchingNextPage}
          >
            {devicesQuery.isFetchingNextPage ? 'Loading…' : 'Load more devices'}
          </Button>
        ) : null}
      </div>
      {devicesQuery.isError && devices.length > 0 ? (
        <ErrorPanel
          title="More devices could not be loaded."
          error={devicesQuery.error}
          onRetry={() => void devicesQuery.fetchNextPage()}
          retrying={devicesQuery.isFetchingNextPage}
        />
      ) : null}
    </section>
  );
}

function describeFilters(q: string | undefined, status: string | undefined): string {
  const parts = [q ? `“${q}”` : null, status ? `status ${status}` : null].filter(Boolean);
  return parts.join(' with ');
}

function statusLine(
  pending: boolean,
  failed: boolean,
  loaded: number,
  total: number | undefined,
  more: boolean,
  filtered: boolean,
): string {
  if (failed) return 'Devices could not be loaded';
  if (pending) return 'Loading devices…';
  if (total !== undefined) {
    return `${formatCount(loaded)} of ${formatCount(total)} ${total === 1 ? 'device' : 'devices'} loaded`;
  }
  const noun = loaded === 1 ? 'device' : 'devices';
  // Search results have no total (the directory is filtered here), so say when the scan is done.
  return `${formatCount(loaded)} ${noun} loaded${!more && filtered ? ' · all matches shown' : ''}`;
}
