/** Event times with milliseconds, in UTC or the browser's zone; one formatter for the whole feature. */

export type TimeZoneSetting = 'local' | 'utc';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatEventTime(ms: number, tz: TimeZoneSetting): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '—';
  const utc = tz === 'utc';
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  const msPart = utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}.${pad(msPart, 3)}${utc ? 'Z' : ''}`;
}

let localZone: string | undefined;

/**
 * The browser's IANA zone ("Europe/Berlin"). Asking `Intl` loads ICU's data on first use (tens of
 * ms on a cold page), so views ask for it after their first paint (useTimeZoneLabel).
 */
export function localZoneName(): string {
  localZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
  return localZone;
}

/** The zone name if a view already asked for it, without paying for `Intl` now. */
export function knownLocalZoneName(): string | undefined {
  return localZone;
}
