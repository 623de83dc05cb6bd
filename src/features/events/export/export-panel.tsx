import { formatCount } from '../../../lib/format-count.ts';
import type { ExportRun, ExportState } from './use-export.ts';

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100';

/** What the progress bar says: events so far (of how many), pages, and a time estimate. */
export function describeProgress(run: ExportRun): string {
  const seconds = run.elapsedMs / 1000;
  const of = run.total === null ? '' : ` of ${formatCount(run.total)}`;
  let text = `${formatCount(run.events)}${of} events, ${formatCount(run.pages)} ${
    run.pages === 1 ? 'page' : 'pages'
  }`;
  if (run.total !== null && run.events > 0 && seconds > 0.5) {
    const left = Math.max(0, Math.ceil(((run.total - run.events) * seconds) / run.events));
    text += `, about ${left} s left`;
  }
  return text;
}

/**
 * What the Export button opens, and the run's progress with Cancel: loaded with the first click
 * on Export (see ExportMenu), not with the Event log.
 */
export function ExportPanel({
  exporter,
  open,
  onChosen,
}: {
  exporter: ExportState;
  open: boolean;
  onChosen: () => void;
}) {
  const { running } = exporter;
  return (
    <>
      {open && running === null && (
        <div
          role="group"
          aria-label="Export format"
          className="absolute top-full right-0 z-10 mt-1 flex gap-1 rounded border border-slate-300 bg-white p-1 shadow"
        >
          {(['csv', 'ndjson'] as const).map((format) => (
            <button
              key={format}
              type="button"
              onClick={() => {
                onChosen();
                exporter.start(format);
              }}
              className={buttonClass}
            >
              {format === 'csv' ? 'CSV' : 'NDJSON'}
            </button>
          ))}
        </div>
      )}
      {running && <ExportProgressBar run={running} onCancel={exporter.cancel} />}
    </>
  );
}

function ExportProgressBar({ run, onCancel }: { run: ExportRun; onCancel: () => void }) {
  const text = describeProgress(run);
  const max = run.total ?? undefined;
  return (
    <>
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={max === undefined ? undefined : Math.min(run.events, max)}
        aria-valuetext={text}
        className="flex items-center gap-2 text-xs text-slate-700"
      >
        {max !== undefined && (
          <span className="h-2 w-24 overflow-hidden rounded bg-slate-200">
            <span
              className="block h-full bg-blue-600"
              style={{ width: `${max === 0 ? 100 : Math.min(100, (run.events * 100) / max)}%` }}
            />
          </span>
        )}
        <span>{text}</span>
      </div>
      <button type="button" onClick={onCancel} className={buttonClass}>
        Cancel
      </button>
    </>
  );
}
