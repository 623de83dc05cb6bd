import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { DeviceEvent } from '../../../backends/types.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import type { EventColumn } from './event-columns.tsx';

import { ROW_HEIGHT } from './row-height.ts';

export { ROW_HEIGHT };

export interface EventRowProps {
  event: DeviceEvent;
  /** Absolute row index in the log. */
  index: number;
  /** The columns shown, in order (their widths are the grid's `--event-cols`). */
  columns: readonly EventColumn[];
  tz: TimeZoneSetting;
  selected: boolean;
  tabbable: boolean;
  onOpen: (event: DeviceEvent) => void;
  onKeyNavigate: (index: number, key: string) => void;
}

/**
 * One event. Every prop is stable for an unchanged row (its offset is index × fixed height), so
 * appending a page renders only the new rows.
 */
export const EventRow = memo(function EventRow({
  event,
  index,
  columns,
  tz,
  selected,
  tabbable,
  onOpen,
  onKeyNavigate,
}: EventRowProps) {
  const failure = event.isFailure;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-event-id={event.id}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onOpen(event)}
      onKeyDown={(keyEvent) => {
        if (keyEvent.key === 'Enter' || keyEvent.key === ' ') {
          keyEvent.preventDefault();
          onOpen(event);
        } else navigateByKey(keyEvent, index, onKeyNavigate);
      }}
      className={`absolute inset-x-0 top-0 grid [grid-template-columns:var(--event-cols)] cursor-pointer [contain:strict] items-center gap-3 border-b border-slate-100 px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-inset ${
        selected ? 'bg-blue-100' : failure ? 'bg-red-50 hover:bg-red-100' : 'hover:bg-slate-50'
      }`}
      style={{
        height: ROW_HEIGHT,
        transform: `translateY(${index * ROW_HEIGHT}px)`,
      }}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          data-column={column.id}
          className="truncate"
          title={column.title?.(event)}
        >
          {column.cell(event, tz)}
        </div>
      ))}
    </div>
  );
});

/** Arrows, PageUp/PageDown, Home/End and j/k (down/up) move between rows. */
function navigateByKey(
  keyEvent: KeyboardEvent<HTMLDivElement>,
  index: number,
  onKeyNavigate: (index: number, key: string) => void,
) {
  if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
  const key = keyEvent.key === 'j' ? 'ArrowDown' : keyEvent.key === 'k' ? 'ArrowUp' : keyEvent.key;
  if (!['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(key)) return;
  keyEvent.preventDefault();
  onKeyNavigate(index, key);
}

export interface PlaceholderRowProps {
  index: number;
  label: string;
  tabbable: boolean;
  onKeyNavigate: (index: number, key: string) => void;
}

/**
 * A row not held in memory (evicted above, or the next page on its way). It takes focus like an
 * event row (End lands on it while the last page loads), so focus never falls out of the grid.
 */
export function PlaceholderRow({ index, label, tabbable, onKeyNavigate }: PlaceholderRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={(keyEvent) => navigateByKey(keyEvent, index, onKeyNavigate)}
      className="absolute inset-x-0 top-0 grid [grid-template-columns:var(--event-cols)] items-center px-3 text-sm text-slate-400 outline-none [contain:strict] focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-inset"
      style={{
        height: ROW_HEIGHT,
        transform: `translateY(${index * ROW_HEIGHT}px)`,
      }}
    >
      <div role="gridcell" className="col-span-full truncate">
        {label}
      </div>
    </div>
  );
}

export interface PlaceholderRunProps {
  first: number;
  last: number;
  /** Shown on its first row; none when the row above says it. */
  label: string | null;
}

/**
 * Rows not held, from `first` to `last`, as one block (see `row-plan.ts`): hidden from assistive
 * technology (the grid's `aria-rowcount` and the rows' `aria-rowindex` tell where rows are
 * missing). The first row in view is always a row of its own, and says what is on its way.
 */
export function PlaceholderRun({ first, last, label }: PlaceholderRunProps) {
  return (
    <div
      aria-hidden="true"
      data-placeholder-rows={`${first}-${last}`}
      className="absolute inset-x-0 top-0 text-sm text-slate-400 [contain:strict]"
      style={{
        height: (last - first + 1) * ROW_HEIGHT,
        transform: `translateY(${first * ROW_HEIGHT}px)`,
      }}
    >
      {label !== null && (
        <div className="truncate px-3" style={{ lineHeight: `${ROW_HEIGHT}px` }}>
          {label}
        </div>
      )}
    </div>
  );
}
