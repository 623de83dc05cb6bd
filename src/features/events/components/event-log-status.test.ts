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
