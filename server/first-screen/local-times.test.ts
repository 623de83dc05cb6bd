import { afterEach, describe, expect, it } from 'vitest';
import { formatEventTime } from '../../src/features/events/utils/format-time.ts';
import { LOCAL_TIME_SELECTOR, LOCAL_TIMES_SCRIPT } from './local-times.ts';

/** Runs the inline script against rows holding `times`, returns what it wrote. */
function runScript(times: number[]): string[] {
  const cells = times.map((ms) => ({
    datetime: new Date(ms).toISOString(),
    textContent: 'server time',
    getAttribute(name: string) {
      return name === 'datetime' ? this.datetime : null;
    },
  }));
  const document = {
    querySelectorAll: (selector: string) => {
      expect(selector).toBe(LOCAL_TIME_SELECTOR);
      return cells;
    },
  };
  new Function('document', LOCAL_TIMES_SCRIPT)(document);
  return cells.map((cell) => cell.textContent);
}

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('the inline script that puts server-rendered event times in the browser zone', () => {
  const times = [
    Date.UTC(2026, 0, 1, 0, 0, 0, 7),
    Date.UTC(2026, 2, 29, 0, 59, 59, 999), // the hour Europe moves its clocks
    Date.UTC(2026, 10, 1, 6, 30, 0, 120),
    Date.UTC(1999, 11, 31, 23, 59, 59, 0),
  ];

  it.each(['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'])(
    'writes what the app writes for local time in %s',
    (zone) => {
      process.env.TZ = zone;
      const written = runScript(times);
      expect(written).toEqual(times.map((ms) => formatEventTime(ms, 'local')));
      // The zones really differ (a test that passes for UTC only would prove nothing).
      if (zone !== 'UTC')
        expect(written).not.toEqual(times.map((ms) => formatEventTime(ms, 'utc').slice(0, -1)));
    },
  );
});
