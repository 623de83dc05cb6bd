import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type {
  Device,
  DeviceLabel,
  DeviceListChoice,
  DeviceSortChoice,
  DeviceSortColumn,
} from '../../../backends/types.ts';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { formatAge, formatInstantUtc } from '../utils/format-age.ts';
import { DeviceStatusBadge } from './device-status-badge.tsx';
import { SortHeader } from './sort-header.tsx';

export interface DevicesTableProps {
  devices: Device[];
  /** Builds the device page link (relative to the backend). */
  deviceHref: (device: Device) => string;
  loading: boolean;
  /** The rows are the previous result while a new one loads: dim them, keep the layout. */
  updating?: boolean;
  /** Shown in place of the rows (empty or error state), inside the table frame so nothing jumps. */
  placeholder?: ReactNode;
  /** The backend's state vocabulary, so a row says what the Status filter says. */
  statuses?: readonly DeviceListChoice[];
  /** Sort choices the headers offer (none: headers are plain text). */
  sorts?: readonly DeviceSortChoice[];
  /** The order shown. */
  sort?: DeviceSortChoice;
  onSort?: (value: string) => void;
  modelLabel?: string;
  lastSeenLabel?: string;
}

interface ColumnMeta {
  sortColumn?: DeviceSortColumn;
}

const column = createColumnHelper<Device>();

function LabelCell({ label, mono = false }: { label: DeviceLabel | undefined; mono?: boolean }) {
  if (!label) return <span className="text-slate-500">—</span>;
  return (
    <span
      title={label.full ?? undefined}
      className={mono ? 'font-mono text-xs text-slate-700' : 'text-slate-800'}
    >
      {label.text}
    </span>
  );
}

/** An instant as a date, or (given `now`) as an age; the exact time in the tooltip. */
function InstantCell({ iso, now }: { iso: string | null | undefined; now?: number }) {
  const time = iso ? Date.parse(iso) : Number.NaN;
  if (!iso || Number.isNaN(time)) return <span className="text-slate-500">{iso ?? '—'}</span>;
  return (
    <time dateTime={iso} title={formatInstantUtc(time)}>
      {now !== undefined ? formatAge(time, now) : new Date(time).toISOString().slice(0, 10)}
    </time>
  );
}

/** Module scope: the definitions never change, so react-table never rebuilds them. */
const columns = [
  column.accessor((device) => device.name ?? device.id, {
    id: 'name',
    header: 'Name',
    meta: { sortColumn: 'name' } satisfies ColumnMeta,
  }),
  column.accessor('id', { header: 'Id' }),
  column.accessor('status', { header: 'Status', meta: { sortColumn: 'status' } }),
  column.accessor((device) => device.model?.text ?? '', {
    id: 'model',
    header: 'Model',
    meta: { sortColumn: 'model' },
    // Pelion's short class id reads better in monospace; Alibaba products are names.
    cell: (info) => (
      <LabelCell label={info.row.original.model} mono={/^[0-9a-f]{8}/i.test(info.getValue())} />
    ),
  }),
  column.accessor((device) => device.firmware?.text ?? '', {
    id: 'firmware',
    header: 'Firmware',
    meta: { sortColumn: 'firmware' },
    cell: (info) => <LabelCell label={info.row.original.firmware} mono />,
  }),
  column.accessor((device) => device.lastSeenAt ?? null, {
    id: 'lastSeen',
    header: 'Last seen',
    meta: { sortColumn: 'lastSeen' },
    // Rendered by the table with its clock (ages are relative to when the rows arrived).
  }),
  column.accessor((device) => device.createdAt, {
    id: 'created',
    header: 'Created',
    meta: { sortColumn: 'created' },
    cell: (info) => <InstantCell iso={info.getValue()} />,
  }),
];

const SKELETON_ROWS = 8;

/** The choice a header click makes: the other direction of the shown column, else its first. */
export function nextSort(
  sorts: readonly DeviceSortChoice[],
  current: DeviceSortChoice | undefined,
  sortColumn: DeviceSortColumn,
): DeviceSortChoice | undefined {
  if (current?.column === sortColumn) {
    const other = sorts.find(
      (choice) => choice.column === sortColumn && choice.direction !== current.direction,
    );
    if (other) return other;
  }
  return sorts.find((choice) => choice.column === sortColumn);
}

/**
 * A click anywhere on a row opens the device, like its name link (which stays the row's one
 * link for keyboards and screen readers). Clicks on the link itself, on other controls and ends
 * of a text selection (copying an id) are left alone; Ctrl/⌘-click opens a new tab, as on a link.
 */
function useRowOpener(deviceHref: (device: Device) => string) {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLTableRowElement>, device: Device) => {
    if (event.button !== 0) return;
    const target = event.target as Element;
    if (target.closest('a, button, input, select, textarea')) return;
    if ((window.getSelection()?.toString() ?? '') !== '') return;
    const href = deviceHref(device);
    if (event.ctrlKey || event.metaKey) window.open(href, '_blank', 'noopener');
    else void navigate(href);
  };
}

export function DevicesTable({
  devices,
  deviceHref,
  loading,
  updating = false,
  placeholder,
  statuses = [],
  sorts = [],
  sort,
  onSort,
  modelLabel = 'Model',
  lastSeenLabel = 'Last seen',
}: DevicesTableProps) {
  // No React Compiler in this build, so nothing memoises around the table instance's functions.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the line above
  const table = useReactTable({
    data: devices,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (d) => d.id,
  });
  const openRow = useRowOpener(deviceHref);
  // Ages count from when these rows arrived, so a re-render does not shift them.
  const [now, setNow] = useState(() => Date.now());
  const [rowsFor, setRowsFor] = useState(devices);
  if (rowsFor !== devices) {
    setRowsFor(devices);
    setNow(Date.now());
  }
  const headerLabel = (id: string, fallback: string) =>
    id === 'model' ? modelLabel : id === 'lastSeen' ? lastSeenLabel : fallback;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        aria-label="Devices"
        aria-busy={loading || updating}
        className={`w-full text-left text-sm transition-opacity ${updating ? 'opacity-60' : ''}`}
      >
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const label = headerLabel(
                  header.column.id,
                  String(header.column.columnDef.header ?? ''),
                );
                const sortColumn = (header.column.columnDef.meta as ColumnMeta | undefined)
                  ?.sortColumn;
                const target = sortColumn ? nextSort(sorts, sort, sortColumn) : undefined;
                return (
                  <SortHeader
                    key={header.id}
                    label={label}
                    direction={
                      sortColumn && sort?.column === sortColumn ? sort.direction : undefined
                    }
                    onSort={target && onSort ? () => onSort(target.value) : undefined}
                    nextLabel={target?.label}
                  />
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            // The row's click is a pointer shortcut for its name link, which keyboards and
            // screen readers use; a second focusable target per row would only add Tab stops.
            <tr
              key={row.id}
              data-device-id={row.id}
              className="cursor-pointer hover:bg-slate-50"
              onClick={(event) => openRow(event, row.original)}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 align-middle whitespace-nowrap">
                  {cell.column.id === 'name' ? (
                    <Link
                      to={deviceHref(row.original)}
                      className="font-medium text-sky-800 hover:underline"
                    >
                      {row.original.name ?? row.original.id}
                    </Link>
                  ) : cell.column.id === 'id' ? (
                    <code className="font-mono text-xs text-slate-600">{row.original.id}</code>
                  ) : cell.column.id === 'lastSeen' ? (
                    <InstantCell iso={row.original.lastSeenAt} now={now} />
                  ) : cell.column.id === 'status' ? (
                    <DeviceStatusBadge status={row.original.status} statuses={statuses} />
                  ) : (
                    flexRender(cell.column.columnDef.cell, cell.getContext())
                  )}
                </td>
              ))}
            </tr>
          ))}
          {loading
            ? Array.from({ length: devices.length === 0 ? SKELETON_ROWS : 2 }, (_, index) => (
                <tr key={`skeleton-${index}`} aria-hidden="true">
                  {columns.map((_, cell) => (
                    <td key={cell} className="px-3 py-2.5">
                      <Skeleton className="h-4 w-24" />
                    </td>
                  ))}
                </tr>
              ))
            : null}
          {placeholder && !loading ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-10">
                {placeholder}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
