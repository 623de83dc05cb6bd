import { formatCount } from '../../../lib/format-count.ts';

export interface EventLogStatusProps {
  pending: boolean;
  loadedCount: number;
  totalCount: number | undefined;
  endOfLog: boolean;
  fetchingMore: boolean;
  /** Set while `q` narrows the loaded events. */
  textFilter: { needle: string; matches: number } | null;
  /** When the backend keeps only recent history: the oldest instant it can return. */
  retentionStart: number | null;
  /** The requested range ends before the retention window starts. */
  outsideRetention: boolean;
  /** Records the backend sent that could not be read and are not shown. */
  malformed?: number;
  formatTime: (ms: number) => string;
  /**
   * Row of the whole log (0-based) the held events start at: 0 (or absent) for a list held from
   * its first row; null when the rows above are not counted (a log opened at a moment on a
   * backend that cannot count). The line then says which rows and times it holds, not a count
   * that would fall as pages are let go at the other end.
   */
  firstRow?: number | null;
  /** Times of the first and last held events, in the display order. */
  span?: { first: number; last: number } | null;
  /** Said first: what a running action (such as Next failure) is doing or found. */
  notice?: string | null;
}

/** States what the list shows, politely announced as it changes. */
export function EventLogStatus(props: EventLogStatusProps) {
  const text = statusText(props);
  const { retentionStart, formatTime } = props;
  const instant = retentionStart === null ? null : formatTime(retentionStart);
  const at = instant === null ? -1 : text.indexOf(instant);
  return (
    <p role="status" className="min-w-0 text-sm [overflow-wrap:anywhere] text-slate-700">
      {at < 0 || instant === null || retentionStart === null ? (
        text
      ) : (
        <>
          {text.slice(0, at)}
          {/* A server-rendered page writes it in the server's zone; the first screen's inline
              script rewrites marked times into the browser's zone before the app adopts them. */}
          <time dateTime={new Date(retentionStart).toISOString()} data-local-time="">
            {instant}
          </time>
          {text.slice(at + instant.length)}
        </>
      )}
    </p>
  );
}

export function statusText(props: EventLogStatusProps): string {
  const text = listStatusText(props);
  return props.notice ? `${props.notice} ${text}` : text;
}

function listStatusText({
  pending,
  loadedCount,
  totalCount,
  endOfLog,
  fetchingMore,
  textFilter,
  retentionStart,
  outsideRetention,
  malformed = 0,
  formatTime,
  firstRow = 0,
  span = null,
}: EventLogStatusProps): string {
  if (pending) return 'Loading events…';
  const history =
    retentionStart === null ? '' : ` History is available from ${formatTime(retentionStart)}.`;
  if (outsideRetention)
    return `The selected range is outside the backend's retention window.${history}`;
  if (loadedCount === 0 && endOfLog) return `No events match these filters.${history}`;
  const loaded =
    totalCount !== undefined && totalCount >= loadedCount
      ? `${formatCount(loadedCount)} of ${formatCount(totalCount)} events loaded.`
      : `${formatCount(loadedCount)} ${loadedCount === 1 ? 'event' : 'events'} loaded.`;
  const times = span ? `, from ${formatTime(span.first)} to ${formatTime(span.last)}` : '';
  const parts = [
    firstRow === 0
      ? loaded
      : firstRow === null
        ? `${formatCount(loadedCount)} ${loadedCount === 1 ? 'event' : 'events'} loaded${times}.`
        : `Rows ${formatCount(firstRow + 1)}–${formatCount(firstRow + loadedCount)}${totalCount === undefined ? '' : ` of ${formatCount(totalCount)}`} loaded${times}.`,
  ];
  if (textFilter) {
    parts.unshift(
      `${formatCount(textFilter.matches)} ${textFilter.matches === 1 ? 'match' : 'matches'} for “${textFilter.needle}” in the loaded events (searched in the browser).`,
    );
  }
  if (malformed > 0) {
    parts.push(
      `${formatCount(malformed)} ${malformed === 1 ? 'record' : 'records'} from the backend could not be read and ${malformed === 1 ? 'is' : 'are'} not shown.`,
    );
  }
  if (endOfLog) parts.push('End of log.');
  else if (fetchingMore) parts.push('Loading more…');
  return parts.join(' ');
}
