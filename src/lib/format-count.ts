/**
 * A count with comma thousands separators, as en-US writes it ("98,000"). Plain string work on
 * purpose: the first `Intl` formatter a page creates loads ICU's locale data (32–44 ms on a cold
 * page in headless Chromium here), which the Event log's status line would otherwise add to a
 * deep link's time to first row.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return value < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}
