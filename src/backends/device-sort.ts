import type { Device, DeviceListChoice, DeviceSortChoice, DeviceSortColumn } from './types.ts';

/**
 * Sorting a device list the way its column headers promise, for adapters that sort the directory
 * themselves (Alibaba always; Pelion for anything but creation time). Text compares as shown in
 * the cell (status by its label), numbers inside it numerically (`sensor-2` before `sensor-10`); devices
 * without a value go last in either direction; ties keep a stable order by name, then id.
 */

// Made on first use, not at module load: this module is in the start-up script, and setting up a
// collator is ICU work no Event log link needs (docs/performance.md "Takeover").
let collatorMade: Intl.Collator | null = null;
const collator = () =>
  (collatorMade ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' }));

type SortKey = string | number | null;

export function deviceSortKey(
  device: Device,
  column: DeviceSortColumn,
  statuses: readonly DeviceListChoice[] = [],
): SortKey {
  switch (column) {
    case 'name':
      return device.name ?? device.id;
    case 'status':
      return statuses.find((choice) => choice.value === device.status)?.label ?? device.status;
    case 'model':
      return device.model?.text ?? null;
    case 'firmware':
      return device.firmware?.text ?? null;
    case 'lastSeen':
      return timeOf(device.lastSeenAt);
    case 'created':
      return timeOf(device.createdAt);
  }
}

function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator().compare(String(a), String(b));
}

export function sortDevices(
  devices: readonly Device[],
  choice: Pick<DeviceSortChoice, 'column' | 'direction'>,
  statuses: readonly DeviceListChoice[] = [],
): Device[] {
  const sign = choice.direction === 'desc' ? -1 : 1;
  const keyed = devices.map((device) => ({
    device,
    key: deviceSortKey(device, choice.column, statuses),
    name: device.name ?? device.id,
  }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const order = compareKeys(a.key, b.key);
      if (order !== 0) return sign * order;
    }
    return collator().compare(a.name, b.name) || (a.device.id < b.device.id ? -1 : 1);
  });
  return keyed.map((entry) => entry.device);
}

/** The choice a `?sort=` value names, or the backend's default (its first choice). */
export function sortChoiceOf(
  sorts: readonly DeviceSortChoice[],
  value: string | undefined,
): DeviceSortChoice | undefined {
  return sorts.find((choice) => choice.value === value) ?? sorts[0];
}

/**
 * The sort choices of a backend that can sort by every column: creation time keeps its
 * long-standing values (`newest`, `oldest`), the others are `<column>` for the first direction a
 * header click gives and `<column>-<other direction>`.
 */
export function allColumnSorts(labels: { model: string; lastSeen: string }): DeviceSortChoice[] {
  const text = (value: string, column: DeviceSortColumn, label: string): DeviceSortChoice[] => [
    { value, label: `${label}, A to Z`, column, direction: 'asc' },
    { value: `${value}-desc`, label: `${label}, Z to A`, column, direction: 'desc' },
  ];
  return [
    { value: 'newest', label: 'Newest first', column: 'created', direction: 'desc' },
    { value: 'oldest', label: 'Oldest first', column: 'created', direction: 'asc' },
    ...text('name', 'name', 'Name'),
    ...text('status', 'status', 'Status'),
    ...text('model', 'model', labels.model),
    ...text('firmware', 'firmware', 'Firmware'),
    {
      value: 'last-seen',
      label: `${labels.lastSeen}, most recent first`,
      column: 'lastSeen',
      direction: 'desc',
    },
    {
      value: 'last-seen-asc',
      label: `${labels.lastSeen}, least recent first`,
      column: 'lastSeen',
      direction: 'asc',
    },
  ];
}
