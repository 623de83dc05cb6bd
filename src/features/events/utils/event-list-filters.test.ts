import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../../lib/url-state.ts';
import { fakeAliyunInfo, fakePelionInfo } from '../testing/fake-event-adapter.ts';
import { eventListFilters } from './event-list-filters.ts';
import { eventLogParams } from './event-log-search.ts';

const search = (query: string) => parseSearchParams(eventLogParams, query).values;

describe('eventListFilters', () => {
  it('sends Message types to a Pelion-kind backend and ignores Alibaba-only filters', () => {
    expect(
      eventListFilters(
        fakePelionInfo,
        search('type=FAIL&eventType=error&identifier=PowerOff&order=asc'),
      ),
    ).toEqual({
      levels: ['FAIL'],
      identifier: undefined,
      from: undefined,
      to: undefined,
      order: 'asc',
    });
  });

  it('sends EventTypes and the identifier to an Alibaba-kind backend', () => {
    expect(
      eventListFilters(
        fakeAliyunInfo,
        search('type=FAIL&eventType=error&identifier=PowerOff&from=now-7d'),
      ),
    ).toEqual({
      levels: ['error'],
      identifier: 'PowerOff',
      from: 'now-7d',
      to: undefined,
      order: 'desc',
    });
  });
});
