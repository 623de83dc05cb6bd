import { describe, expect, it } from 'vitest';
import { fakeDevice } from '../testing/fake-backend.ts';
import { allColumnSorts, sortDevices } from './device-sort.ts';

const names = (devices: ReadonlyArray<{ name: string | null }>) => devices.map((d) => d.name);

describe('sortDevices', () => {
  const statuses = [
    { value: 'UNACTIVE', label: 'Not activated' },
    { value: 'ONLINE', label: 'Online' },
    { value: 'DISABLE', label: 'Disabled' },
  ];

  it('orders names as people read them: case aside, numbers by value', () => {
    const devices = ['sensor-10', 'Sensor-2', 'sensor-1'].map((name, i) => fakeDevice(i, { name }));
    expect(names(sortDevices(devices, { column: 'name', direction: 'asc' }))).toEqual([
      'sensor-1',
      'Sensor-2',
      'sensor-10',
    ]);
  });

  it('orders states by the label the list shows, not the wire value', () => {
    const devices = ['ONLINE', 'UNACTIVE', 'DISABLE'].map((status, i) =>
      fakeDevice(i, { name: status, status }),
    );
    const sorted = sortDevices(devices, { column: 'status', direction: 'asc' }, statuses);
    expect(sorted.map((d) => d.status)).toEqual(['DISABLE', 'UNACTIVE', 'ONLINE']);
  });

  it('puts devices without a value last in both directions', () => {
    const devices = [
      fakeDevice(1, { name: 'never', lastSeenAt: null }),
      fakeDevice(2, { name: 'old', lastSeenAt: '2026-01-01T00:00:00Z' }),
      fakeDevice(3, { name: 'new', lastSeenAt: '2026-06-01T00:00:00Z' }),
    ];
    expect(names(sortDevices(devices, { column: 'lastSeen', direction: 'desc' }))).toEqual([
      'new',
      'old',
      'never',
    ]);
    expect(names(sortDevices(devices, { column: 'lastSeen', direction: 'asc' }))).toEqual([
      'old',
      'new',
      'never',
    ]);
  });

  it('offers both directions of every column, keeping the old created-time values', () => {
    const sorts = allColumnSorts({ model: 'Product', lastSeen: 'Last online' });
    expect(sorts[0]).toMatchObject({ value: 'newest', column: 'created', direction: 'desc' });
    for (const column of ['name', 'status', 'model', 'firmware', 'lastSeen', 'created']) {
      const of = sorts.filter((choice) => choice.column === column);
      expect(new Set(of.map((choice) => choice.direction))).toEqual(new Set(['asc', 'desc']));
    }
  });
});
