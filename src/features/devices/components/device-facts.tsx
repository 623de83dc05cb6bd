import type { Device, DeviceListChoice } from '../../../backends/types.ts';
import { DeviceStatusBadge } from './device-status-badge.tsx';

export interface DeviceFactsProps {
  device: Device;
  /** The backend's state vocabulary, so the header says what the list and its filter say. */
  statuses?: readonly DeviceListChoice[];
}

/** Facts shown on the header's line; the adapter lists the most telling first. */
const KEY_FACTS = 2;

/**
 * The device header's facts, compact: status, id and the first facts on one line (wrapping on a
 * phone), the others behind a "More facts" disclosure that opens over the page, so the Event log
 * keeps its room.
 */
export function DeviceFacts({ device, statuses }: DeviceFactsProps) {
  const key = device.facts.slice(0, KEY_FACTS);
  const more = device.facts.slice(KEY_FACTS);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <dl className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1">
        <div className="flex items-center gap-1.5">
          <dt className="sr-only">Status</dt>
          <dd>
            <DeviceStatusBadge status={device.status} statuses={statuses} />
          </dd>
        </div>
        <div className="flex min-w-0 items-baseline gap-1.5">
          <dt className="text-xs text-slate-500">Id</dt>
          <dd className="font-mono text-xs break-all text-slate-700 select-all">{device.id}</dd>
        </div>
        {key.map((fact) => (
          <div key={fact.label} className="flex min-w-0 items-baseline gap-1.5">
            <dt className="text-xs whitespace-nowrap text-slate-500">{fact.label}</dt>
            <dd className="max-w-48 truncate text-slate-800" title={fact.value}>
              {fact.value}
            </dd>
          </div>
        ))}
      </dl>
      {more.length > 0 && (
        <details className="group relative">
          <summary className="cursor-pointer rounded px-1 text-xs font-medium whitespace-nowrap text-sky-800 hover:underline">
            More facts ({more.length})
          </summary>
          <dl className="absolute top-full left-0 z-30 mt-1 grid w-max max-w-[min(28rem,90vw)] grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
            {more.map((fact) => (
              <div key={fact.label} className="contents">
                <dt className="text-xs leading-5 text-slate-500">{fact.label}</dt>
                <dd className="break-all text-slate-800">{fact.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
