import { BlobParts } from './blob-parts.ts';
import type { ExportFormat } from './export-format.ts';
import type { ExportSink } from './export-events.ts';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  ndjson: 'application/x-ndjson',
};

interface SaveFilePicker {
  (options: {
    suggestedName: string;
    types: Array<{ description: string; accept: Record<string, string[]> }>;
  }): Promise<{ createWritable(): Promise<WritableLike> }>;
}
interface WritableLike {
  write(data: string | Blob): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** The File System Access API's save dialog, where the browser has one (Chromium). */
function savePicker(): SaveFilePicker | undefined {
  const candidate = (window as unknown as { showSaveFilePicker?: SaveFilePicker })
    .showSaveFilePicker;
  return typeof candidate === 'function' ? candidate.bind(window) : undefined;
}

/**
 * A file the reader picks, written page by page as the export runs
 * (https://developer.mozilla.org/docs/Web/API/Window/showSaveFilePicker). Must be called from the
 * click that starts the export. Resolves null when the reader closes the dialog.
 */
export async function pickedFileSink(
  fileName: string,
  format: ExportFormat,
): Promise<ExportSink | null> {
  const picker = savePicker();
  if (!picker) throw new Error('no save dialog');
  try {
    const handle = await picker({
      suggestedName: fileName,
      types: [
        {
          description: format.toUpperCase(),
          accept: { [MIME[format].split(';')[0]!]: [`.${format}`] },
        },
      ],
    });
    const writable = await handle.createWritable();
    return {
      write: (data) => writable.write(data),
      close: () => writable.close(),
      abort: () => writable.abort(),
    };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

export const canPickFile = () => savePicker() !== undefined;

/**
 * A download assembled from Blob parts: each page becomes a Blob as it arrives and its text is
 * let go, and the browser keeps blob data outside the JS heap (Chromium moves large blob data to
 * disk), so the page never holds the file as one string. The download starts when all parts are in.
 */
export function downloadSink(fileName: string, format: ExportFormat): ExportSink {
  let parts: Blob[] = [];
  // Text as UTF-8 bytes in parts of about a megabyte (blob-parts.ts); a slice reader's pages
  // arrive as Blobs already, and keep their place after the text written before them.
  let text = new BlobParts();
  return {
    write: (data) => {
      if (typeof data === 'string') text.add(data);
      else parts.push(...text.take(), data);
      return Promise.resolve();
    },
    close: () => {
      const file = new Blob([...parts, ...text.take()], { type: MIME[format] });
      parts = [];
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has its own reference to the data once started.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve();
    },
    abort: () => {
      parts = [];
      text = new BlobParts();
      return Promise.resolve();
    },
  };
}
