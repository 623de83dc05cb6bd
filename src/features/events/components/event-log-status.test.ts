import { describe, expect, it } from 'vitest';
import { statusText, type EventLogStatusProps } from './event-log-status.tsx';

const base: EventLogStatusProps = {
  pending: false,
  loadedCount: 1204,
  totalCount: undefined,
  endOfLog: false,
  fetchingMore: false,
  textFilter: null,
  retentionStart: null,
  outsideRetention: false,
  formatTime: (ms) => new Date(ms).toISOString(),
};

describe('Event log status line', () => {
  it('says how many events are loaded, and End of log once no page is left', () => {
    expect(statusText(base)).toBe('1,204 events loaded.');
    expect(statusText({ ...base, totalCount: 98_000 })).toBe('1,204 of 98,000 events loaded.');
    expect(statusText({ ...base, endOfLog: true })).toBe('1,204 events loaded. End of log.');
  });

  it('away from the top, says which rows and times it holds rather than a count that falls', () => {
    const span = { first: Date.UTC(2025, 5, 12, 11, 40), last: Date.UTC(2025, 5, 12, 10, 3) };
    // 27,200 rows read from the top, 4,000 of them held: not "4,000 of … loaded".
    expect(
      statusText({ ...base, loadedCount: 4000, totalCount: 100_006, firstRow: 23_200, span }),
    ).toBe(
      'Rows 23,201–27,200 of 100,006 loaded, from 2025-06-12T11:40:00.000Z to 2025-06-12T10:03:00.000Z.',
    );
    expect(
      statusText({
        ...base,
        loadedCount: 200,
        totalCount: 100_006,
        firstRow: 99_806,
        endOfLog: true,
      }),
    ).toBe('Rows 99,807–100,006 of 100,006 loaded. End of log.');
    // Rows above not counted (opened at a moment, Alibaba): what and when, no row numbers.
    expect(statusText({ ...base, loadedCount: 150, firstRow: null, span })).toBe(
      '150 events loaded, from 2025-06-12T11:40:00.000Z to 2025-06-12T10:03:00.000Z.',
    );
  });

  it('says when records from the backend could not be read, instead of hiding them', () => {
    expect(statusText({ ...base, malformed: 1, endOfLog: true })).toBe(
      '1,204 events loaded. 1 record from the backend could not be read and is not shown. End of log.',
    );
    expect(statusText({ ...base, malformed: 3 })).toContain(
      '3 records from the backend could not be read',
    );
  });

  it('tells an empty result apart from a range outside retention', () => {
    const retention = { retentionStart: Date.UTC(2026, 9, 23), formatTime: base.formatTime };
    expect(statusText({ ...base, ...retention, loadedCount: 0, endOfLog: true })).toBe(
      'No events match these filters. History is available from 2026-10-23T00:00:00.000Z.',
    );
    expect(statusText({ ...base, ...retention, outsideRetention: true })).toMatch(
      /^The selected range is outside the backend's retention window\./,
    );
  });
});
