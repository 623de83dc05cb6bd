import { lazy, Suspense, useState } from 'react';
import type { ExportState } from './use-export.ts';

// The format choice and the progress bar load with the first click on Export: they are not part of
// the script an Event log link waits for (docs/performance.md, the JavaScript budget).
const ExportPanel = lazy(async () => ({
  default: (await import('./export-panel.tsx')).ExportPanel,
}));

export interface ExportMenuProps {
  exporter: ExportState;
}

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100';

/** Export (CSV or NDJSON) of every event the view matches, with progress and Cancel. */
export function ExportMenu({ exporter }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const { running, message } = exporter;
  return (
    <div className="relative flex items-center gap-2">
      <button
        type="button"
        aria-expanded={open}
        disabled={running !== null}
        onClick={() => setOpen(!open)}
        className={buttonClass}
      >
        Export
      </button>
      {(open || running !== null) && (
        <Suspense fallback={null}>
          <ExportPanel exporter={exporter} open={open} onChosen={() => setOpen(false)} />
        </Suspense>
      )}
      {/* In the page from the start, so that screen readers announce what it says later. */}
      <span aria-live="polite" className="text-xs text-slate-600">
        {message}
      </span>
    </div>
  );
}
