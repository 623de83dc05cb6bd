import type {
  BackendAdapter,
  BackendInfo,
  Device,
  DeviceEvent,
  EventQuery,
} from '../../backends/types.ts';
import { BackendError } from '../../backends/types.ts';
import { MEMORY_VOCABULARY } from './vocabulary.ts';

/**
 * A third backend kind that lives only in tests: an in-memory fleet with its own levels
 * (critical/major/minor), codes and columns. It proves the port: the real routes and features
 * render it without a line of them knowing it exists.
 */

export const MEMORY_INFO: BackendInfo = {
  id: 'lab',
  kind: 'memory',
  label: 'Lab fleet (in memory)',
  demo: true,
  capabilities: {
    levelFilter: true,
    codeFilter: true,
    retentionDays: null,
    totalCount: true,
    maxPageSize: 100,
  },
};

const SEVERITIES = ['minor', 'minor', 'major', 'minor', 'critical'] as const;
const ALARMS = { minor: 'LINK_FLAP', major: 'FAN_SLOW', critical: 'PSU_FAILED' } as const;
const START = Date.UTC(2026, 2, 1);

export function memoryDevice(index: number): Device {
  return {
    id: `rack-${index}`,
    name: `Rack ${index}`,
    status: index % 2 === 0 ? 'up' : 'maintenance',
    facts: [{ label: 'Room', value: `Lab ${index % 3}` }],
    createdAt: new Date(START - index * 86_400_000).toISOString(),
    raw: { rack: index },
  };
}

/** Event n of a rack: a minute apart, every fifth one critical. */
export function memoryEvent(deviceId: string, n: number): DeviceEvent {
  const level = SEVERITIES[n % SEVERITIES.length] ?? 'minor';
  const time = START + n * 60_000;
  const id = `${deviceId}-alarm-${n}`;
  return {
    id,
    time,
    timeText: new Date(time).toISOString(),
    level,
    isFailure: level === 'critical',
    code: ALARMS[level],
    ...(level === 'minor' ? {} : { category: `psu-${n % 2}` }),
    description: `${level} alarm number ${n}`,
    raw: { alarmId: id, severity: level.toUpperCase(), raisedAt: time },
  };
}

export interface MemoryBackend extends BackendAdapter {
  eventQueries: EventQuery[];
}

export function createMemoryBackend(devices = 5, eventsPerDevice = 40): MemoryBackend {
  const fleet = Array.from({ length: devices }, (_, index) => memoryDevice(index + 1));
  const eventQueries: EventQuery[] = [];
  const eventsOf = (deviceId: string) =>
    Array.from({ length: eventsPerDevice }, (_, n) => memoryEvent(deviceId, n));
  return {
    info: MEMORY_INFO,
    vocabulary: MEMORY_VOCABULARY,
    deviceListOptions: {
      statuses: [
        { value: 'up', label: 'Up' },
        { value: 'maintenance', label: 'Maintenance' },
      ],
      sorts: [{ value: 'name', label: 'Name', column: 'name', direction: 'asc' }],
    },
    eventQueries,
    async listDevices(query) {
      const needle = query.search?.toLowerCase() ?? '';
      const devices = fleet.filter(
        (device) =>
          (!query.status || device.status === query.status) &&
          `${device.name} ${device.id}`.toLowerCase().includes(needle),
      );
      return { devices, nextCursor: null, totalCount: devices.length };
    },
    async getDevice(deviceId) {
      const device = fleet.find((candidate) => candidate.id === deviceId);
      if (device) return device;
      throw new BackendError(`No rack ${deviceId}.`, { status: 404, retryable: false });
    },
    async listEvents(query, cursor, pageSize) {
      eventQueries.push(query);
      const matching = eventsOf(query.deviceId).filter(
        (event) =>
          (query.levels.length === 0 || query.levels.includes(event.level)) &&
          (query.code === undefined || event.code === query.code),
      );
      if (query.order === 'desc') matching.reverse();
      const start = cursor === null ? 0 : Number(cursor);
      const end = start + pageSize;
      return {
        events: matching.slice(start, end),
        nextCursor: end < matching.length ? String(end) : null,
        totalCount: matching.length,
      };
    },
    async getEvent(deviceId, eventId) {
      return eventsOf(deviceId).find((event) => event.id === eventId) ?? null;
    },
    async listEventDefinitions() {
      return (Object.keys(ALARMS) as Array<keyof typeof ALARMS>).map((level) => ({
        code: ALARMS[level],
        name: `${level} alarm`,
        level,
      }));
    },
  };
}
