import { describe, expect, it } from 'vitest';
import type { AliyunEventType } from './wire.ts';
import {
  decodeCursor,
  encodeCursor,
  initialState,
  nextMergedPage,
  type PagingState,
  type StreamRequest,
} from './event-paging.ts';
import type { AliyunEventData, AliyunEventInfo } from './wire.ts';

/** A pure stand-in for QueryDeviceEventData over a fixed list, PageSize `size`. */
function fakeService(records: AliyunEventInfo[], size: number) {
  let calls = 0;
  const fetchPage = async (request: StreamRequest): Promise<AliyunEventData> => {
    calls++;
    const start = Math.min(request.startTime, request.endTime);
    const end = Math.max(request.startTime, request.endTime);
    const matching = records.filter(
      (r) =>
        Number(r.Time) >= start &&
        Number(r.Time) <= end &&
        (request.type === null || r.EventType === request.type),
    );
    // Stable sort: records of one millisecond keep their stored order, reversed when descending.
    const ascending = [...matching].sort((a, b) => Number(a.Time) - Number(b.Time));
    const ordered = request.asc ? ascending : ascending.reverse();
    return {
      NextValid: ordered.length > size,
      NextTime: 0,
      List: ordered.slice(0, size),
      malformed: 0,
    };
  };
  return { fetchPage, calls: () => calls };
}

const record = (time: number, eventType: AliyunEventType, n: number): AliyunEventInfo => ({
  Time: String(time),
  Identifier: 'E',
  Name: 'e',
  EventType: eventType,
  OutputData: `{"n":${n}}`,
});

async function drain(
  state: PagingState,
  pageSize: number,
  service: ReturnType<typeof fakeService>,
) {
  const ids: string[] = [];
  let current: PagingState | null = state;
  while (current) {
    // Through the encoded cursor, as the UI does between pages.
    const page = await nextMergedPage(current, pageSize, service.fetchPage);
    ids.push(...page.records.map((r) => r.id));
    current = page.state.streams.every((s) => s.done)
      ? null
      : decodeCursor(encodeCursor(page.state));
  }
  return ids;
}

describe('tie-safe paging', () => {
  it('numbers exact repeats in one millisecond and never repeats an id across pages', async () => {
    const records = [
      ...Array.from({ length: 12 }, () => record(100, 'error', 1)),
      ...Array.from({ length: 5 }, (_, i) => record(100, 'alert', i)),
      record(90, 'error', 2),
    ];
    const service = fakeService(records, 13);
    for (const asc of [false, true]) {
      const ids = await drain(initialState(0, 1000, asc, null, ['error', 'alert']), 4, service);
      expect(ids).toHaveLength(records.length);
      expect(new Set(ids).size).toBe(records.length);
      expect(
        ids.filter((id) => id.startsWith('100-error-E-')).map((id) => id.split('-').at(-1)),
      ).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    }
  });

  it('steps past a millisecond holding more records than a page instead of looping', async () => {
    const records = [
      record(10, 'info', 0),
      ...Array.from({ length: 60 }, (_, i) => record(50, 'info', i)),
      record(80, 'info', 0),
    ];
    const service = fakeService(records, 50);
    const ids = await drain(initialState(0, 100, true, null, [null]), 50, service);
    // The service cannot page inside a millisecond: 10 of the 60 are unreachable, the rest arrive once.
    expect(ids).toHaveLength(52);
    expect(ids.at(-1)).toMatch(/^80-/);
    expect(service.calls()).toBeLessThan(10);
  });

  it('rejects a cursor that is not one of its own', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify({ v: 2 })))).toBeNull();
  });
});
