/**
 * `from`/`to` accept an ISO 8601 instant or a time relative to now (`now`, `now-15m`, `now-24h`,
 * `now-7d`, generally `now-<n><m|h|d>`). Relative bounds stay relative in the URL so a shared
 * "last 24 h" link means the last 24 h whenever it is opened.
 */

const RELATIVE = /^now(?:-(\d{1,6})([mhd]))?$/;
// An instant must carry its zone, or the same link would mean different times in different places.
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function isTimeBound(text: string): boolean {
  return resolveTimeBound(text, 0) !== null;
}

/** The bound in ms since the epoch, or null when the text is neither form. */
export function resolveTimeBound(text: string, now: number): number | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const amount = relative[1];
    const unit = relative[2] as keyof typeof UNIT_MS | undefined;
    if (amount === undefined || unit === undefined) return now;
    return now - Number(amount) * UNIT_MS[unit];
  }
  if (!ISO_INSTANT.test(text)) return null;
  const ms = Date.parse(text.toUpperCase());
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Turns what a person typed into a From/To field into a URL bound. Relative forms and instants
 * with a zone pass through; a date-time without a zone is read in the view's time zone.
 */
export function normaliseTypedBound(text: string, tz: 'local' | 'utc'): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (isTimeBound(trimmed)) return trimmed;
  const local =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(trimmed);
  if (!local) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = local;
  const parts = [
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.padEnd(3, '0')),
  ] as const;
  const ms = tz === 'utc' ? Date.UTC(...parts) : new Date(...parts).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
