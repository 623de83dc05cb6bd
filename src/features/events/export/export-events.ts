import type {
  BackendAdapter,
  Cursor,
  DeviceEvent,
  EventPage,
  EventQuery,
} from '../../../backends/types.ts';
import type { ExportContext, ExportFormat } from './export-format.ts';
import { csvHeader, encodeLines, ndjsonHeader } from './export-format.ts';
import type { ExportSlice } from './export-slices.ts';
import { exportPageReader, planSlices, probeEnds } from './export-slices.ts';

/**
 * Where an export's text goes, chunk by chunk (a file being written, or parts of a download):
 * text, or a Blob of it already encoded (as a slice reader hands pages over).
 */
export interface ExportSink {
  write(data: string | Blob): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface ExportProgress {
  events: number;
  pages: number;
  /** Events the backend says match, when it can count; null otherwise. */
  total: number | null;
}

export interface ExportRequest {
  adapter: BackendAdapter;
  query: EventQuery;
  format: ExportFormat;
  context: ExportContext;
  /** Keeps only some events (the view's text filter), or all. */
  keep?: (event: DeviceEvent) => boolean;
  sink: ExportSink;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  /**
   * Readers of slices of the view (thread-slice-reader.ts), for reading several slices at once;
   * absent → one read of the whole view. Used only for a backend without a documented rate
   * (`requestsPerSecond`: Alibaba's export stays one paced read within its quota) whose pages
   * hold the raw records (an opened export's do not). The readers write the request's format and
   * keep what its `keep` keeps.
   */
  sliceReaders?: (request: ExportRequest) => SliceReader[];
}

/** One page of a slice, encoded as the file holds it. */
export interface ExportPart {
  data: string | Blob;
  events: number;
}

/** Reads slices of an export one at a time, each page's lines handed over in order. */
export interface SliceReader {
  read(slice: ExportSlice, onPart: (part: ExportPart) => void, signal: AbortSignal): Promise<void>;
  close(): void;
}

/** Characters of text handed to the sink at once (docs/performance.md, "Export throughput"). */
export const WRITE_CHARS = 64 * 1024;

/**
 * Pages read ahead of the one being written. The next page is asked for as soon as the current one
 * has arrived (its cursor is the last id it holds), not when the writer gets to it: the writer then
 * always has a page in hand while the server prepares the next. Bounded, so an export holds at most
 * this many pages besides the one being written, whatever the file's size.
 */
export const PAGES_AHEAD = 2;

/**
 * Lets the browser run its other tasks (a page that has arrived, the progress bar) between two
 * pieces of text. A resolved promise would not: writing a whole page to Blob parts is microtasks
 * only, so a page that arrived meanwhile waited for the write to end before its successor was
 * requested. `scheduler.yield()` where the browser has it, else a message to ourselves (a zero
 * timeout is clamped to 4 ms once nested).
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Pages through every event of the query with the backend's largest page, writes each page to the
 * sink as soon as it arrives (nothing is gathered in memory beyond PAGES_AHEAD pages, or a bounded
 * number of slices), and paces requests to the backend's rate (`requestsPerSecond`). Transient
 * failures and throttling are retried after a growing wait. With `sliceReaders`, the view is read
 * as slices of time at once (exportInSlices); else in one read that runs ahead of writing.
 */
export async function exportEvents(request: ExportRequest): Promise<ExportProgress> {
  // The file is kept only when every event is in it: any failure or Cancel aborts the sink (after
  // the reads have stopped), so no partial export is left behind as if it were whole.
  try {
    const progress = await exportAll(request);
    await request.sink.close();
    return progress;
  } catch (error) {
    await request.sink.abort().catch(() => undefined);
    throw error;
  }
}

async function exportAll(request: ExportRequest): Promise<ExportProgress> {
  const { adapter, sliceReaders } = request;
  if (sliceReaders && !adapter.requestsPerSecond && !adapter.listEventsForExport) {
    const ends = await probeEnds(adapter, request.query, request.signal);
    if (ends) return exportInSlices(request, sliceReaders, ends);
  }
  return exportInOneRead(request);
}

/** The whole view read page after page on this thread (see PAGES_AHEAD). */
async function exportInOneRead(request: ExportRequest): Promise<ExportProgress> {
  const { adapter, query, format, context, keep, sink, signal, onProgress } = request;
  const progress: ExportProgress = { events: 0, pages: 0, total: null };
  const readPage = exportPageReader(adapter, signal);
  const fetchPage = (cursor: Cursor | null) => readPage(query, cursor);

  // The reader fills `ahead`; the writer takes from it. Each side waits for the other through
  // `wake`, and a failed read is handed to the writer, which ends the export with it.
  const ahead: EventPage[] = [];
  let readFailure: { error: unknown } | null = null;
  let readerWaiting: (() => void) | null = null;
  let writerWaiting: (() => void) | null = null;
  const wake = (waiter: (() => void) | null) => waiter?.();
  let stopped = false;

  const readAll = async () => {
    let cursor: Cursor | null = null;
    for (;;) {
      while (ahead.length >= PAGES_AHEAD && !stopped)
        await new Promise<void>((resolve) => (readerWaiting = resolve));
      if (stopped) return;
      const page = await fetchPage(cursor);
      ahead.push(page);
      const writer = writerWaiting;
      writerWaiting = null;
      wake(writer);
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  };

  const nextPage = async (): Promise<EventPage> => {
    for (;;) {
      const page = ahead.shift();
      if (page) {
        const reader = readerWaiting;
        readerWaiting = null;
        wake(reader);
        return page;
      }
      if (readFailure) throw readFailure.error;
      await new Promise<void>((resolve) => (writerWaiting = resolve));
    }
  };

  void readAll().catch((error: unknown) => {
    readFailure = { error };
    const writer = writerWaiting;
    writerWaiting = null;
    wake(writer);
  });

  try {
    await sink.write(format === 'csv' ? csvHeader() : ndjsonHeader(context));
    for (;;) {
      const page = await nextPage();
      // A page already on its way when Cancel was pressed is not written.
      signal.throwIfAborted();
      progress.pages += 1;
      if (progress.total === null && page.totalCount !== undefined)
        progress.total = page.totalCount;
      const events = keep ? page.events.filter(keep) : page.events;
      const pieces = encodeLines(events, format, context.deviceId, WRITE_CHARS);
      for (const [index, piece] of pieces.entries()) {
        if (index > 0) await yieldToBrowser();
        await sink.write(piece);
      }
      progress.events += events.length;
      onProgress({ ...progress });
      if (page.nextCursor === null) break;
      await yieldToBrowser();
    }
    return progress;
  } finally {
    stopped = true;
    const reader = readerWaiting;
    readerWaiting = null;
    // Not awaited: a read still on its way ends with the signal, or is dropped when it lands.
    wake(reader);
  }
}

/**
 * Slices per reader: several each, so a slice that holds a burst of events (slices are equal in
 * time, not in events) leaves the other readers other slices to read meanwhile.
 */
export const SLICES_PER_READER = 4;
/**
 * Slices read ahead of the one being written, at most: what an export holds besides the slice
 * being written is bounded by this many slices' pages (as Blobs, which the browser keeps outside
 * the page's heap).
 */
export const SLICES_AHEAD_PER_READER = 2;

/**
 * The view read as slices of time by several readers at once (docs/performance.md, "Export
 * throughput, third round"), written in the view's order: the slice being written first, the
 * pages of later slices held until it is done. Each reader takes the next slice in order when
 * it has finished one, within SLICES_AHEAD_PER_READER × readers of the slice being written.
 */
async function exportInSlices(
  request: ExportRequest,
  makeReaders: (request: ExportRequest) => SliceReader[],
  ends: { oldest: number; newest: number; total: number | null },
): Promise<ExportProgress> {
  const { query, format, context, sink, signal, onProgress } = request;
  const progress: ExportProgress = { events: 0, pages: 0, total: ends.total };
  const stop = new AbortController();
  const readers = makeReaders(request);
  const slices = planSlices(query, ends.oldest, ends.newest, readers.length * SLICES_PER_READER);
  const parts: ExportPart[][] = slices.map(() => []);
  const finished = slices.map(() => false);
  const window = readers.length * SLICES_AHEAD_PER_READER;
  const failures: unknown[] = [];
  let writing = 0;
  let taken = 0;
  let writerWaiting: (() => void) | null = null;
  let readersWaiting: Array<() => void> = [];
  const wakeWriter = () => {
    const writer = writerWaiting;
    writerWaiting = null;
    writer?.();
  };
  const wakeReaders = () => {
    const waiting = readersWaiting;
    readersWaiting = [];
    for (const reader of waiting) reader();
  };
  const onAbort = () => {
    stop.abort(signal.reason);
    wakeWriter();
  };
  signal.addEventListener('abort', onAbort, { once: true });

  const run = async (reader: SliceReader) => {
    for (;;) {
      while (taken < slices.length && taken >= writing + window && !stop.signal.aborted)
        await new Promise<void>((resolve) => readersWaiting.push(resolve));
      if (taken >= slices.length || stop.signal.aborted) return;
      const index = taken;
      taken += 1;
      await reader.read(
        slices[index]!,
        (part) => {
          parts[index]!.push(part);
          if (index === writing) wakeWriter();
        },
        stop.signal,
      );
      finished[index] = true;
      if (index === writing) wakeWriter();
    }
  };

  try {
    for (const reader of readers)
      run(reader).catch((error: unknown) => {
        failures.push(error);
        stop.abort(error);
        wakeWriter();
      });
    await sink.write(format === 'csv' ? csvHeader() : ndjsonHeader(context));
    while (writing < slices.length) {
      signal.throwIfAborted();
      if (failures.length > 0) throw failures[0];
      const part = parts[writing]!.shift();
      if (part) {
        await sink.write(part.data);
        progress.events += part.events;
        progress.pages += 1;
        onProgress({ ...progress });
      } else if (finished[writing]) {
        writing += 1;
        wakeReaders();
      } else {
        await new Promise<void>((resolve) => (writerWaiting = resolve));
      }
    }
    return progress;
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort();
    wakeReaders();
    for (const reader of readers) reader.close();
  }
}
