/**
 * Reads one slice of an export at a time off the page's main thread: its adapter parses each page,
 * maps the records, writes the lines and makes a Blob of them, and the page only moves bytes and
 * Blobs (docs/performance.md, "Export throughput, third round"). Several of these read different
 * slices of the view at once.
 *
 * The adapter is the same one the page uses (from the registry, by the backend's kind); its
 * requests go through the page (`fetch` / `response` messages): the server's policy for scripts
 * that are not pages allows this worker no connections and no further scripts, so it is bundled
 * whole.
 */
import { createAdapter } from '../../../backends/registry.ts';
import type { BackendAdapter, BackendInfo } from '../../../backends/types.ts';
import { eventMatchesText } from '../utils/match-text.ts';
import { BlobParts } from './blob-parts.ts';
import { encodeLines } from './export-format.ts';
import { exportPageReader, readSlice } from './export-slices.ts';
import type { ExportWorkerMessage, ExportWorkerRequest } from './export-worker-messages.ts';

/** Characters of text per Blob piece (as the page's own export writes them). */
const PIECE_CHARS = 64 * 1024;

/** One encoder and buffer for every page this worker writes. */
const bytes = new BlobParts();

/** The parts of a dedicated worker's global scope used here (the DOM typings describe a page). */
const scope = self as unknown as {
  postMessage(message: ExportWorkerMessage): void;
  onmessage: ((message: MessageEvent<ExportWorkerRequest>) => void) | null;
};
const post = (message: ExportWorkerMessage) => scope.postMessage(message);

const answers = new Map<
  number,
  (answer: Extract<ExportWorkerRequest, { type: 'response' }>) => void
>();
let nextRequest = 0;

/** The adapter's `fetch`, done by the page. A request that failed on the way is a TypeError, as fetch's. */
function pageFetch(url: string, init: RequestInit): Promise<Response> {
  const id = (nextRequest += 1);
  const headers = [...new Headers(init.headers).entries()];
  return new Promise((resolve, reject) => {
    answers.set(id, (answer) => {
      answers.delete(id);
      if (answer.status === undefined) return reject(new TypeError('Failed to fetch'));
      resolve(
        new Response(answer.body ?? null, { status: answer.status, headers: answer.headers }),
      );
    });
    post({ type: 'fetch', id, url, headers });
  });
}

let adapter: { info: BackendInfo; adapter: Promise<BackendAdapter> } | null = null;
// Never aborted: the page ends the worker to cancel.
const running = new AbortController();

async function read(request: Extract<ExportWorkerRequest, { type: 'read' }>) {
  if (!adapter || adapter.info.id !== request.info.id)
    adapter = { info: request.info, adapter: createAdapter(request.info, pageFetch) };
  const backend = await adapter.adapter;
  const needle = request.needle;
  await readSlice(exportPageReader(backend, running.signal), request.slice, (page) => {
    const events = needle
      ? page.events.filter((event) => eventMatchesText(event, needle))
      : page.events;
    for (const piece of encodeLines(events, request.format, request.deviceId, PIECE_CHARS))
      bytes.add(piece);
    const blobs = bytes.take();
    post({
      type: 'part',
      data: blobs.length === 1 ? blobs[0]! : new Blob(blobs),
      events: events.length,
    });
  });
}

scope.onmessage = ({ data }) => {
  if (data.type === 'response') return answers.get(data.id)?.(data);
  read(data).then(
    () => post({ type: 'done' }),
    (error: unknown) =>
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
