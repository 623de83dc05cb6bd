import type { ExportHeader, ImportedEvent } from './export-reader.ts';

/** What the page sends the import worker: the file to read (it stays in this browser). */
export interface ReadFileRequest {
  file: File;
}

/** What the import worker reports while it reads, then once at the end. */
export type ImportWorkerMessage =
  | {
      type: 'progress';
      bytesRead: number;
      /** Records read since the last message, with their lines' byte offsets and lengths. */
      events: ImportedEvent[];
      spans: Float64Array;
    }
  | {
      type: 'done';
      header: ExportHeader;
      bytesRead: number;
      records: number;
      malformed: number;
      truncated: boolean;
      /** `raw` of the first record (the kind of a file whose header does not name it). */
      sampleRaw: unknown;
      /** Indexes of the records oldest first; null when the file already lists them so. */
      oldestFirst: Int32Array | null;
    }
  | { type: 'failed'; message: string };
