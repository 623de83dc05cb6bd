import type { DeviceListChoice } from '../../../backends/types.ts';

export interface DeviceStatusBadgeProps {
  status: string;
  /** The backend's state vocabulary (the Status filter's choices); the label shown comes from it. */
  statuses?: readonly DeviceListChoice[];
}

const TONES: Record<string, string> = {
  registered: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  online: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  bootstrapped: 'bg-sky-50 text-sky-800 ring-sky-200',
  cloud_enrolling: 'bg-sky-50 text-sky-800 ring-sky-200',
  deregistered: 'bg-slate-100 text-slate-700 ring-slate-300',
  offline: 'bg-slate-100 text-slate-700 ring-slate-300',
  unenrolled: 'bg-amber-50 text-amber-900 ring-amber-200',
  unactive: 'bg-amber-50 text-amber-900 ring-amber-200',
  disable: 'bg-red-50 text-red-800 ring-red-200',
};

/** The device state in the words of the Status filter; colour only repeats what the text says. */
export function DeviceStatusBadge({ status, statuses = [] }: DeviceStatusBadgeProps) {
  const tone = TONES[status.toLowerCase()] ?? 'bg-slate-100 text-slate-700 ring-slate-300';
  const label = statuses.find((choice) => choice.value === status)?.label;
  return (
    <span
      title={label && label !== status ? status : undefined}
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
    >
      {label ?? status.replaceAll('_', ' ')}
    </span>
  );
}
