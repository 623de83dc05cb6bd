import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Device } from '../../../backends/types.ts';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { DeviceStatusBadge } from './device-status-badge.tsx';

export interface DevicesTableProps {
  devices: Device[];
  /** Builds the device page link (relative to the backend). */
  deviceHref: (device: Device) => string;
  loading: boolean;
  /** The rows are the previous result while a new one loads: dim them, keep the layout. */
  updating?: boolean;
  /** Shown in place of the rows (empty or error state), inside the table frame so nothing jumps. */
  placeholder?: ReactNode;
}

const factOf = (device: Device, ...labels: string[]) =>
  device.facts.find((fact) => labels.includes(fact.label))?.value ?? '—';

const HEX = /^[0-9a-f]{16,}$/i;

const column = createColumnHelper<Device>();

/** Module scope: the definitions never change, so react-table never rebuilds them. */
const columns = [
  column.accessor((device) => device.name ?? device.id, { id: 'name', header: 'Name' }),
  column.accessor('id', { header: 'Id' }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <DeviceStatusBadge status={info.getValue()} />,
  }),
  column.accessor((device) => factOf(device, 'Class', 'Product'), {
    id: 'class',
    header: 'Class / Product',
    // Pelion classes are hex ids (monospace reads better); Alibaba products are names.
    cell: (info) => (
      <span
        className={
          HEX.test(info.getValue()) ? 'font-mono text-xs text-slate-700' : 'text-slate-800'
        }
      >
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor((device) => factOf(device, 'Firmware'), {
    id: 'firmware',
    header: 'Firmware',
    cell: (info) => <span className="font-mono text-xs text-slate-600">{info.getValue()}</span>,
  }),
  column.accessor((device) => device.createdAt, {
    id: 'created',
    header: 'Created',
    cell: (info) => formatDate(info.getValue()),
  }),
];

function formatDate(iso: string | null): ReactNode {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return <time dateTime={iso}>{new Date(time).toISOString().slice(0, 10)}</time>;
}

const SKELETON_ROWS = 8;

export function DevicesTable({
  devices,
  deviceHref,
  loading,
  updating = false,
  placeholder,
}: DevicesTableProps) {
  // No React Compiler in this build, so nothing memoises around the table instance's functions.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the line above
  const table = useReactTable({
    data: devices,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (d) => d.id,
  });
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
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2 font-semibold tracking-wide">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-device-id={row.id} className="hover:bg-slate-50">
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
