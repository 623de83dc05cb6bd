import type { BackendInfo } from '../../../backends/types.ts';
import type { ExportFormat } from './export-format.ts';
import type { ExportSlice } from './export-slices.ts';

/**
 * What the page and an export worker say to each other (export-worker.ts). The worker cannot
 * fetch itself (the server's policy for anything that is not a page allows no connections), so
 * its adapter's requests come to the page as `fetch` and go back as `response`, the body as an
 * ArrayBuffer handed over without a copy.
 */
export type ExportWorkerRequest =
  | {
      type: 'read';
      info: BackendInfo;
      slice: ExportSlice;
      format: ExportFormat;
      deviceId: string;
      /** The view's text filter (`q`), when it has one. */
      needle?: string;
    }
  | {
      type: 'response';
      id: number;
      /** Absent when the request failed before any answer (the network, a refused connection). */
      status?: number;
      headers?: Array<[string, string]>;
      body?: ArrayBuffer;
    };

export type ExportWorkerMessage =
  | { type: 'fetch'; id: number; url: string; headers: Array<[string, string]> }
  /** One page of the slice, encoded: the file's bytes for it and how many events they hold. */
  | { type: 'part'; data: Blob; events: number }
  | { type: 'done' }
  | { type: 'failed'; message: string };
