import { memo } from 'react';
import type { DeviceEvent } from '../../../backends/types.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import type { EventColumns } from './event-columns.tsx';

export const ROW_HEIGHT = 36;

export interface EventRowProps {
  event: DeviceEvent;
  /** Absolute row index in the log. */
  index: number;
  columns: EventColumns;
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
        } else if (
          ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(keyEvent.key)
        ) {
          keyEvent.preventDefault();
          onKeyNavigate(index, keyEvent.key);
        }
      }}
      className={`absolute inset-x-0 top-0 grid cursor-pointer [contain:strict] items-center gap-3 border-b border-slate-100 px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-inset ${
        selected ? 'bg-blue-100' : failure ? 'bg-red-50 hover:bg-red-100' : 'hover:bg-slate-50'
      }`}
      style={{
        height: ROW_HEIGHT,
        transform: `translateY(${index * ROW_HEIGHT}px)`,
        gridTemplateColumns: columns.template,
      }}
    >
      {columns.list.map((column) => (
        <div key={column.id} role="gridcell" className="truncate" title={column.title?.(event)}>
          {column.cell(event, tz)}
        </div>
      ))}
    </div>
  );
});

export interface PlaceholderRowProps {
  index: number;
  columns: EventColumns;
  label: string;
}

/** A row not held in memory (evicted above, or the next page on its way). */
export function PlaceholderRow({ index, columns, label }: PlaceholderRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="absolute inset-x-0 top-0 grid items-center px-3 text-sm text-slate-400 [contain:strict]"
      style={{
        height: ROW_HEIGHT,
        transform: `translateY(${index * ROW_HEIGHT}px)`,
        gridTemplateColumns: columns.template,
      }}
    >
      <div role="gridcell" className="col-span-full truncate">
        {label}
      </div>
    </div>
  );
}
