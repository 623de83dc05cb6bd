import type { AliyunEventRecord, AliyunEventType, AliyunFleet } from '../fleet/aliyun-fleet.ts';

export interface EventQuery {
  iotId: string;
  /** Inclusive bounds in ms, already normalised (start ≤ end) and clamped to retention. */
  start: number;
  end: number;
  eventType: AliyunEventType | null;
  /** null = every event of the default module; otherwise an exact Identifier (`module:Identifier` included). */
  identifier: string | null;
  asc: boolean;
  pageSize: number;
}

export interface EventQueryResult {
  records: AliyunEventRecord[];
  nextValid: boolean;
  nextTime: number;
}

const MAX_CACHED_VIEWS = 400;

/**
 * Per-device, per-filter sorted views of the fleet's histories, so a page costs two binary searches
 * and a slice — even for the device with 50,000+ events.
 */
export function createEventIndex(fleet: AliyunFleet) {
  // Each view remembers the history it was filtered from: a live device's history grows (a new
  // array), and its views are filtered again.
  const views = new Map<
    string,
    { source: readonly AliyunEventRecord[]; filtered: readonly AliyunEventRecord[] }
  >();

  function view(iotId: string, eventType: AliyunEventType | null, identifier: string | null) {
    const key = `${iotId}\u0000${eventType ?? ''}\u0000${identifier ?? ''}`;
    const source = fleet.events(iotId);
    const cached = views.get(key);
    if (cached?.source === source) return cached.filtered;
    const filtered = source.filter(
      (record) =>
        (eventType === null || record.eventType === eventType) &&
        (identifier === null ? record.module === null : record.identifier === identifier),
    );
    if (!cached && views.size >= MAX_CACHED_VIEWS)
      views.delete(views.keys().next().value as string);
    views.set(key, { source, filtered });
    return filtered;
  }

  return {
    query(q: EventQuery): EventQueryResult {
      const records = view(q.iotId, q.eventType, q.identifier);
      const first = lowerBound(records, q.start);
      const afterLast = lowerBound(records, q.end + 1);
      const available = Math.max(0, afterLast - first);
      const take = Math.min(q.pageSize, available);
      const page = q.asc
        ? records.slice(first, first + take)
        : records.slice(afterLast - take, afterLast).reverse();
      const last = page.at(-1);
      // Like the service: NextTime steps one millisecond past the last record, which skips the rest
      // of a same-millisecond burst cut by the page boundary for any client that trusts it.
      const nextTime = last ? last.time + (q.asc ? 1 : -1) : q.asc ? q.end : q.start;
      return { records: page, nextValid: available > take, nextTime };
    },
  };
}

export type EventIndex = ReturnType<typeof createEventIndex>;

/** First index whose time is ≥ `time`. */
function lowerBound(records: readonly AliyunEventRecord[], time: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((records[mid] as AliyunEventRecord).time < time) low = mid + 1;
    else high = mid;
  }
  return low;
}
