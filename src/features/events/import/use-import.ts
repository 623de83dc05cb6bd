import { useCallback, useEffect, useRef, useState } from 'react';
import { openExportedLog, type EventSource } from '../../../backends/imported-log.ts';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { ExportHeader } from './export-reader.ts';
import type {
  ImportWorkerAnswers,
  ImportWorkerMessage,
  ImportWorkerRequest,
} from './import-messages.ts';

/** An export opened in this browser, read as a backend of its own. */
export interface OpenedExport {
  fileName: string;
  fileSize: number;
  header: ExportHeader;
  adapter: BackendAdapter;
  records: number;
  /** Lines after the header that were not records (skipped). */
  malformed: number;
  /** The last line was cut short (the file was not written to its end). */
  truncated: boolean;
  /** Lets its events go (the worker holding them ends). */
  close: () => void;
}

export interface ImportProgress {
  fileName: string;
  fileSize: number;
  bytesRead: number;
  records: number;
}

export interface ImportState {
  opened: OpenedExport | null;
  reading: ImportProgress | null;
  /** Why the last file chosen did not open (the open one, if any, stays as it was). */
  problem: string | null;
  /** What the last cancelled attempt did. */
  message: string;
  open: (file: File) => void;
  cancel: () => void;
}

type Question =
  | {
      type: 'page' | 'page-raw';
      query: Parameters<EventSource['page']>[0];
      cursor: string | null;
      pageSize: number;
    }
  | { type: 'event'; eventId: string }
  | { type: 'codes' };

/** The log's queries, asked of the worker that read the file and holds its events. */
function workerSource(worker: Worker): {
  source: EventSource;
  onAnswer: (message: Extract<ImportWorkerMessage, { type: 'answer' }>) => void;
} {
  let nextId = 0;
  const waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  function ask<T extends Question['type']>(question: Question & { type: T }) {
    const id = (nextId += 1);
    return new Promise<ImportWorkerAnswers[T]>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...question, id } as ImportWorkerRequest);
    });
  }
  return {
    source: {
      page: (query, cursor, pageSize) => ask({ type: 'page', query, cursor, pageSize }),
      pageWithRaw: (query, cursor, pageSize) => ask({ type: 'page-raw', query, cursor, pageSize }),
      getEvent: (eventId) => ask({ type: 'event', eventId }),
      codes: () => ask({ type: 'codes' }),
    },
    onAnswer: ({ id, value, error }) => {
      const pending = waiting.get(id);
      waiting.delete(id);
      if (error !== undefined) pending?.reject(new Error(error));
      else pending?.resolve(value);
    },
  };
}

let importSequence = 0;
/** The export last opened, shown again when the reader comes back to /import in this tab. */
let lastOpened: OpenedExport | null = null;

/**
 * Opens an export file chosen or dropped by the reader: a worker reads it and keeps its events
 * (the page stays responsive whatever the file's size, and its heap holds only the rows shown),
 * and the result is a backend adapter asking that worker. Cancel stops the worker at once. Bad
 * input leaves the export already open as it is.
 */
export function useImport(): ImportState {
  const [opened, setOpened] = useState<OpenedExport | null>(lastOpened);
  const [reading, setReading] = useState<ImportProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  /** The worker reading a file not yet opened. */
  const readingWorker = useRef<Worker | null>(null);
  /** Counts attempts: answers for an earlier (cancelled, replaced) one are ignored. */
  const attempt = useRef(0);

  const stopReading = useCallback(() => {
    readingWorker.current?.terminate();
    readingWorker.current = null;
  }, []);
  useEffect(
    () => () => {
      attempt.current += 1;
      stopReading();
    },
    [stopReading],
  );

  const open = useCallback(
    (file: File) => {
      stopReading();
      attempt.current += 1;
      const mine = attempt.current;
      setProblem(null);
      setMessage('');
      const progress: ImportProgress = {
        fileName: file.name,
        fileSize: file.size,
        bytesRead: 0,
        records: 0,
      };
      setReading(progress);
      // Marks for profiles (and the e2e heartbeat): when reading began and when the log opened.
      performance.mark('fleetlog:import-start');
      const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
        type: 'module',
      });
      readingWorker.current = worker;
      const { source, onAnswer } = workerSource(worker);
      const fail = (text: string) => {
        if (attempt.current !== mine) return;
        stopReading();
        setReading(null);
        setProblem(text);
      };
      worker.onerror = (event) =>
        fail(`Could not read the file: ${event.message || 'the reader stopped'}.`);
      worker.onmessage = ({ data }: MessageEvent<ImportWorkerMessage>) => {
        if (data.type === 'answer') return onAnswer(data);
        if (attempt.current !== mine) return;
        if (data.type === 'failed') return fail(data.message);
        if (data.type === 'progress') {
          setReading({ ...progress, bytesRead: data.bytesRead, records: data.records });
          return;
        }
        importSequence += 1;
        openExportedLog({
          id: `import-${importSequence}`,
          identity: data.header,
          sampleRaw: data.sampleRaw,
          deviceId: data.header.deviceId,
          source,
        }).then(
          (adapter) => {
            if (attempt.current !== mine) return;
            // The worker now belongs to the opened export; the one opened before lets go.
            readingWorker.current = null;
            lastOpened?.close();
            lastOpened = {
              fileName: file.name,
              fileSize: file.size,
              header: data.header,
              adapter,
              records: data.records,
              malformed: data.malformed,
              truncated: data.truncated,
              close: () => worker.terminate(),
            };
            performance.mark('fleetlog:import-opened');
            setOpened(lastOpened);
            setReading(null);
          },
          (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
        );
      };
      worker.postMessage({ type: 'read', file } satisfies ImportWorkerRequest);
    },
    [stopReading],
  );

  const cancel = useCallback(() => {
    attempt.current += 1;
    stopReading();
    setReading(null);
    setMessage('Import cancelled; nothing was opened.');
  }, [stopReading]);

  return { opened, reading, problem, message, open, cancel };
}
