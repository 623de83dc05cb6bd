import type {
  BackendAdapter,
  Cursor,
  DeviceEvent,
  EventPage,
  EventQuery,
} from '../../../backends/types.ts';
import { BackendError } from '../../../backends/types.ts';
import { nextPollDelay } from '../live/live-schedule.ts';
import type { ExportContext, ExportFormat } from './export-format.ts';
import { csvHeader, csvLine, ndjsonHeader, ndjsonLine } from './export-format.ts';

/** Where an export's text goes, chunk by chunk (a file being written, or parts of a download). */
export interface ExportSink {
  write(text: string): Promise<void>;
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
}

/** Characters of text handed to the sink at once (docs/performance.md, "Export throughput"). */
export const WRITE_CHARS = 64 * 1024;

/** Failed calls in a row before an export gives up (each after a growing wait). */
const MAX_ATTEMPTS = 5;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

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
 * sink as soon as it arrives (nothing is gathered in memory beyond PAGES_AHEAD pages), and paces
 * requests to the backend's rate (`requestsPerSecond`). Transient failures and throttling are
 * retried after a growing wait. Reading runs ahead of writing (see PAGES_AHEAD).
 */
export async function exportEvents(request: ExportRequest): Promise<ExportProgress> {
  const { adapter, query, format, context, keep, sink, signal, onProgress } = request;
  const pageSize = adapter.info.capabilities.maxPageSize;
  const spacing = adapter.requestsPerSecond ? 1000 / adapter.requestsPerSecond : 0;
  const progress: ExportProgress = { events: 0, pages: 0, total: null };
  let lastCall = -Infinity;

  const fetchPage = async (cursor: Cursor | null) => {
    for (let attempt = 1; ; attempt += 1) {
      await wait(lastCall + spacing - performance.now(), signal);
      signal.throwIfAborted();
      lastCall = performance.now();
      try {
        return await (adapter.listEventsForExport ?? adapter.listEvents)(
          query,
          cursor,
          pageSize,
          signal,
        );
      } catch (error) {
        const retryable = error instanceof BackendError && error.details.retryable;
        if (signal.aborted || !retryable || attempt >= MAX_ATTEMPTS) throw error;
        await wait(nextPollDelay(attempt, error), signal);
      }
    }
  };

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
    const line = format === 'csv' ? csvLine : ndjsonLine;
    for (;;) {
      const page = await nextPage();
      // A page already on its way when Cancel was pressed is not written.
      signal.throwIfAborted();
      progress.pages += 1;
      if (progress.total === null && page.totalCount !== undefined)
        progress.total = page.totalCount;
      const events = keep ? page.events.filter(keep) : page.events;
      // Written in pieces of about WRITE_CHARS: turning one string of a whole page (~700 KB of
      // NDJSON) into a Blob or file data cost Chromium several times what ten pieces did.
      let text = '';
      for (const event of events) {
        text += line(event, context.deviceId);
        if (text.length >= WRITE_CHARS) {
          await sink.write(text);
          text = '';
          await yieldToBrowser();
        }
      }
      if (text !== '') await sink.write(text);
      progress.events += events.length;
      onProgress({ ...progress });
      if (page.nextCursor === null) break;
      await yieldToBrowser();
    }
    await sink.close();
    return progress;
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw error;
  } finally {
    stopped = true;
    const reader = readerWaiting;
    readerWaiting = null;
    // Not awaited: a read still on its way ends with the signal, or is dropped when it lands.
    wake(reader);
  }
}
