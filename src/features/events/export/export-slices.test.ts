import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  BackendAdapter,
  DeviceEvent,
  EventPage,
  EventQuery,
  SortOrder,
} from '../../../backends/types.ts';
import { BackendError } from '../../../backends/types.ts';
import { fakePelionInfo } from '../../../testing/fake-event-adapter.ts';
import type { ExportRequest, ExportSink, SliceReader } from './export-events.ts';
import { exportEvents } from './export-events.ts';
import { encodeLines } from './export-format.ts';
import { exportPageReader, planSlices, probeEnds, readSlice } from './export-slices.ts';
import { SLICE_READERS, threadSliceReaders } from './thread-slice-reader.ts';

/**
 * A log as Izuma/Pelion's `/v3/device-events` pages it: times in microseconds, ordered by
 * (date_time, id), `date_time__gte`/`__lte` taking the port's milliseconds as `…T…123Z` (so `lte`
 * stops at .123000), `after` the last id read, and each event's `time` its instant cut to the
 * millisecond, as `Date.parse` reads a `date_time` with microseconds.
 */
interface Stored {
  id: string;
  micros: number;
}

function microLog(micros: number[]): Stored[] {
  return micros
    .map((value, n) => ({ micros: value, id: `e${String(n).padStart(5, '0')}` }))
    .sort((a, b) => a.micros - b.micros || (a.id < b.id ? -1 : 1));
}

function toEvent(stored: Stored): DeviceEvent {
  const time = Math.floor(stored.micros / 1000);
  return {
    id: stored.id,
    time,
    timeText: `${new Date(time).toISOString().slice(0, -1)}${String(stored.micros % 1000).padStart(3, '0')}Z`,
    level: 'INFO',
    isFailure: false,
    code: 'SYS_100',
    description: `event ${stored.id}`,
    raw: { id: stored.id, micros: stored.micros },
  };
}

function microAdapter(log: Stored[], pageSize: number) {
  const calls: Array<{ query: EventQuery; cursor: string | null }> = [];
  const adapter: BackendAdapter = {
    info: {
      ...fakePelionInfo,
      capabilities: { ...fakePelionInfo.capabilities, maxPageSize: pageSize },
    },
    vocabulary: {} as BackendAdapter['vocabulary'],
    listDevices: () => Promise.resolve({ devices: [], nextCursor: null }),
    getDevice: () => Promise.reject(new Error('not in this fake')),
    getEvent: () => Promise.resolve(null),
    listEvents(query, cursor, size): Promise<EventPage> {
      calls.push({ query, cursor });
      const matching = log.filter(
        (e) =>
          (query.from === undefined || e.micros >= query.from * 1000) &&
          (query.to === undefined || e.micros <= query.to * 1000),
      );
      if (query.order === 'desc') matching.reverse();
      const start = cursor === null ? 0 : matching.findIndex((e) => e.id === cursor) + 1;
      const page = matching.slice(start, start + Math.min(size, pageSize));
      return Promise.resolve({
        events: page.map(toEvent),
        nextCursor: start + page.length < matching.length ? page[page.length - 1]!.id : null,
        ...(cursor === null ? { totalCount: matching.length } : {}),
      });
    },
  };
  return { adapter, calls };
}

async function readAll(adapter: BackendAdapter, query: EventQuery): Promise<string[]> {
  const ids: string[] = [];
  await readSlice(
    exportPageReader(adapter, new AbortController().signal),
    { query },
    (page) => void ids.push(...page.events.map((e) => e.id)),
  );
  return ids;
}

/**
 * Microsecond times packed into a few milliseconds, many sharing one millisecond and some on
 * its first microsecond (`.123000`, which an inclusive `lte` of that millisecond still holds),
 * so slice edges fall on crowded milliseconds.
 */
const crowdedTimes = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 24 }),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999 })),
  ),
  { minLength: 1, maxLength: 120 },
);

describe('reading an export in slices of time', () => {
  it('gives every event exactly once, in the order of one read of the whole view', async () => {
    const base = Date.UTC(2026, 0, 1) * 1000;
    await fc.assert(
      fc.asyncProperty(
        crowdedTimes,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<SortOrder>('asc', 'desc'),
        fc.option(fc.integer({ min: -2, max: 26 }), { nil: undefined }),
        fc.option(fc.integer({ min: -2, max: 26 }), { nil: undefined }),
        async (times, count, pageSize, order, fromMs, toMs) => {
          const log = microLog(times.map(([ms, us]) => base + ms * 1000 + us));
          const { adapter } = microAdapter(log, pageSize);
          const at = (ms: number | undefined) => (ms === undefined ? undefined : base / 1000 + ms);
          const query: EventQuery = {
            deviceId: 'd',
            levels: [],
            order,
            from: at(fromMs),
            to: at(toMs),
          };
          const whole = await readAll(adapter, query);
          const ends = await probeEnds(adapter, query, new AbortController().signal);
          if (whole.length === 0) {
            expect(ends).toBeNull();
            return;
          }
          expect(ends).not.toBeNull();
          const slices = planSlices(query, ends!.oldest, ends!.newest, count);
          const joined: string[] = [];
          for (const slice of slices) {
            await readSlice(
              exportPageReader(adapter, new AbortController().signal),
              slice,
              (page) => void joined.push(...page.events.map((e) => e.id)),
            );
          }
          expect(joined).toEqual(whole);
          expect(ends!.total).toBe(whole.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('splits at whole milliseconds, in the view order, keeping the query’s own ends', () => {
    const query: EventQuery = { deviceId: 'd', levels: ['FAIL'], order: 'desc', to: 5000 };
    const slices = planSlices(query, 1000, 1999, 4);
    expect(slices.map((s) => [s.query.from, s.query.to, s.before])).toEqual([
      [1750, 5000, undefined],
      [1500, 1750, 1750],
      [1250, 1500, 1500],
      [undefined, 1250, 1250],
    ]);
    expect(slices.every((s) => s.query.levels[0] === 'FAIL' && s.query.order === 'desc')).toBe(
      true,
    );
    // Never more slices than milliseconds.
    expect(planSlices({ ...query, order: 'asc' }, 7, 8, 10)).toHaveLength(2);
  });
});

function memorySink() {
  const chunks: string[] = [];
  return {
    chunks,
    closed: false,
    aborted: false,
    write(data: string | Blob) {
      if (typeof data !== 'string') throw new TypeError('this sink takes text');
      chunks.push(data);
      return Promise.resolve();
    },
    close() {
      this.closed = true;
      return Promise.resolve();
    },
    abort() {
      this.aborted = true;
      return Promise.resolve();
    },
  } satisfies ExportSink & { chunks: string[]; closed: boolean; aborted: boolean };
}

/** Slice readers on this thread, encoding each page as a worker does (as text, not a Blob). */
function inProcessReaders(
  adapter: BackendAdapter,
  count: number,
  options: { failOn?: number; started?: number[] } = {},
): () => SliceReader[] {
  let reads = 0;
  return () =>
    Array.from({ length: count }, () => ({
      close: () => undefined,
      read: (slice, onPart, signal) => {
        const nth = (reads += 1);
        options.started?.push(nth);
        return readSlice(exportPageReader(adapter, signal), slice, async (page) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (options.failOn === nth)
            throw new BackendError('The backend failed (HTTP 500).', {
              status: 500,
              retryable: false,
            });
          onPart({
            data: encodeLines(page.events, 'ndjson', 'd', 64 * 1024).join(''),
            events: page.events.length,
          });
        });
      },
    }));
}

describe('exportEvents with slice readers', () => {
  const context = { backendId: 'demo-pelion', deviceId: 'd', view: '' };
  const log = microLog(
    Array.from(
      { length: 3000 },
      (_, n) => Date.UTC(2026, 0, 1) * 1000 + Math.floor(n / 7) * 1000 + (n % 3) * 250,
    ),
  );
  /** exportEvents with this suite's defaults: NDJSON of device d, no Cancel, progress ignored. */
  const runExport = (
    request: Pick<ExportRequest, 'adapter' | 'query' | 'sink'> & Partial<ExportRequest>,
  ) =>
    exportEvents({
      format: 'ndjson',
      context,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      ...request,
    });
  /** The text one plain read of the view writes (no slice readers): what slices must match. */
  const plainExport = async (query: EventQuery) => {
    const sink = memorySink();
    await runExport({ adapter: microAdapter(log, 100).adapter, query, sink });
    return sink.chunks;
  };
  const lines = (chunks: string[]) =>
    chunks
      .join('')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id);

  for (const order of ['asc', 'desc'] as const) {
    it(`writes the same lines as one read of the view (${order})`, async () => {
      const query: EventQuery = { deviceId: 'd', levels: [], order };
      const plain = await plainExport(query);
      const sliced = memorySink();
      const { adapter } = microAdapter(log, 100);
      const reports: Array<{ events: number; total: number | null }> = [];
      const done = await runExport({
        adapter,
        query,
        sink: sliced,
        onProgress: ({ events, total }) => reports.push({ events, total }),
        sliceReaders: inProcessReaders(adapter, 3),
      });
      expect(lines(sliced.chunks)).toEqual(lines(plain));
      expect(lines(sliced.chunks)).toHaveLength(3000);
      expect(new Set(lines(sliced.chunks)).size).toBe(3000);
      expect(done.events).toBe(3000);
      expect(reports.at(-1)).toEqual({ events: 3000, total: 3000 });
      expect(sliced.closed).toBe(true);
    });
  }

  it('gives the same file through the page’s slice readers (Blobs of UTF-8), text filter kept', async () => {
    const query: EventQuery = { deviceId: 'd', levels: [], order: 'desc' };
    const plain = await plainExport(query);
    const { adapter, calls } = microAdapter(log, 100);
    const parts: Array<string | Blob> = [];
    const done = await runExport({
      adapter,
      query,
      sink: {
        write: (data) => {
          parts.push(data);
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
        abort: () => Promise.resolve(),
      },
      keep: (event) => !event.id.endsWith('7'),
      sliceReaders: threadSliceReaders,
    });
    expect(done.events).toBe(2700);
    expect(parts.slice(1).every((part) => part instanceof Blob)).toBe(true);
    const text = await new Blob(parts).text();
    expect(lines([text])).toEqual(lines(plain).filter((id) => !id.endsWith('7')));
    // The slices' first pages asked at once, each with its own bounds.
    const firsts = calls.filter((call) => call.cursor === null && call.query.order === 'desc');
    expect(new Set(firsts.map((call) => `${call.query.from}-${call.query.to}`)).size).toBe(
      firsts.length,
    );
    expect(firsts.length).toBeGreaterThan(SLICE_READERS);
  });

  it('fails the export when a slice fails, throwing the file away', async () => {
    const { adapter } = microAdapter(log, 100);
    const sink = memorySink();
    await expect(
      runExport({
        adapter,
        query: { deviceId: 'd', levels: [], order: 'desc' },
        sink,
        sliceReaders: inProcessReaders(adapter, 2, { failOn: 3 }),
      }),
    ).rejects.toThrow('HTTP 500');
    expect(sink.aborted).toBe(true);
    expect(sink.closed).toBe(false);
  });

  it('stops every reader on Cancel', async () => {
    const { adapter, calls } = microAdapter(log, 100);
    const sink = memorySink();
    const abort = new AbortController();
    await expect(
      runExport({
        adapter,
        query: { deviceId: 'd', levels: [], order: 'asc' },
        sink,
        signal: abort.signal,
        onProgress: ({ pages }) => {
          if (pages === 2) abort.abort();
        },
        sliceReaders: inProcessReaders(adapter, 2),
      }),
    ).rejects.toBeDefined();
    const asked = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.length).toBe(asked);
    expect(calls.length).toBeLessThan(30);
    expect(sink.aborted).toBe(true);
  });

  it('reads within a bounded number of slices ahead of the one being written', async () => {
    const { adapter } = microAdapter(log, 100);
    const started: number[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sink = memorySink();
    const write = sink.write.bind(sink);
    let writes = 0;
    sink.write = async (data) => {
      writes += 1;
      if (writes === 2) await held;
      return write(data);
    };
    const done = runExport({
      adapter,
      query: { deviceId: 'd', levels: [], order: 'asc' },
      sink,
      sliceReaders: inProcessReaders(adapter, 2, { started }),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // 2 readers × 4 slices each; at most 2 × 2 slices taken while the first one's write waits.
    expect(started).toEqual([1, 2, 3, 4]);
    release();
    expect((await done).events).toBe(3000);
    expect(started).toHaveLength(8);
  });
});
