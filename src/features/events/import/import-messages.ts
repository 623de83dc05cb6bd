import type { IndexedPage } from '../../../backends/event-index.ts';
import type { RawPage } from '../../../backends/imported-log.ts';
import type { DeviceEvent, EventDefinition, EventQuery } from '../../../backends/types.ts';
import type { ExportHeader } from './export-reader.ts';

/**
 * The page and the import worker talk in these messages: the page hands over the file, the
 * worker reads it and reports, then keeps the events and answers the log's queries.
 */
export type ImportWorkerRequest =
  | { type: 'read'; file: File }
  | { type: 'page'; id: number; query: EventQuery; cursor: string | null; pageSize: number }
  /** The same page with each event's raw record read from the file (for an export of the view). */
  | { type: 'page-raw'; id: number; query: EventQuery; cursor: string | null; pageSize: number }
  | { type: 'event'; id: number; eventId: string }
  | { type: 'codes'; id: number };

export interface ImportWorkerAnswers {
  page: IndexedPage;
  'page-raw': RawPage;
  event: DeviceEvent | null;
  codes: EventDefinition[];
}

export type ImportWorkerMessage =
  | { type: 'progress'; bytesRead: number; records: number }
  | {
      type: 'done';
      header: ExportHeader;
      bytesRead: number;
      records: number;
      malformed: number;
      truncated: boolean;
      /** `raw` of the first record (the kind of a file whose header does not name it). */
      sampleRaw: unknown;
    }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; value?: unknown; error?: string };
