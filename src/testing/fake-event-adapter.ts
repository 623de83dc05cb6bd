import { ALIYUN_VOCABULARY } from '../backends/aliyun/vocabulary.ts';
import type { MessageType } from '../backends/pelion/event-codes.ts';
import { PELION_VOCABULARY } from '../backends/pelion/vocabulary.ts';
import type {
  BackendAdapter,
  BackendInfo,
  DeviceEvent,
  EventPage,
  EventQuery,
  EventVocabulary,
} from '../backends/types.ts';
import { BackendError } from '../backends/types.ts';

/**
 * An in-memory event source for the Event log's tests, speaking the real vocabulary of the kind
 * its backend info names, so the tests see the labels and filters operators see.
 */

export const FAKE_START = Date.UTC(2026, 0, 1);

export const fakePelionInfo: BackendInfo = {
  id: 'demo-pelion',
  kind: 'pelion',
  label: 'Demo Pelion',
  demo: true,
  capabilities: {
    levelFilter: true,
    codeFilter: false,
    retentionDays: null,
    totalCount: true,
    maxPageSize: 1000,
  },
};

const TYPES: MessageType[] = ['SUCCESS', 'INFO', 'INFO', 'SKIPPED', 'INFO', 'SUCCESS', 'FAIL'];

/** Event n of a fake device: a minute apart, every 7th one a failure. */
export function fakeEvent(n: number): DeviceEvent {
  const level = TYPES[n % TYPES.length] ?? 'INFO';
  const code =
    level === 'FAIL'
      ? 'UPD4_FAIL_101'
      : level === 'SUCCESS'
        ? 'UPD4_OK_100'
        : level === 'SKIPPED'
          ? 'SYS_110'
          : 'SYS_100';
  const time = FAKE_START + n * 60_000;
  const id = `ev${String(n).padStart(6, '0')}`;
  return {
    id,
    time,
    timeText: new Date(time).toISOString(),
    level,
    isFailure: level === 'FAIL',
    code,
    category: level === 'FAIL' ? 'FAIL_NETWORK' : undefined,
    description: level === 'FAIL' ? 'Update error, nonspecific network error' : `Event number ${n}`,
    stateChange: n % 2 === 0,
    raw: { id, event_type: code, event_type_description: level },
  };
}

export const fakeAliyunInfo: BackendInfo = {
  id: 'demo-aliyun',
  kind: 'aliyun',
  label: 'Demo Alibaba',
  demo: true,
  capabilities: {
    levelFilter: true,
    codeFilter: true,
    retentionDays: 30,
    totalCount: false,
    maxPageSize: 50,
  },
};

export interface FakeAdapterOptions {
  events: number;
  info?: BackendInfo;
  /** Make the call with this 0-based sequence number fail once with the given error. */
  failCall?: { call: number; error: BackendError };
  /** Defaults to the real vocabulary of `info.kind`. */
  vocabulary?: EventVocabulary;
}

const VOCABULARIES: Readonly<Record<string, EventVocabulary>> = {
  pelion: PELION_VOCABULARY,
  aliyun: ALIYUN_VOCABULARY,
};

export interface FakeAdapter extends BackendAdapter {
  calls: Array<{ query: EventQuery; cursor: string | null; pageSize: number }>;
}

/** An in-memory backend with one-way cursors (the id of the last row), like Pelion's `after`. */
export function createFakeAdapter({
  events: count,
  failCall,
  info = fakePelionInfo,
  vocabulary = VOCABULARIES[info.kind] ?? PELION_VOCABULARY,
}: FakeAdapterOptions): FakeAdapter {
  const all = Array.from({ length: count }, (_, n) => fakeEvent(n));
  const calls: FakeAdapter['calls'] = [];
  const cache = new Map<string, DeviceEvent[]>();
  return {
    info,
    vocabulary,
    calls,
    listDevices: () => Promise.resolve({ devices: [], nextCursor: null }),
    getDevice: () => Promise.reject(new Error('not in this fake')),
    async listEvents(query, cursor, pageSize): Promise<EventPage> {
      const call = calls.length;
      calls.push({ query, cursor, pageSize });
      if (failCall && failCall.call === call) throw failCall.error;
      const key = JSON.stringify(query);
      let matching = cache.get(key);
      if (!matching) {
        matching = all.filter(
          (event) =>
            (query.levels.length === 0 || query.levels.includes(event.level)) &&
            (query.from === undefined || event.time >= query.from) &&
            (query.to === undefined || event.time <= query.to),
        );
        if (query.order === 'desc') matching.reverse();
        cache.set(key, matching);
      }
      const startAt = cursor === null ? 0 : matching.findIndex((event) => event.id === cursor) + 1;
      const page = matching.slice(startAt, startAt + pageSize);
      const last = page[page.length - 1];
      return {
        events: page,
        nextCursor: last && startAt + page.length < matching.length ? last.id : null,
        ...(info.capabilities.totalCount ? { totalCount: matching.length } : {}),
      };
    },
    async getEvent(_deviceId, eventId) {
      return all.find((event) => event.id === eventId) ?? null;
    },
  };
}

export function throttled(): BackendError {
  return new BackendError('Too many requests', {
    status: 429,
    code: 'too_many_requests',
    requestId: 'req-throttle-1',
    retryAfter: 1,
    retryable: true,
  });
}

export function unavailable(): BackendError {
  return new BackendError('Upstream unavailable', {
    status: 503,
    code: 'service_unavailable',
    requestId: 'req-503-abc',
    retryable: false,
  });
}
