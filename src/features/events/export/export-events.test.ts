import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../backends/types.ts';
import {
  createFakeAdapter,
  fakeAliyunInfo,
  fakeEvent,
} from '../../../testing/fake-event-adapter.ts';
import type { ExportSink } from './export-events.ts';
import { exportEvents, PAGES_AHEAD, WRITE_CHARS } from './export-events.ts';
import { csvField, csvLine, exportFileName, ndjsonLine } from './export-format.ts';

function memorySink() {
  const chunks: string[] = [];
  const sink: ExportSink & { chunks: string[]; closed: boolean; aborted: boolean } = {
    chunks,
    closed: false,
    aborted: false,
    write: (data) => {
      if (typeof data !== 'string') throw new TypeError('this sink takes text');
      chunks.push(data);
      return Promise.resolve();
    },
    close: () => {
      sink.closed = true;
      return Promise.resolve();
    },
    abort: () => {
      sink.aborted = true;
      return Promise.resolve();
    },
  };
  return sink;
}

const context = { backendId: 'demo-pelion', deviceId: 'dev-1', view: '' };
const query = { deviceId: 'dev-1', levels: [], order: 'desc' as const };

describe('exportEvents', () => {
  it('writes every event, page by page at the largest page size, and reports progress', async () => {
    const adapter = createFakeAdapter({ events: 2500 });
    const sink = memorySink();
    const reports: number[] = [];
    const done = await exportEvents({
      adapter,
      query,
      format: 'ndjson',
      context,
      sink,
      signal: new AbortController().signal,
      onProgress: (progress) => reports.push(progress.events),
    });
    expect(done).toEqual({ events: 2500, pages: 3, total: 2500 });
    expect(adapter.calls.map((call) => call.pageSize)).toEqual([1000, 1000, 1000]);
    // The header, then each page in whole lines of at most ~WRITE_CHARS: nothing gathered
    // across pages, and no piece so large that turning it into file data gets slow.
    const [header, ...pieces] = sink.chunks;
    expect(header).toMatch(/^\{"type":"fleetlog-export"/);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      expect(piece.endsWith('\n')).toBe(true);
      expect(piece.length).toBeLessThan(WRITE_CHARS + 2000);
    }
    expect(reports).toEqual([1000, 2000, 2500]);
    const lines = sink.chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(2501);
    expect(
      new Set(lines.slice(1).map((line) => (JSON.parse(line) as { id: string }).id)).size,
    ).toBe(2500);
    expect(sink.closed).toBe(true);
  });

  it('asks for the next pages while a page is being written, at most PAGES_AHEAD of them', async () => {
    const adapter = createFakeAdapter({ events: 5000 });
    const sink = memorySink();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    const write = sink.write;
    sink.write = async (text) => {
      writes += 1;
      // The header, then the first piece of page 1: held until the test lets it go.
      if (writes === 2) await held;
      return write(text);
    };
    const done = exportEvents({
      adapter,
      query,
      format: 'ndjson',
      context,
      sink,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Page 1 is being written; pages 2 and 3 were asked for meanwhile, and no more.
    expect(writes).toBe(2);
    expect(adapter.calls).toHaveLength(1 + PAGES_AHEAD);
    expect(adapter.calls[1]?.cursor).not.toBeNull();
    release();
    expect((await done).events).toBe(5000);
    expect(adapter.calls).toHaveLength(5);
    // The same lines, in the same order, as an export whose writes never wait.
    const plain = memorySink();
    await exportEvents({
      adapter: createFakeAdapter({ events: 5000 }),
      query,
      format: 'ndjson',
      context,
      sink: plain,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    const records = (chunks: string[]) => chunks.join('').split('\n').slice(1);
    expect(records(sink.chunks)).toEqual(records(plain.chunks));
    expect(new Set(records(sink.chunks)).size).toBe(5001);
  });

  it('keeps only what the text filter keeps', async () => {
    const adapter = createFakeAdapter({ events: 700 });
    const sink = memorySink();
    const done = await exportEvents({
      adapter,
      query,
      format: 'csv',
      context,
      keep: (event) => event.isFailure,
      sink,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(done.events).toBe(100);
  });

  it('retries a throttled page after a wait and paces calls to the backend rate', async () => {
    const adapter = {
      ...createFakeAdapter({
        events: 120,
        info: fakeAliyunInfo,
        failCall: {
          call: 1,
          error: new BackendError('Throttling.User', {
            status: 429,
            retryable: true,
            retryAfter: 0,
          }),
        },
      }),
      requestsPerSecond: 20,
    };
    const started = performance.now();
    const done = await exportEvents({
      adapter,
      query,
      format: 'csv',
      context,
      sink: memorySink(),
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(done.events).toBe(120);
    expect(adapter.calls).toHaveLength(4);
    // Four calls 50 ms apart at least, plus the throttling wait.
    expect(performance.now() - started).toBeGreaterThan(150);
  }, 30_000);

  it('stops on Cancel and throws the file away', async () => {
    const adapter = createFakeAdapter({ events: 5000 });
    const sink = memorySink();
    const abort = new AbortController();
    await expect(
      exportEvents({
        adapter,
        query,
        format: 'csv',
        context,
        sink,
        signal: abort.signal,
        onProgress: (progress) => {
          if (progress.pages === 1) abort.abort();
        },
      }),
    ).rejects.toBeDefined();
    expect(sink.aborted).toBe(true);
    expect(sink.closed).toBe(false);
  });
});

describe('export formats', () => {
  it('quotes CSV fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const line = csvLine(
      {
        id: 'x',
        time: 0,
        timeText: 't',
        level: 'error',
        isFailure: true,
        code: 'c',
        description: 'd, "e"',
        payload: { big: 9007199254740993n },
        raw: {},
      },
      'dev',
    );
    expect(line).toBe(
      'x,1970-01-01T00:00:00.000Z,t,error,,true,c,,"d, ""e""",dev,"{""big"":""9007199254740993""}"\r\n',
    );
  });

  it('names the file after backend, device and range', () => {
    expect(
      exportFileName(
        { backendId: 'demo-aliyun', deviceId: 'Iot/Id+1', from: Date.UTC(2026, 0, 2, 3, 4, 5) },
        'csv',
      ),
    ).toBe('fleetlog_demo-aliyun_Iot-Id-1_2026-01-02T030405Z_now.csv');
  });
});

describe('ndjsonLine', () => {
  it('writes a bigint (an Alibaba counter past 2^53) as its exact decimal text', () => {
    const event = fakeEvent(0);
    const line = ndjsonLine(
      { ...event, payload: [{ name: 'count', value: 2n ** 64n + 1n }], raw: { n: 2n ** 60n } },
      'dev-1',
    );
    expect(line).toContain('"value":"18446744073709551617"');
    expect(line).toContain('"raw":{"n":"1152921504606846976"}');
    expect(line.endsWith('}\n')).toBe(true);
  });
});
