import { useEffect, useId, useState } from 'react';
import { useDebouncedCallback } from '../hooks/use-debounced-callback.ts';
import { SearchCapNote } from '../../../components/ui/search-cap-note.tsx';
import { SEARCH_TEXT_MAX } from '../../../lib/search-text.ts';

export interface DeviceSearchBoxProps {
  value: string;
  /** Called debounced while typing, and at once on Enter. */
  onSearch: (text: string) => void;
}

const DEBOUNCE_MS = 300;

export function DeviceSearchBox({ value, onSearch }: DeviceSearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedCallback(onSearch, DEBOUNCE_MS);

  // The URL can change under us (Back, "Clear filters"): follow it.
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }
  useEffect(() => debounced.cancel, [debounced]);

  return (
    <div className="flex min-w-64 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        Search devices
      </label>
      <input
        id={id}
        type="search"
        data-search-shortcut=""
        value={text}
        maxLength={SEARCH_TEXT_MAX}
        aria-describedby={text.length >= SEARCH_TEXT_MAX ? `${id}-cap` : undefined}
        placeholder="Part of a name or id"
        autoComplete="off"
        spellCheck={false}
        className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-400"
        onChange={(event) => {
          setText(event.target.value);
          debounced.run(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            debounced.cancel();
            onSearch(text);
          }
        }}
      />
      <SearchCapNote id={`${id}-cap`} length={text.length} />
    </div>
  );
}
