import type { ReactNode } from 'react';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import type { EventField } from '../../../backends/vocabulary.ts';
import { levelDescription } from '../../../backends/vocabulary.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { formatEventTime } from '../utils/format-time.ts';
import { LevelBadge } from './level-badge.tsx';

/**
 * The grid's columns for a vocabulary: Time, the level, then the vocabulary's fields. The
 * vocabulary gives each field's plain value; how a value is rendered, and how wide its column
 * starts, is decided here by its `format`. Which columns show, in which order and how wide is the
 * column model's (`column-model.ts`, @tanstack/react-table); this file only describes them.
 */
export interface EventColumn {
  id: string;
  /** Header text; the Time column's header adds the time zone in the grid. */
  header: string;
  cell: (event: DeviceEvent, tz: TimeZoneSetting) => ReactNode;
  /** Plain text for the cell's tooltip when it may be cut off. */
  title?: (event: DeviceEvent) => string;
  /** Width in CSS pixels until the reader resizes it. */
  size: number;
  /** Narrowest a resize may make it. */
  minSize: number;
  /** Takes the grid's spare width beyond its size (its size is then its minimum). */
  grow: boolean;
  /** The column chooser may hide it (Time stays: rows are read by it). */
  hideable: boolean;
}

export interface EventColumns {
  /** Every column of the vocabulary, in its default order. */
  list: readonly EventColumn[];
  /** Names the vocabulary in what the browser remembers (chosen columns, widths). */
  storageKey: string;
}

/** The most a resize may make any column, in CSS pixels. */
export const MAX_COLUMN_SIZE = 1200;

// Pelion's six columns at these widths (1,220 px with gaps) fit a 1280 px window without
// sideways scrolling; with the details open the grid scrolls sideways instead of cutting them.
const SIZES: Record<EventField['format'], { size: number; minSize: number; grow: boolean }> = {
  code: { size: 176, minSize: 80, grow: false },
  label: { size: 192, minSize: 64, grow: false },
  text: { size: 360, minSize: 96, grow: true },
  flag: { size: 104, minSize: 56, grow: false },
};

function fieldColumn(field: EventField): EventColumn {
  const { id, title: header, value, format } = field;
  const sizing = { ...SIZES[format], hideable: true };
  if (format === 'code')
    return {
      id,
      header,
      cell: (event) => <span className="font-mono">{value(event)}</span>,
      title: value,
      ...sizing,
    };
  if (format === 'flag') return { id, header, cell: value, ...sizing };
  return { id, header, cell: value, title: value, ...sizing };
}

function buildColumns(vocabulary: EventVocabulary): EventColumns {
  const list: EventColumn[] = [
    {
      id: 'time',
      header: 'Time',
      cell: (event, tz) => (
        <time dateTime={new Date(event.time).toISOString()}>{formatEventTime(event.time, tz)}</time>
      ),
      size: 200,
      minSize: 120,
      grow: false,
      hideable: false,
    },
    {
      id: 'level',
      header: vocabulary.levels.title,
      cell: (event) => (
        <LevelBadge level={levelDescription(vocabulary, event.level)} rawLevel={event.rawLevel} />
      ),
      size: 104,
      minSize: 64,
      grow: false,
      hideable: true,
    },
    ...vocabulary.fields.map(fieldColumn),
  ];
  return { list, storageKey: vocabulary.storageKey };
}

// Built once per vocabulary: rows are memoised, and columns that changed identity on every render
// would rebuild every row each time a page arrives.
const built = new WeakMap<EventVocabulary, EventColumns>();

export function eventColumnsFor(vocabulary: EventVocabulary): EventColumns {
  let columns = built.get(vocabulary);
  if (!columns) {
    columns = buildColumns(vocabulary);
    built.set(vocabulary, columns);
  }
  return columns;
}

/**
 * What the grid renders: the shown columns in order, and each one's width. Rows re-render when
 * `columns` changes (a column shown or hidden, moved); a width change only changes the CSS grid
 * template the header and rows share (`gridTemplate`), so resizing does not render rows again.
 */
export interface ColumnLayout {
  columns: readonly EventColumn[];
  sizes: Readonly<Record<string, number>>;
}

/** Every column at its own width: what the server renders, and the column model with no choices. */
export function defaultLayout(columns: EventColumns): ColumnLayout {
  return {
    columns: columns.list,
    sizes: Object.fromEntries(columns.list.map((column) => [column.id, column.size])),
  };
}

/** Horizontal padding of a row and the gap between its cells, in CSS pixels. */
export const ROW_PADDING_X = 12;
export const CELL_GAP = 12;

const sizeOf = (layout: ColumnLayout, column: EventColumn) =>
  layout.sizes[column.id] ?? column.size;

/** The CSS grid tracks of the header and every row. */
export function gridTemplate(layout: ColumnLayout): string {
  return layout.columns
    .map((column) => {
      const size = `${sizeOf(layout, column)}px`;
      return column.grow ? `minmax(${size}, 1fr)` : size;
    })
    .join(' ');
}

/** The narrowest the rows may be: every column at its width; a narrower grid scrolls sideways. */
export function rowMinWidth(layout: ColumnLayout): number {
  const cells = layout.columns.reduce((sum, column) => sum + sizeOf(layout, column), 0);
  return cells + CELL_GAP * Math.max(0, layout.columns.length - 1) + 2 * ROW_PADDING_X;
}
