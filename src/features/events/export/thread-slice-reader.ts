import type { BackendAdapter, DeviceEvent } from '../../../backends/types.ts';
import { BlobParts } from './blob-parts.ts';
import type { SliceReader } from './export-events.ts';
import type { ExportFormat } from './export-format.ts';
import { encodeLines } from './export-format.ts';
import { exportPageReader, readSlice } from './export-slices.ts';

/**
 * Slices read at once: each is a chain of requests (a page's cursor is the last id of the one
 * before), so four chains keep the server busy while the page encodes what has arrived
 * (docs/performance.md, "Export throughput, third round").
 */
export const SLICE_READERS = 4;

/**
 * A slice reader on the page's own thread: the adapter's pages, each encoded into a Blob as it
 * arrives. Several of these read slices at once, each its own chain of requests. (Readers in
 * workers, the page fetching for them, measured slower: docs/performance.md.)
 */
export function threadSliceReader(options: {
  adapter: BackendAdapter;
  format: ExportFormat;
  deviceId: string;
  keep?: (event: DeviceEvent) => boolean;
}): SliceReader {
  const bytes = new BlobParts();
  const { adapter, format, deviceId, keep } = options;
  return {
    close: () => undefined,
    read: (slice, onPart, signal) =>
      readSlice(exportPageReader(adapter, signal), slice, (page) => {
        signal.throwIfAborted();
        const events = keep ? page.events.filter(keep) : page.events;
        for (const piece of encodeLines(events, format, deviceId, 64 * 1024)) bytes.add(piece);
        const blobs = bytes.take();
        onPart({ data: blobs.length === 1 ? blobs[0]! : new Blob(blobs), events: events.length });
      }),
  };
}
