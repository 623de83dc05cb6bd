import type { BackendInfo } from '../../../backends/types.ts';
import type { SliceReader } from './export-events.ts';
import type { ExportFormat } from './export-format.ts';
import type { ExportWorkerMessage, ExportWorkerRequest } from './export-worker-messages.ts';

/**
 * Slices read at once: one per core, at least two (a reader waits on the network part of the
 * time) and at most four (each is a worker with its own copy of the adapter).
 */
export function exportReaderCount(): number {
  const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency || 0;
  return Math.min(4, Math.max(2, cores));
}

export interface WorkerReaderOptions {
  info: BackendInfo;
  format: ExportFormat;
  deviceId: string;
  needle?: string;
}

/**
 * A slice reader backed by a worker of its own (export-worker.ts), started on its first slice and
 * ended by `close` or Cancel. The page does the worker's requests: a fetch and the body read as
 * bytes, handed to the worker without a copy, so parsing and encoding never touch the main thread.
 */
export function workerSliceReader(options: WorkerReaderOptions): SliceReader {
  let worker: Worker | null = null;
  const close = () => {
    worker?.terminate();
    worker = null;
  };
  return {
    close,
    read(slice, onPart, signal) {
      return new Promise<void>((resolve, reject) => {
        signal.throwIfAborted();
        worker ??= new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
        const mine = worker;
        const send = (message: ExportWorkerRequest, transfer: Transferable[] = []) =>
          mine.postMessage(message, transfer);
        const requests = new AbortController();
        const finish = (error?: unknown) => {
          signal.removeEventListener('abort', onAbort);
          mine.onmessage = null;
          mine.onerror = null;
          requests.abort();
          if (error === undefined) resolve();
          else reject(error);
        };
        const onAbort = () => {
          // Its requests and work end with it.
          close();
          finish(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        mine.onerror = (event) => {
          event.preventDefault();
          close();
          finish(new Error(`The export's reader stopped: ${event.message || 'unknown error'}`));
        };
        mine.onmessage = ({ data }: MessageEvent<ExportWorkerMessage>) => {
          switch (data.type) {
            case 'part':
              return onPart({ data: data.data, events: data.events });
            case 'done':
              return finish();
            case 'failed':
              return finish(new Error(data.message));
            case 'fetch':
              fetch(data.url, { headers: data.headers, signal: requests.signal })
                .then(async (response) => {
                  const body = await response.arrayBuffer();
                  send(
                    {
                      type: 'response',
                      id: data.id,
                      status: response.status,
                      headers: [...response.headers.entries()],
                      body,
                    },
                    [body],
                  );
                })
                .catch(() => send({ type: 'response', id: data.id }));
          }
        };
        send({
          type: 'read',
          info: options.info,
          slice,
          format: options.format,
          deviceId: options.deviceId,
          ...(options.needle ? { needle: options.needle } : {}),
        });
      });
    },
  };
}
