import { useCallback, useEffect, useRef, useState } from 'react';
import { exportIdentity } from '../../../backends/export-identity.ts';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import { eventQueryFor, resolveRange } from '../api/first-page.ts';
import { eventMatchesText } from '../utils/match-text.ts';
import type { ExportProgress, ExportSink } from './export-events.ts';
import type { ExportFormat } from './export-format.ts';

export interface UseExportOptions {
  adapter: BackendAdapter;
  deviceId: string;
  filters: EventListFilters;
  /** `q`: the export keeps the events the view's text filter keeps. */
  needle: string | undefined;
  /** The view's search string, recorded in an NDJSON export. */
  viewSearch: string;
}

export interface ExportRun extends ExportProgress {
  format: ExportFormat;
  fileName: string;
  startedAt: number;
  /** Milliseconds from the start to the last progress report. */
  elapsedMs: number;
}

export interface ExportState {
  running: ExportRun | null;
  message: string;
  start: (format: ExportFormat) => void;
  cancel: () => void;
}

/** Runs one export at a time for the Event log's current view; Cancel stops it and its requests. */
export function useExport({
  adapter,
  deviceId,
  filters,
  needle,
  viewSearch,
}: UseExportOptions): ExportState {
  const [running, setRunning] = useState<ExportRun | null>(null);
  const [message, setMessage] = useState('');
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (format: ExportFormat) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setMessage('');
      // The export's code arrives with the click (a small chunk, well inside the click's user
      // activation, which the save dialog needs).
      void import('./export-job.ts')
        .then((job) => {
          const { canPickFile, downloadSink, exportEvents, exportFileName, pickedFileSink } = job;
          const range = resolveRange(filters, Date.now());
          const context = {
            // An opened export names the backend its file came from, so this file opens as
            // that backend's log again.
            ...(adapter.exportOrigin ?? exportIdentity(adapter.info)),
            deviceId,
            view: viewSearch,
            ...range,
          };
          const fileName = exportFileName(context, format);
          const run: ExportRun = {
            format,
            fileName,
            startedAt: performance.now(),
            elapsedMs: 0,
            events: 0,
            pages: 0,
            total: null,
          };
          setRunning(run);
          const sinkReady: Promise<ExportSink | null> = canPickFile()
            ? pickedFileSink(fileName, format)
            : Promise.resolve(downloadSink(fileName, format));
          const text = needle?.trim();
          return sinkReady.then(async (sink) => {
            if (!sink) {
              setMessage('Export cancelled.');
              return;
            }
            const done = await exportEvents({
              adapter,
              query: { ...eventQueryFor(deviceId, filters, range), order: filters.order },
              format,
              context,
              keep: text ? (event) => eventMatchesText(event, text) : undefined,
              // Slices of the view read at once (export-slices.ts).
              sliceReaders: job.threadSliceReaders,
              sink,
              signal: abort.signal,
              onProgress: (progress) =>
                setRunning({ ...run, ...progress, elapsedMs: performance.now() - run.startedAt }),
            });
            setMessage(
              `Exported ${done.events.toLocaleString('en-US')} events to ${fileName} (${done.pages} pages).`,
            );
          });
        })
        .catch((error: unknown) => {
          setMessage(
            abort.signal.aborted
              ? 'Export cancelled.'
              : `Export failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        })
        .finally(() => {
          controller.current = null;
          setRunning(null);
        });
    },
    [adapter, deviceId, filters, needle, viewSearch],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { running, message, start, cancel };
}
