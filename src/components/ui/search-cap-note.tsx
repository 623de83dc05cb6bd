import { SEARCH_TEXT_MAX, searchCapMessage } from '../../lib/search-text.ts';

export interface SearchCapNoteProps {
  id: string;
  length: number;
}

/** Under a search box whose text reached the cap: says the text was cut, not silently. */
export function SearchCapNote({ id, length }: SearchCapNoteProps) {
  if (length < SEARCH_TEXT_MAX) return null;
  return (
    <span id={id} className="text-xs font-normal text-amber-800">
      {searchCapMessage}
    </span>
  );
}
