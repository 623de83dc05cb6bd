import { useId, useState } from 'react';
import { SearchCapNote } from '../../../components/ui/search-cap-note.tsx';
import { SEARCH_TEXT_MAX } from '../../../lib/search-text.ts';

export interface TextSearchFieldProps {
  value: string | undefined;
  onChange: (value: string) => void;
}

/** Free text over the loaded events; the draft stays local so trimming never fights the cursor. */
export function TextSearchField({ value, onChange }: TextSearchFieldProps) {
  const capId = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [lastValue, setLastValue] = useState(value);
  if (lastValue !== value) {
    setLastValue(value);
    if (draft.trim() !== (value ?? '')) setDraft(value ?? '');
  }
  return (
    <label className="flex flex-wrap items-center gap-x-1.5 text-xs font-semibold text-slate-600">
      Search loaded events
      <input
        type="search"
        data-search-shortcut=""
        value={draft}
        maxLength={SEARCH_TEXT_MAX}
        aria-describedby={draft.length >= SEARCH_TEXT_MAX ? capId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(event.target.value);
        }}
        className="w-36 max-w-full rounded border border-slate-300 px-2 py-0.5 text-sm font-normal text-slate-900"
      />
      <SearchCapNote id={capId} length={draft.length} />
    </label>
  );
}
