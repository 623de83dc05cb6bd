/**
 * The three RFC 3339 forms Device Management filters accept, all UTC:
 * `2016-11-30T16:25:12.1234Z`, `2016-11-30T16:25:12Z` and the basic `20161130T162512Z`.
 */
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/i;
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/i;

/** Milliseconds since the epoch (fractional below 1 ms), or undefined when the text is not one of the forms. */
export function parseFilterInstant(text: string): number | undefined {
  const match = EXTENDED.exec(text) ?? BASIC.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2016-02-31 over to March; a real calendar date survives the round trip.
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  const fraction = match[7];
  return fraction === undefined ? ms : ms + Number(`0.${fraction}`) * 1000;
}
