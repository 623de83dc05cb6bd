import type { BackendAdapter, Cursor, DeviceEvent, EventQuery } from '../../../backends/types.ts';
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
 * Pages through every event of the query with the backend's largest page, writes each page to the
 * sink as soon as it arrives (nothing is gathered in memory), and paces requests to the backend's
 * rate (`requestsPerSecond`). Transient failures and throttling are retried after a growing wait.
 * The next page is asked for while the current one is written.
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
        return await adapter.listEvents(query, cursor, pageSize, signal);
      } catch (error) {
        const retryable = error instanceof BackendError && error.details.retryable;
        if (signal.aborted || !retryable || attempt >= MAX_ATTEMPTS) throw error;
        await wait(nextPollDelay(attempt, error), signal);
      }
    }
  };

  try {
    await sink.write(format === 'csv' ? csvHeader() : ndjsonHeader(context));
    let next = fetchPage(null);
    for (;;) {
      const page = await next;
      // A page already on its way when Cancel was pressed is not written.
      signal.throwIfAborted();
      if (page.nextCursor !== null) {
        next = fetchPage(page.nextCursor);
        // Awaited below; a Cancel during the write must not leave it rejected unobserved.
        next.catch(() => undefined);
      }
      progress.pages += 1;
      if (progress.total === null && page.totalCount !== undefined)
        progress.total = page.totalCount;
      const events = keep ? page.events.filter(keep) : page.events;
      const line = format === 'csv' ? csvLine : ndjsonLine;
      // Written in pieces of about WRITE_CHARS: turning one string of a whole page (~700 KB of
      // NDJSON) into a Blob or file data cost Chromium several times what ten pieces did.
      let text = '';
      for (const event of events) {
        text += line(event, context.deviceId);
        if (text.length >= WRITE_CHARS) {
          await sink.write(text);
          text = '';
        }
      }
      if (text !== '') await sink.write(text);
      progress.events += events.length;
      onProgress({ ...progress });
      if (page.nextCursor === null) break;
    }
    await sink.close();
    return progress;
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw error;
  }
}
