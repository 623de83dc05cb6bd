/**
 * Instants shown among a device's facts (created, activated, last online), to the minute in UTC
 * so both backends read alike. Text that is not an instant is shown as the backend sent it.
 */
export function formatFactInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
