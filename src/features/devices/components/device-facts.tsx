import type { Device, DeviceListChoice } from '../../../backends/types.ts';
import { DeviceStatusBadge } from './device-status-badge.tsx';

export interface DeviceFactsProps {
  device: Device;
  /** The backend's state vocabulary, so the header says what the list and its filter say. */
  statuses?: readonly DeviceListChoice[];
}

export function DeviceFacts({ device, statuses }: DeviceFactsProps) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <div>
        <dt className="text-xs text-slate-500">Status</dt>
        <dd>
          <DeviceStatusBadge status={device.status} statuses={statuses} />
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Id</dt>
        <dd className="font-mono text-xs leading-5 text-slate-700 select-all">{device.id}</dd>
      </div>
      {device.facts.map((fact) => (
        <div key={fact.label}>
          <dt className="text-xs text-slate-500">{fact.label}</dt>
          <dd className="text-slate-800">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
