import { useCallback, useEffect, useRef, useState } from 'react';
import {
  openExportedLog,
  type EventStore,
  type StoredEvent,
} from '../../../backends/imported-log.ts';
import type { BackendAdapter } from '../../../backends/types.ts';
import type { ExportHeader } from './export-reader.ts';
import type { ImportWorkerMessage } from './import-messages.ts';

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
  /** What the last finished or cancelled attempt did. */
  message: string;
  open: (file: File) => void;
  cancel: () => void;
}

/** Strings the grid shows over and over (levels, codes, descriptions) kept once each. */
function interner() {
  const strings = new Map<string, string>();
  return (text: string) => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
}

/** Byte offsets and lengths of the records' lines, as they arrive. */
function growableSpans() {
  let values = new Float64Array(1 << 16);
  let length = 0;
  return {
    append(batch: Float64Array) {
      if (length + batch.length > values.length) {
        const grown = new Float64Array(Math.max(values.length * 2, length + batch.length));
        grown.set(values.subarray(0, length));
        values = grown;
      }
      values.set(batch, length);
      length += batch.length;
    },
    view: () => values.subarray(0, length),
  };
}

let importSequence = 0;
/** The export last opened, shown again when the reader comes back to /import in this tab. */
let lastOpened: OpenedExport | null = null;

async function openedExport(
  file: File,
  events: StoredEvent[],
  spans: Float64Array,
  done: Extract<ImportWorkerMessage, { type: 'done' }>,
): Promise<OpenedExport> {
  const { header, oldestFirst } = done;
  // Plain loops: a few milliseconds for a few hundred thousand records.
  const count = events.length;
  const ordered: StoredEvent[] = oldestFirst ? new Array<StoredEvent>(count) : events;
  const offsets = new Float64Array(count);
  const lengths = new Float64Array(count);
  for (let at = 0; at < count; at++) {
    const index = oldestFirst ? oldestFirst[at]! : at;
    if (oldestFirst) ordered[at] = events[index]!;
    offsets[at] = spans[2 * index]!;
    lengths[at] = spans[2 * index + 1]!;
  }
  performance.mark('fleetlog:import-ordered');
  const store: EventStore = {
    events: ordered,
    // The record's line, read again from the file: raw records are not held in memory.
    readRaw: async (index) => {
      const offset = offsets[index]!;
      const text = await file.slice(offset, offset + lengths[index]!).text();
      return (JSON.parse(text) as { raw: unknown }).raw;
    },
  };
  importSequence += 1;
  return {
    fileName: file.name,
    fileSize: file.size,
    header,
    adapter: await openExportedLog({
      id: `import-${importSequence}`,
      identity: header,
      sampleRaw: done.sampleRaw,
      deviceId: header.deviceId,
      store,
    }),
    records: done.records,
    malformed: done.malformed,
    truncated: done.truncated,
  };
}

/**
 * Opens an export file chosen or dropped by the reader: a worker reads it (the page stays
 * responsive whatever its size), the page keeps the events for the grid, and the result is a
 * backend adapter over them. Cancel stops the worker at once.
 */
export function useImport(): ImportState {
  const [opened, setOpened] = useState<OpenedExport | null>(lastOpened);
  const [reading, setReading] = useState<ImportProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const worker = useRef<Worker | null>(null);
  /** Counts attempts: answers for an earlier (cancelled, replaced) one are ignored. */
  const attempt = useRef(0);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(
    () => () => {
      attempt.current += 1;
      stop();
    },
    [stop],
  );

  const open = useCallback(
    (file: File) => {
      stop();
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
      // Marks for profiles (and the e2e heartbeat): when reading began, ended, and opened.
      performance.mark('fleetlog:import-start');
      const events: StoredEvent[] = [];
      const spans = growableSpans();
      const intern = interner();
      const reader = new Worker(new URL('./import-worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current = reader;
      const fail = (text: string) => {
        if (attempt.current !== mine) return;
        stop();
        setReading(null);
        setProblem(text);
      };
      reader.onerror = (event) =>
        fail(`Could not read the file: ${event.message || 'the reader stopped'}.`);
      reader.onmessage = ({ data }: MessageEvent<ImportWorkerMessage>) => {
        if (attempt.current !== mine) return;
        if (data.type === 'failed') return fail(data.message);
        if (data.type === 'progress') {
          for (const event of data.events) {
            event.level = intern(event.level);
            event.code = intern(event.code);
            event.description = intern(event.description);
            if (event.rawLevel !== undefined) event.rawLevel = intern(event.rawLevel);
            if (event.category !== undefined) event.category = intern(event.category);
            if (event.deviceId !== undefined) event.deviceId = intern(event.deviceId);
            events.push(event);
          }
          spans.append(data.spans);
          setReading({ ...progress, bytesRead: data.bytesRead, records: events.length });
          return;
        }
        stop();
        performance.mark('fleetlog:import-read');
        openedExport(file, events, spans.view(), data).then(
          (result) => {
            if (attempt.current !== mine) return;
            lastOpened = result;
            performance.mark('fleetlog:import-opened');
            setOpened(result);
            setReading(null);
          },
          (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
        );
      };
      reader.postMessage({ file });
    },
    [stop],
  );

  const cancel = useCallback(() => {
    attempt.current += 1;
    stop();
    setReading(null);
    setMessage('Import cancelled; nothing was opened.');
  }, [stop]);

  return { opened, reading, problem, message, open, cancel };
}
