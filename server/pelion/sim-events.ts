/** `GET /v3/device-events` over the demo fleet: candidate list, date window, filters, cursor. */
import {
  lowerBound,
  mergeSortedEvents,
  wireEventJson,
  type PelionFleet,
  type StoredPelionEvent,
} from '../fleet/pelion-fleet.ts';
import { countMatches, firstIndex, takePage, type PageWindow } from './sim-paging.ts';
import { matchesCondition, type Condition, type ListQuery } from './sim-query.ts';
import type { FieldProblem } from './sim-errors.ts';

export interface ListEnvelope<T> {
  object: 'list';
  data: T[];
  limit: number;
  after: string | null;
  order: 'ASC' | 'DESC';
  has_more: boolean;
  total_count?: number;
}

export type ListOutcome<T> =
  | {
      ok: true;
      body: ListEnvelope<T>;
      /**
       * Renders one item as its wire JSON when `body.data` does not hold wire records already
       * (events are stored compactly); the simulator then writes the envelope around them.
       */
      itemJson?: (item: T) => string;
    }
  | { ok: false; fields: FieldProblem[] };

const EVENT_CURSOR = /^[0-9a-f]{32}$/i;

type Getter = (event: StoredPelionEvent) => string | number | boolean;

const GETTERS: Readonly<Record<string, Getter>> = {
  device_id: (e) => e.deviceId,
  event_type: (e) => e.eventType,
  description: (e) => e.description,
  // Old-style records have no `id`; their device_log_id is their id for filters and cursors.
  id: (e) => e.key,
  state_change: (e) => e.stateChange,
  date_time: (e) => e.time,
};

/** One predicate per condition, with its getter chosen once: total_count may test 100k events. */
function compile(conditions: readonly Condition[]): ((event: StoredPelionEvent) => boolean) | null {
  const tests = conditions.map((c) => {
    const get = GETTERS[c.field]!;
    return (event: StoredPelionEvent) => matchesCondition(c, get(event));
  });
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (event) => {
    for (const test of tests) if (!test(event)) return false;
    return true;
  };
}

const byKey = (a: StoredPelionEvent, b: StoredPelionEvent) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * Picks the smallest list that must contain every match: one device's own sorted history when the
 * query names devices (the common case), the events named by id, or else the whole fleet.
 */
function candidates(
  fleet: PelionFleet,
  conditions: Condition[],
): { list: readonly StoredPelionEvent[]; covered: Condition | null } {
  const narrowing = (field: string) =>
    conditions.find(
      (c) => c.field === field && (c.op === 'eq' || c.op === 'in') && c.kind === 'string',
    );
  const byDevice = narrowing('device_id');
  if (byDevice && byDevice.kind === 'string') {
    const ids = [...new Set(byDevice.values)];
    if (ids.length === 1) return { list: fleet.eventsOf(ids[0]!), covered: byDevice };
    return { list: mergeSortedEvents(ids.map((id) => fleet.eventsOf(id))), covered: byDevice };
  }
  const byId = narrowing('id');
  if (byId && byId.kind === 'string') {
    const found = [...new Set(byId.values)]
      .map((id) => fleet.event(id))
      .filter((e) => e !== undefined);
    return { list: found.sort(byKey), covered: null };
  }
  return { list: fleet.allEvents(), covered: null };
}

export function listEvents(fleet: PelionFleet, query: ListQuery): ListOutcome<StoredPelionEvent> {
  // Cursor choice: a well-formed event id is positioned by (date_time, id) order even when no such
  // event exists (ids embed their timestamp, so the position is well defined); anything else is a 400.
  if (query.after !== null && !EVENT_CURSOR.test(query.after)) {
    return {
      ok: false,
      fields: [{ name: 'after', message: 'must be the id of an event (32 hex characters)' }],
    };
  }
  const { list, covered } = candidates(fleet, query.conditions);

  // date_time ranges become index bounds (the list is time-sorted), so they cost two binary searches.
  let lo = 0;
  let hi = list.length;
  const rest: Condition[] = [];
  for (const condition of query.conditions) {
    if (condition === covered) continue;
    if (condition.kind === 'date' && (condition.op === 'gte' || condition.op === 'lte')) {
      const bound = condition.values[0]!;
      if (condition.op === 'gte')
        lo = Math.max(
          lo,
          firstIndex(list.length, (i) => list[i]!.time >= bound),
        );
      else
        hi = Math.min(
          hi,
          firstIndex(list.length, (i) => list[i]!.time > bound),
        );
      continue;
    }
    rest.push(condition);
  }
  const match = compile(rest);

  let cursor: PageWindow['cursor'] = null;
  if (query.after !== null) {
    const key = query.after.toLowerCase();
    const at = lowerBound(list, key);
    cursor = { ascStart: list[at]?.key === key ? at + 1 : at, descStart: at - 1 };
  }
  const page = takePage(list, { lo, hi, cursor }, query.order, query.limit, match);
  return {
    ok: true,
    body: {
      object: 'list',
      data: page.items,
      limit: query.limit,
      after: query.after,
      order: query.order,
      has_more: page.hasMore,
      ...(query.includeTotalCount ? { total_count: countMatches(list, lo, hi, match) } : {}),
    },
    itemJson: wireEventJson,
  };
}
