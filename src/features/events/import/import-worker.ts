/**
 * Reads an export file off the page's main thread, so a file of hundreds of megabytes never
 * freezes the tab: the file streams through `ExportReader` chunk by chunk and the records go to
 * the page in batches. The worker is bundled on its own (no imports at run time), as the
 * server's policy for scripts other than pages allows nothing to be loaded.
 */
import { ExportReader, oldestFirstOrder, type ImportedEvent } from './export-reader.ts';
import type { ImportWorkerMessage, ReadFileRequest } from './import-messages.ts';

/** The parts of a dedicated worker's global scope used here (the DOM typings describe a page). */
const scope = self as unknown as {
  postMessage(message: ImportWorkerMessage, transfer: Transferable[]): void;
  onmessage: ((message: MessageEvent<ReadFileRequest>) => void) | null;
};

/** Records per message, and the longest the page waits for news, in ms. */
const BATCH_RECORDS = 1000;
const BATCH_MS = 50;

const post = (message: ImportWorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

async function read(file: File) {
  const reader = new ExportReader();
  let times = new Float64Array(1 << 16);
  let events: ImportedEvent[] = [];
  let spans: number[] = [];
  let lastPost = performance.now();
  const flush = () => {
    const batch = new Float64Array(spans);
    post({ type: 'progress', bytesRead: reader.bytesRead, events, spans: batch }, [batch.buffer]);
    events = [];
    spans = [];
    lastPost = performance.now();
  };
  let count = 0;
  const take = (records: ReturnType<ExportReader['push']>) => {
    for (const record of records) {
      events.push(record.event);
      spans.push(record.offset, record.length);
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count++] = record.event.time;
    }
  };

  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    const records = reader.push(value);
    if (reader.problem !== null) {
      await stream.cancel();
      post({ type: 'failed', message: reader.problem });
      return;
    }
    take(records);
    if (events.length >= BATCH_RECORDS || performance.now() - lastPost >= BATCH_MS) flush();
  }
  const last = reader.finish();
  if (reader.problem !== null || reader.header === null) {
    post({ type: 'failed', message: reader.problem ?? 'This file is not a Fleetlog export.' });
    return;
  }
  take(last.records);
  flush();
  const oldestFirst = oldestFirstOrder(times.subarray(0, count));
  post(
    {
      type: 'done',
      header: reader.header,
      bytesRead: reader.bytesRead,
      records: reader.records,
      malformed: reader.malformed,
      truncated: last.truncated,
      sampleRaw: reader.sampleRaw,
      oldestFirst,
    },
    oldestFirst ? [oldestFirst.buffer] : [],
  );
}

scope.onmessage = (message: MessageEvent<ReadFileRequest>) => {
  read(message.data.file).catch((error: unknown) =>
    post({
      type: 'failed',
      message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
};
