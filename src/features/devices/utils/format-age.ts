const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago an instant was, in the largest whole unit ("just now", "5 min ago", "3 h ago",
 * "12 d ago"); past a year, the date. Operators scan a last-seen column for "recent or not".
 */
export function formatAge(time: number, now: number): string {
  const age = now - time;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  if (age < 365 * DAY) return `${Math.floor(age / DAY)} d ago`;
  return new Date(time).toISOString().slice(0, 10);
}

/** The exact instant for a tooltip, to the second in UTC. */
export function formatInstantUtc(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
