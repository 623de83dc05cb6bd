import * as z from 'zod/mini';
import { contentKey, eventIdFor } from './event-id.ts';
import type { AliyunEventData, AliyunEventInfo, AliyunEventType } from './wire.ts';

/**
 * Tie-safe paging over QueryDeviceEventData, one stream per EventType, merged in time order.
 *
 * The service's `NextTime` steps one millisecond past the last record, so trusting it loses the
 * rest of a burst cut by the page boundary. Each stream instead resumes from the last delivered
 * record's own Time (inclusive) and drops what it already delivered in that millisecond: the cursor
 * keeps the content keys of those records (a multiset, since exact repeats happen).
 */

export interface StreamState {
  /** null = no EventType parameter (all types in one stream). */
  type: AliyunEventType | null;
  /** Inclusive bound to resume from: EndTime when descending, StartTime when ascending. */
  at: number;
  /** Content keys already delivered at exactly `at`. */
  seen: string[];
  done: boolean;
}

export interface PagingState {
  start: number;
  end: number;
  asc: boolean;
  identifier: string | null;
  streams: StreamState[];
}

export interface StreamRequest {
  type: AliyunEventType | null;
  startTime: number;
  endTime: number;
  asc: boolean;
  identifier: string | null;
}

export interface DeliveredRecord {
  record: AliyunEventInfo;
  time: number;
  id: string;
}

/** Most severe first: at equal times the merged log lists error, then alert, then info. */
export const STREAM_RANK: readonly AliyunEventType[] = ['error', 'alert', 'info'];

const cursorSchema = z.object({
  v: z.literal(1),
  s: z.int(),
  e: z.int(),
  a: z.boolean(),
  i: z.nullable(z.string()),
  st: z.array(
    z.object({
      t: z.nullable(z.enum(['info', 'alert', 'error'])),
      at: z.int(),
      k: z.array(z.string()),
      d: z.boolean(),
    }),
  ),
});

export function encodeCursor(state: PagingState): string {
  const json = JSON.stringify({
    v: 1,
    s: state.start,
    e: state.end,
    a: state.asc,
    i: state.identifier,
    st: state.streams.map((s) => ({ t: s.type, at: s.at, k: s.seen, d: s.done })),
  });
  // Keys and identifiers are ASCII, so btoa is safe; base64url keeps the cursor URL-friendly.
  return btoa(json).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): PagingState | null {
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))),
    );
    if (!parsed.success) return null;
    const c = parsed.data;
    return {
      start: c.s,
      end: c.e,
      asc: c.a,
      identifier: c.i,
      streams: c.st.map((s) => ({ type: s.t, at: s.at, seen: s.k, done: s.d })),
    };
  } catch {
    return null;
  }
}

export function initialState(
  start: number,
  end: number,
  asc: boolean,
  identifier: string | null,
  types: ReadonlyArray<AliyunEventType | null>,
): PagingState {
  return {
    start,
    end,
    asc,
    identifier,
    streams: types.map((type) => ({ type, at: asc ? start : end, seen: [], done: false })),
  };
}

interface StreamRead {
  fresh: DeliveredRecord[];
  /** Records of the answer that could not be read (see eventDataSchema). */
  malformed: number;
  keys: string[];
  more: boolean;
  /** Possibly moved past an over-full millisecond (see readStream). */
  state: StreamState;
}

async function readStream(
  paging: PagingState,
  initial: StreamState,
  fetchPage: (request: StreamRequest) => Promise<AliyunEventData>,
): Promise<StreamRead> {
  let state = initial;
  for (;;) {
    const data = await fetchPage({
      type: state.type,
      startTime: paging.asc ? state.at : paging.start,
      endTime: paging.asc ? paging.end : state.at,
      asc: paging.asc,
      identifier: paging.identifier,
    });
    const toSkip = countKeys(state.seen);
    const delivered = countKeys(state.seen);
    const inPage = new Map<string, number>();
    const fresh: DeliveredRecord[] = [];
    const keys: string[] = [];
    for (const record of data.List) {
      const time = Number(record.Time);
      const key = contentKey(record);
      if (time === state.at && (toSkip.get(key) ?? 0) > 0) {
        toSkip.set(key, (toSkip.get(key) as number) - 1);
        continue;
      }
      const slot = `${time}/${key}`;
      const before = (time === state.at ? (delivered.get(key) ?? 0) : 0) + (inPage.get(slot) ?? 0);
      inPage.set(slot, (inPage.get(slot) ?? 0) + 1);
      fresh.push({ record, time, id: eventIdFor(record, before) });
      keys.push(key);
    }
    if (fresh.length > 0 || !data.NextValid) {
      return { fresh, malformed: data.malformed, keys, more: data.NextValid, state };
    }
    // A full page of records already delivered, all in one millisecond: more records share it than
    // a page holds, and the service cannot page inside a millisecond. Step past it (the surplus of
    // that millisecond is unreachable through this API) rather than loop forever.
    state = { ...state, at: state.at + (paging.asc ? 1 : -1), seen: [] };
    // Past the window's edge: the service would read the bounds reversed, not as empty.
    if (paging.asc ? state.at > paging.end : state.at < paging.start) {
      return { fresh: [], malformed: data.malformed, keys: [], more: false, state };
    }
  }
}

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * One merged page: reads one API page per unfinished stream, then emits, in order, only records no
 * unread part of another stream can precede, up to `pageSize`.
 */
export async function nextMergedPage(
  paging: PagingState,
  pageSize: number,
  fetchPage: (request: StreamRequest) => Promise<AliyunEventData>,
): Promise<{ records: DeliveredRecord[]; malformed: number; state: PagingState }> {
  const reads = await Promise.all(
    paging.streams.map((stream) => (stream.done ? null : readStream(paging, stream, fetchPage))),
  );
  const rankOf = (index: number) => {
    const type = paging.streams[index]?.type ?? null;
    return type === null ? 0 : STREAM_RANK.indexOf(type);
  };
  const precedes = (a: number, b: number) => (paging.asc ? a < b : a > b);

  const candidates = reads.flatMap((read, stream) =>
    read ? read.fresh.map((entry, position) => ({ entry, stream, position })) : [],
  );
  candidates.sort(
    (x, y) =>
      (x.entry.time === y.entry.time ? 0 : precedes(x.entry.time, y.entry.time) ? -1 : 1) ||
      rankOf(x.stream) - rankOf(y.stream) ||
      x.position - y.position,
  );
  const frontiers = reads.flatMap((read, stream) =>
    read?.more ? [{ stream, time: read.fresh.at(-1)?.time ?? read.state.at }] : [],
  );
  const taken: typeof candidates = [];
  for (const candidate of candidates) {
    if (taken.length >= pageSize) break;
    const safe = frontiers.every(
      (f) =>
        f.stream === candidate.stream ||
        precedes(candidate.entry.time, f.time) ||
        (candidate.entry.time === f.time && rankOf(candidate.stream) < rankOf(f.stream)),
    );
    if (!safe) break;
    taken.push(candidate);
  }

  const streams = paging.streams.map((stream, index): StreamState => {
    const read = reads[index];
    if (!read) return stream;
    const mine = taken.filter((t) => t.stream === index);
    const exhausted = !read.more && mine.length === read.fresh.length;
    if (mine.length === 0) return { ...read.state, done: exhausted };
    const lastTime = (mine.at(-1) as (typeof mine)[number]).entry.time;
    const carried = lastTime === read.state.at ? read.state.seen : [];
    const newKeys = mine
      .filter((t) => t.entry.time === lastTime)
      .map((t) => read.keys[t.position] as string);
    return { type: stream.type, at: lastTime, seen: [...carried, ...newKeys], done: exhausted };
  });
  const malformed = reads.reduce((sum, read) => sum + (read?.malformed ?? 0), 0);
  return { records: taken.map((t) => t.entry), malformed, state: { ...paging, streams } };
}
