import { describe, expect, it } from 'vitest';
import {
  fakeAliyunInfo,
  fakePelionInfo,
  createFakeAdapter,
} from '../../../testing/fake-event-adapter.ts';
import { eventLogQueryFromUrl } from './event-log-query.ts';

const pelion = createFakeAdapter({ events: 0, info: fakePelionInfo });
const aliyun = createFakeAdapter({ events: 0, info: fakeAliyunInfo });
const query = (adapter: typeof pelion, search: string) =>
  eventLogQueryFromUrl(adapter, new URLSearchParams(search));

describe('eventLogQueryFromUrl', () => {
  it('sends Message types to a Pelion-kind backend and reports Alibaba-only filters', () => {
    const { filters, dropped } = query(
      pelion,
      'type=FAIL&eventType=error&identifier=PowerOff&order=asc',
    );
    expect(filters).toEqual({
      levels: ['FAIL'],
      code: undefined,
      from: undefined,
      to: undefined,
      order: 'asc',
    });
    expect(dropped.map((entry) => entry.param)).toEqual(['eventType', 'identifier']);
  });

  it('sends EventTypes and the identifier to an Alibaba-kind backend', () => {
    const { filters, dropped } = query(
      aliyun,
      'type=FAIL&eventType=error&identifier=PowerOff&from=now-7d',
    );
    expect(filters).toEqual({
      levels: ['error'],
      code: 'PowerOff',
      from: 'now-7d',
      to: undefined,
      order: 'desc',
    });
    expect(dropped).toEqual([{ param: 'type', value: 'FAIL' }]);
  });

  it('reports a level filter the backend cannot apply and asks for every level', () => {
    const blind = createFakeAdapter({
      events: 0,
      info: {
        ...fakePelionInfo,
        capabilities: { ...fakePelionInfo.capabilities, levelFilter: false },
      },
    });
    const { filters, dropped } = query(blind, 'type=FAIL');
    expect(filters.levels).toEqual([]);
    expect(dropped).toEqual([{ param: 'type', value: 'FAIL' }]);
  });
});
