import { useId, useState } from 'react';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { normaliseTypedBound } from '../utils/time-bound.ts';

export interface TimeBoundFieldProps {
  label: 'From' | 'To';
  value: string | undefined;
  tz: TimeZoneSetting;
  onCommit: (value: string | undefined) => void;
}

/**
 * Takes the URL's own forms (an ISO instant, `now`, `now-24h`) and also a plain date-time, read in
 * the view's time zone. Commits on Enter or when leaving the field, so half-typed text never
 * becomes a query.
 */
export function TimeBoundField({ label, value, tz, onCommit }: TimeBoundFieldProps) {
  const [draft, setDraft] = useState(value ?? '');
  const [shownValue, setShownValue] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(value ?? '');
    setInvalid(false);
  }

  const commit = () => {
    if (draft.trim() === '') {
      setInvalid(false);
      if (value !== undefined) onCommit(undefined);
      return;
    }
    const next = normaliseTypedBound(draft, tz);
    setInvalid(next === null);
    if (next !== null && next !== value) onCommit(next);
  };

  return (
    <label className="flex flex-wrap items-center gap-x-1.5 text-xs font-semibold text-slate-600">
      {label}
      <input
        type="text"
        inputMode="text"
        value={draft}
        placeholder={label === 'From' ? 'e.g. now-7d' : 'now'}
        aria-invalid={invalid}
        aria-describedby={invalid ? hintId : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        className={`w-36 rounded border px-2 py-0.5 font-mono text-sm font-normal text-slate-900 ${invalid ? 'border-red-500' : 'border-slate-300'}`}
      />
      {invalid && (
        <span id={hintId} className="basis-full font-normal text-red-700">
          Use an instant like 2026-01-31T12:00:00Z or now-24h.
        </span>
      )}
    </label>
  );
}
