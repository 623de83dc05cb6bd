import { BlobParts } from './blob-parts.ts';
import type { ExportRequest, SliceReader } from './export-events.ts';
import { WRITE_CHARS } from './export-events.ts';
import { encodeLines } from './export-format.ts';
import { exportPageReader, readSlice } from './export-slices.ts';

/**
 * Slices read at once: each is a chain of requests (a page's cursor is the last id of the one
 * before), so four chains keep the server busy while the page encodes what has arrived
 * (docs/performance.md, "Export throughput, third round").
 */
export const SLICE_READERS = 4;

/**
 * The export's slice readers on the page's own thread (SLICE_READERS of them, each its own chain
 * of requests): the adapter's pages, each encoded in the request's format into a Blob as it
 * arrives, keeping what the request's `keep` keeps. (Readers in workers, the page fetching for
 * them, measured slower: docs/performance.md.)
 */
export function threadSliceReaders(request: ExportRequest): SliceReader[] {
  const { adapter, format, keep } = request;
  const deviceId = request.context.deviceId;
  return Array.from({ length: SLICE_READERS }, () => {
    const bytes = new BlobParts();
    return {
      close: () => undefined,
      read: (slice, onPart, signal) =>
        readSlice(exportPageReader(adapter, signal), slice, (page) => {
          signal.throwIfAborted();
          const events = keep ? page.events.filter(keep) : page.events;
          for (const piece of encodeLines(events, format, deviceId, WRITE_CHARS)) bytes.add(piece);
          const blobs = bytes.take();
          onPart({ data: blobs.length === 1 ? blobs[0]! : new Blob(blobs), events: events.length });
        }),
    };
  });
}
