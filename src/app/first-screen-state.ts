import { dehydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import type { DeviceEvent } from '../backends/types.ts';
import { eventQueries } from '../features/events/api/event-queries.ts';
import type { LoadedEventPage } from '../features/events/utils/page-window.ts';
import { toJsonSafe } from '../lib/json-safe.ts';

const LIST_KEY_LENGTH = eventQueries.list('', '', {
  levels: [],
  code: undefined,
  from: undefined,
  to: undefined,
  order: 'desc',
}).length;

/** `eventQueries.list(…)`: a device's Event log pages. */
function isEventList(key: readonly unknown[]): boolean {
  return key.length === LIST_KEY_LENGTH && key[0] === 'events' && key[3] === 'list';
}

/** An event as the rows show it: everything but the wire record (`raw`). */
function withoutRaw(event: DeviceEvent): DeviceEvent {
  const { raw: _raw, ...shown } = event;
  return shown as DeviceEvent;
}

/**
 * The query cache a server-rendered first screen hands to the app (embedded in the page and read
 * back by `fromJsonSafe`, see app.tsx). The Event log's pages go without each event's wire record
 * (`raw`): no row shows it, and it was three fifths of the page's bytes, all parsed before the
 * app could take over (docs/performance.md "Takeover"). The details panel reads an event's record
 * with the event itself (`getEvent`), and an export reads its pages from the backend, so both stay
 * exact. A linked event (its own detail query) keeps its record.
 */
export function dehydrateFirstScreen(queryClient: QueryClient): DehydratedState {
  const state = dehydrate(queryClient, { serializeData: toJsonSafe });
  return {
    ...state,
    queries: state.queries.map((query) => {
      const data = query.state.data as { pages?: LoadedEventPage[] } | undefined;
      if (!isEventList(query.queryKey) || !Array.isArray(data?.pages)) return query;
      const pages = data.pages.map((page) => ({ ...page, events: page.events.map(withoutRaw) }));
      return { ...query, state: { ...query.state, data: { ...data, pages } } };
    }),
  };
}
