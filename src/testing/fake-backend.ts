import {
  BackendError,
  type BackendAdapter,
  type BackendInfo,
  type Device,
  type DeviceEvent,
  type DeviceListOptions,
} from '../backends/types.ts';
import { PELION_VOCABULARY } from '../backends/pelion/vocabulary.ts';
import { allColumnSorts, sortChoiceOf, sortDevices } from '../backends/device-sort.ts';

/**
 * An in-memory backend for integration tests: route components run against the real port, with
 * data a test controls and calls it can inspect. No network, no simulator.
 */

export const FAKE_CAPABILITIES: BackendInfo['capabilities'] = {
  levelFilter: true,
  codeFilter: false,
  retentionDays: null,
  totalCount: true,
  maxPageSize: 1000,
};

export function fakeBackendInfo(overrides: Partial<BackendInfo> = {}): BackendInfo {
  return {
    id: 'test-pelion',
    kind: 'pelion',
    label: 'Test fleet',
    demo: true,
    capabilities: FAKE_CAPABILITIES,
    ...overrides,
  };
}

export function fakeDevice(index: number, overrides: Partial<Device> = {}): Device {
  const id = index.toString(16).padStart(32, '0');
  return {
    id,
    name: `sensor-${String(index).padStart(3, '0')}`,
    status: index % 3 === 0 ? 'deregistered' : 'registered',
    facts: [
      { label: 'Class', value: 'thermo-v2' },
      { label: 'Firmware', value: 'abc123def456…' },
    ],
    createdAt: new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString(),
    raw: { id },
    ...overrides,
  };
}

const FAKE_LIST_OPTIONS: DeviceListOptions = {
  statuses: [
    { value: 'registered', label: 'Registered' },
    { value: 'deregistered', label: 'Deregistered' },
  ],
  sorts: allColumnSorts({ model: 'Class', lastSeen: 'Last seen' }),
};

export interface FakeBackendOptions {
  info?: BackendInfo;
  devices?: Device[];
  events?: DeviceEvent[];
  pageSize?: number;
  /** Make every listDevices call fail with this error (until cleared). */
  listError?: BackendError | null;
}

export interface FakeBackend extends BackendAdapter {
  listDevicesCalls: Array<{
    search?: string;
    status?: string;
    sort?: string;
    cursor: string | null;
  }>;
  setListError(error: BackendError | null): void;
}

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const info = options.info ?? fakeBackendInfo();
  const devices = options.devices ?? Array.from({ length: 30 }, (_, i) => fakeDevice(i + 1));
  const events = options.events ?? [];
  const pageSize = options.pageSize ?? 20;
  let listError = options.listError ?? null;
  const listDevicesCalls: FakeBackend['listDevicesCalls'] = [];

  return {
    info,
    vocabulary: PELION_VOCABULARY,
    deviceListOptions: FAKE_LIST_OPTIONS,
    listDevicesCalls,
    setListError(error) {
      listError = error;
    },
    async listDevices(query, cursor) {
      listDevicesCalls.push({ ...query, cursor });
      if (listError) throw listError;
      const needle = query.search?.toLowerCase() ?? '';
      let matching = devices
        .filter((device) => !query.status || device.status === query.status)
        .filter(
          (device) => !needle || `${device.name ?? ''} ${device.id}`.toLowerCase().includes(needle),
        );
      const choice = sortChoiceOf(FAKE_LIST_OPTIONS.sorts, query.sort);
      if (choice) matching = sortDevices(matching, choice, FAKE_LIST_OPTIONS.statuses);
      const start = cursor ? Number(cursor) : 0;
      const page = matching.slice(start, start + pageSize);
      const next = start + pageSize < matching.length ? String(start + pageSize) : null;
      return {
        devices: page,
        nextCursor: next,
        ...(needle ? {} : { totalCount: matching.length }),
      };
    },
    async getDevice(deviceId) {
      const device = devices.find((candidate) => candidate.id === deviceId);
      if (!device) {
        throw new BackendError(`No device with id ${deviceId}.`, {
          status: 404,
          code: 'not_found',
          retryable: false,
        });
      }
      return device;
    },
    async listEvents(query) {
      const own = events.filter(
        (event) => (event.raw as { device_id?: string }).device_id === query.deviceId,
      );
      return { events: own, nextCursor: null, totalCount: own.length };
    },
    async getEvent(_deviceId, eventId) {
      return events.find((event) => event.id === eventId) ?? null;
    },
  };
}
