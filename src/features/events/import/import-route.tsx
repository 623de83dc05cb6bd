import { useMemo } from 'react';
import { useMatch } from 'react-router';
import { BackendContext } from '../../../backends/use-backend.ts';
import { paths } from '../../../config/paths.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { EventLogView } from '../event-log-route.tsx';
import type { LogHref } from '../hooks/use-event-links.ts';
import { ExportChooser } from './export-chooser.tsx';
import { ImportedHeader } from './imported-header.tsx';
import { useImport, type ImportProgress } from './use-import.ts';

/** The opened file's log and its events live under /import. */
const importHref: LogHref = (eventId, search) =>
  eventId === undefined
    ? paths.importedLog.href(search)
    : paths.importedEvent.href(eventId, search);

/**
 * `/import`: an NDJSON export chosen or dropped here opens as a read-only Event log — the same
 * grid, filters and details — read entirely in this browser (the file is never uploaded).
 */
export function ImportRoute() {
  const eventId = useMatch(paths.importedEvent.pattern)?.params.eventId;
  const { opened, reading, problem, message, open, cancel } = useImport();
  useDocumentTitle(opened ? [opened.fileName, 'Imported export'] : ['Open an export']);
  const backend = useMemo(
    () => (opened ? { info: opened.adapter.info, adapter: opened.adapter } : null),
    [opened],
  );

  return (
    // Grows to the window's height like the Event log's own page, so the opened log's grid fills
    // what the file's header leaves (index.css, `[data-fill-viewport]`).
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      {opened ? (
        <ImportedHeader opened={opened} />
      ) : (
        <div>
          <h1 className="text-xl font-semibold">Open an export</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">
            An NDJSON file written by an Event log’s Export opens here as a read-only Event log,
            with the same filters and details. The file is read in this browser only: nothing is
            uploaded, so it can be handed to someone without access to the account.
          </p>
        </div>
      )}
      <ExportChooser onFile={open} compact={opened !== null} />
      {reading && <ReadingProgress progress={reading} onCancel={cancel} />}
      {problem !== null && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          {problem}
        </p>
      )}
      <p aria-live="polite" className="text-sm text-slate-700 empty:hidden">
        {message}
      </p>
      {opened && backend && (
        // Keyed: another file starts the log afresh (its own query keys, scroll and selection).
        <BackendContext key={backend.info.id} value={backend}>
          <EventLogView
            deviceId={opened.header.deviceId}
            eventId={eventId}
            logHref={importHref}
            readOnly
          />
        </BackendContext>
      )}
    </div>
  );
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

function ReadingProgress({
  progress,
  onCancel,
}: {
  progress: ImportProgress;
  onCancel: () => void;
}) {
  const { bytesRead, fileSize, records, fileName } = progress;
  const percent = fileSize === 0 ? 100 : Math.min(100, Math.round((bytesRead * 100) / fileSize));
  const text = `${megabytes(bytesRead)} of ${megabytes(fileSize)}, ${formatCount(records)} events read`;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
      <span>Reading {fileName}…</span>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="flex items-center gap-2"
      >
        <span className="h-2 w-40 overflow-hidden rounded bg-slate-200">
          <span className="block h-full bg-sky-700" style={{ width: `${percent}%` }} />
        </span>
        <span>{text}</span>
      </div>
      <button
        type="button"
        onClick={onCancel}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100"
      >
        Cancel
      </button>
    </div>
  );
}
