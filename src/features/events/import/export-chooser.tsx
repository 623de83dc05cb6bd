import { useId, useState, type DragEvent } from 'react';

export interface ExportChooserProps {
  onFile: (file: File) => void;
  /** A file is open: the chooser offers another one, in less room. */
  compact: boolean;
}

/** The file chooser ("Choose an export") inside a zone a file can also be dropped on. */
export function ExportChooser({ onFile, compact }: ExportChooserProps) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed ${
        over ? 'border-sky-600 bg-sky-50' : 'border-slate-300 bg-white'
      } ${compact ? 'px-3 py-2' : 'px-6 py-10'}`}
    >
      <p className="text-sm text-slate-700">
        {compact ? 'Open another file here, or' : 'Drop an NDJSON export file here, or'}
      </p>
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
        Choose an export
      </label>
      <input
        id={inputId}
        type="file"
        accept=".ndjson,.jsonl,.json,application/x-ndjson,application/json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again opens it again.
          event.target.value = '';
          if (file) onFile(file);
        }}
        className="text-sm file:mr-2 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1 file:text-sm file:font-medium hover:file:bg-slate-100"
      />
    </div>
  );
}
