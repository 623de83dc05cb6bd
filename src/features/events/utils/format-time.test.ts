import { describe, expect, it } from 'vitest';
import { formatEventTime } from './format-time.ts';

describe('formatEventTime', () => {
  const ms = Date.UTC(2026, 0, 5, 3, 4, 5, 7);

  it('shows UTC with milliseconds and a Z', () => {
    expect(formatEventTime(ms, 'utc')).toBe('2026-01-05 03:04:05.007Z');
  });

  it('shows the browser zone without a Z', () => {
    const local = new Date(ms);
    const expected = `${local.getFullYear()}-01-0${local.getDate()} ${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:05.007`;
    expect(formatEventTime(ms, 'local')).toBe(expected);
  });
});
