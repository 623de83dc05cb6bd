export interface SortHeaderProps {
  label: string;
  /** The column's order when the list is sorted by it. */
  direction?: 'asc' | 'desc';
  /** Absent when the backend cannot sort by this column: the header is plain text. */
  onSort?: () => void;
  /** What a click will sort by (e.g. "Name, Z to A"), for the tooltip. */
  nextLabel?: string;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A column header that sorts: a button (keyboard operable, named by the column) inside a
 * `<th aria-sort>` that tells assistive technology the current order.
 */
export function SortHeader({ label, direction, onSort, nextLabel }: SortHeaderProps) {
  return (
    <th
      scope="col"
      aria-sort={direction ? ARIA_SORT[direction] : undefined}
      className="px-3 py-2 font-semibold tracking-wide whitespace-nowrap"
    >
      {onSort ? (
        <button
          type="button"
          onClick={onSort}
          title={nextLabel ? `Sort: ${nextLabel}` : undefined}
          className={`-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900 ${
            direction ? 'text-slate-900' : ''
          }`}
        >
          {label}
          <span aria-hidden="true" className={direction ? '' : 'text-slate-400'}>
            {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
