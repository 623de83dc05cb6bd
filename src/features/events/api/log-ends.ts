import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from './event-queries.ts';
import { eventQueries } from './event-queries.ts';
import { eventQueryFor, resolveRange } from './first-page.ts';

export interface LogEnds {
  /** Time of the oldest event the filters match (null: none matches). */
  oldest: number | null;
  /** Time of the newest. */
  newest: number | null;
}

export type LogEnd = keyof LogEnds;

type EndFilters = Omit<EventListFilters, 'order'>;

const FRESH_MS = 5 * 60_000;

const endFilters = ({ levels, code, from, to }: EndFilters): EndFilters => ({
  levels,
  code,
  from,
  to,
});

/**
 * The time of the oldest or the newest event a view's filters match, whatever its order: the ends
 * a scrollbar position is measured between (`position-time.ts`) and the window of a histogram
 * whose range leaves a side open. One cache entry per end, so each is read once whoever needs it,
 * and an end the list's first page already shows is never asked for (`seedLogEnd`): a one-row read
 * (Pelion's smallest page is 2 rows) in the order that puts that end first.
 */
export function logEndQueryOptions(
  adapter: BackendAdapter,
  deviceId: string,
  viewFilters: EndFilters,
  end: LogEnd,
) {
  const filters = endFilters(viewFilters);
  return queryOptions({
    queryKey: [...eventQueries.ends(adapter.info.id, deviceId), filters, end] as const,
    queryFn: async ({ signal }): Promise<number | null> => {
      const view = { ...filters, order: end === 'oldest' ? ('asc' as const) : ('desc' as const) };
      const query = eventQueryFor(deviceId, view, resolveRange(view, Date.now()));
      const page = await adapter.listEvents(query, null, 2, signal);
      return page.events[0]?.time ?? null;
    },
    staleTime: FRESH_MS,
  });
}

/**
 * Records an end the list has just read: the first row of a list read from its top, with no bound
 * on that side, is the log's end in the list's order (the newest newest-first).
 */
export function seedLogEnd(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  filters: EndFilters,
  end: LogEnd,
  time: number,
): void {
  const { queryKey } = logEndQueryOptions(adapter, deviceId, filters, end);
  // The row just read wins over an older read of the same end.
  if (queryClient.getQueryData(queryKey) !== time) queryClient.setQueryData(queryKey, time);
}

/** Both ends, each read (in parallel) only if it is not known already. */
export async function fetchLogEnds(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  filters: EndFilters,
): Promise<LogEnds> {
  const [oldest, newest] = await Promise.all(
    (['oldest', 'newest'] as const).map((end) =>
      queryClient.fetchQuery(logEndQueryOptions(adapter, deviceId, filters, end)),
    ),
  );
  return { oldest: oldest ?? null, newest: newest ?? null };
}

/** `from=now-24h` without `to`: a view of "the last 24 hours", which ends now. */
export const isRelative = (bound: string | undefined) => bound?.startsWith('now') ?? false;

/** The ends a view's window reaches: the sides its range leaves open (a relative `from` ends now). */
export function openEnds({ from, to }: Pick<EndFilters, 'from' | 'to'>): LogEnd[] {
  return [
    ...(from === undefined ? (['oldest'] as const) : []),
    ...(to === undefined && !isRelative(from) ? (['newest'] as const) : []),
  ];
}

/**
 * The first row of a list read from its top, and the list's count: what the list's first page
 * tells about the log's ends (`end`: the end that row is, by the list's order).
 */
export interface ListHead {
  end: LogEnd;
  time: number;
  /** The list's `total_count`, when the backend counts. */
  total: number | undefined;
}

/**
 * Starts reading the ends a view's window needs and the list has not shown (the list's own end is
 * recorded from its first row): called once the rows are on screen, so the one-row reads go out
 * alongside the code that uses them rather than after it.
 */
export function prefetchOpenEnds(
  queryClient: QueryClient,
  adapter: BackendAdapter,
  deviceId: string,
  filters: EndFilters,
  head: ListHead | null,
): void {
  const needed = openEnds(filters);
  if (head && needed.includes(head.end))
    seedLogEnd(queryClient, adapter, deviceId, filters, head.end, head.time);
  for (const end of needed) {
    if (end !== head?.end)
      void queryClient.prefetchQuery(logEndQueryOptions(adapter, deviceId, filters, end));
  }
}
