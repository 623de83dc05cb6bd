/**
 * Reads an export file off the page's main thread and then holds its events, so a file of
 * hundreds of megabytes never freezes the tab: the file streams through `ExportReader` chunk by
 * chunk, the page gets progress only, and the log's queries (a page of a filtered view, one event
 * with its raw record) are answered here. The page's heap holds the rows on screen, nothing more.
 * Bundled on its own (no imports at run time): the server's policy for scripts other than pages
 * allows nothing to be loaded.
 */
import {
  createEventIndex,
  type EventIndex,
  type StoredEvent,
} from '../../../backends/event-index.ts';
import { ExportReader, oldestFirstOrder } from './export-reader.ts';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-messages.ts';

/** The parts of a dedicated worker's global scope used here (the DOM typings describe a page). */
const scope = self as unknown as {
  postMessage(message: ImportWorkerMessage): void;
  onmessage: ((message: MessageEvent<ImportWorkerRequest>) => void) | null;
};

const post = (message: ImportWorkerMessage) => scope.postMessage(message);

/** The longest the page waits for news of the reading, in ms. */
const PROGRESS_MS = 100;

interface OpenedFile {
  file: File;
  index: EventIndex;
  /** Byte offset and length of each event's line, in the index's order (oldest first). */
  offsets: Float64Array;
  lengths: Float64Array;
}

let opened: OpenedFile | null = null;

async function read(file: File) {
  const reader = new ExportReader();
  const events: StoredEvent[] = [];
  let offsets = new Float64Array(1 << 16);
  let lengths = new Float64Array(1 << 16);
  let lastPost = performance.now();
  const take = (records: ReturnType<ExportReader['push']>) => {
    for (const record of records) {
      if (events.length === offsets.length) {
        const grownOffsets = new Float64Array(offsets.length * 2);
        const grownLengths = new Float64Array(offsets.length * 2);
        grownOffsets.set(offsets);
        grownLengths.set(lengths);
        offsets = grownOffsets;
        lengths = grownLengths;
      }
      offsets[events.length] = record.offset;
      lengths[events.length] = record.length;
      events.push(record.event);
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
    if (performance.now() - lastPost >= PROGRESS_MS) {
      post({ type: 'progress', bytesRead: reader.bytesRead, records: events.length });
      lastPost = performance.now();
    }
  }
  const last = reader.finish();
  if (reader.problem !== null || reader.header === null) {
    post({ type: 'failed', message: reader.problem ?? 'This file is not a Fleetlog export.' });
    return;
  }
  take(last.records);

  const order = oldestFirstOrder(events.map((event) => event.time));
  const count = events.length;
  const sorted = order ? Array.from(order, (index) => events[index]!) : events;
  const sortedOffsets = new Float64Array(count);
  const sortedLengths = new Float64Array(count);
  for (let at = 0; at < count; at++) {
    const index = order ? order[at]! : at;
    sortedOffsets[at] = offsets[index]!;
    sortedLengths[at] = lengths[index]!;
  }
  opened = {
    file,
    index: createEventIndex(sorted, reader.header.deviceId),
    offsets: sortedOffsets,
    lengths: sortedLengths,
  };
  post({
    type: 'done',
    header: reader.header,
    bytesRead: reader.bytesRead,
    records: reader.records,
    malformed: reader.malformed,
    truncated: last.truncated,
    sampleRaw: reader.sampleRaw,
  });
}

/** One event with its raw record, read again from its line in the file. */
async function eventWithRaw(file: OpenedFile, eventId: string) {
  const found = file.index.find(eventId);
  if (!found) return null;
  const offset = file.offsets[found.index]!;
  const text = await file.file.slice(offset, offset + file.lengths[found.index]!).text();
  return { ...found.event, raw: (JSON.parse(text) as { raw: unknown }).raw };
}

/** Most bytes read in one piece for a page's raw records; a page spread wider reads line by line. */
const MAX_SPAN_BYTES = 16 * 1024 * 1024;

/**
 * A page of the view with each event's raw record, read again from the file: the lines of a page
 * of a log in time order lie close together, so they are read as one slice of the file (up to
 * MAX_SPAN_BYTES) rather than a thousand small reads.
 */
async function pageWithRaw(
  file: OpenedFile,
  request: Extract<ImportWorkerRequest, { type: 'page-raw' }>,
) {
  const { positions, ...page } = file.index.pageWithPositions(
    request.query,
    request.cursor,
    request.pageSize,
  );
  let first = Infinity;
  let end = 0;
  for (const position of positions) {
    first = Math.min(first, file.offsets[position]!);
    end = Math.max(end, file.offsets[position]! + file.lengths[position]!);
  }
  const span =
    positions.length > 0 && end - first <= MAX_SPAN_BYTES
      ? new Uint8Array(await file.file.slice(first, end).arrayBuffer())
      : null;
  const decoder = new TextDecoder();
  const events = [];
  for (let at = 0; at < positions.length; at++) {
    const offset = file.offsets[positions[at]!]!;
    const length = file.lengths[positions[at]!]!;
    const line = span
      ? decoder.decode(span.subarray(offset - first, offset - first + length))
      : await file.file.slice(offset, offset + length).text();
    events.push({ ...page.events[at]!, raw: (JSON.parse(line) as { raw: unknown }).raw });
  }
  return { ...page, events };
}

async function answer(request: Exclude<ImportWorkerRequest, { type: 'read' }>) {
  if (!opened) throw new Error('No file is open.');
  if (request.type === 'page')
    return opened.index.page(request.query, request.cursor, request.pageSize);
  if (request.type === 'page-raw') return pageWithRaw(opened, request);
  if (request.type === 'event') return eventWithRaw(opened, request.eventId);
  return opened.index.codes();
}

scope.onmessage = ({ data }) => {
  if (data.type === 'read') {
    read(data.file).catch((error: unknown) =>
      post({
        type: 'failed',
        message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
    return;
  }
  answer(data).then(
    (value) => post({ type: 'answer', id: data.id, value }),
    (error: unknown) =>
      post({
        type: 'answer',
        id: data.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
};
