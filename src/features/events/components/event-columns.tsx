import type { ReactNode } from 'react';
import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import type { EventField } from '../../../backends/vocabulary.ts';
import { levelDescription } from '../../../backends/vocabulary.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { formatEventTime } from '../utils/format-time.ts';
import { LevelBadge } from './level-badge.tsx';

/**
 * The grid's columns for a vocabulary: Time, the level, then the vocabulary's fields. The
 * vocabulary gives each field's plain value; how a value is rendered is decided here, by its
 * `format`.
 */
export interface EventColumn {
  id: string;
  /** Header text; the Time column's header adds the time zone in the grid. */
  header: string;
  cell: (event: DeviceEvent, tz: TimeZoneSetting) => ReactNode;
  /** Plain text for the cell's tooltip when it may be cut off. */
  title?: (event: DeviceEvent) => string;
}

export interface EventColumns {
  list: readonly EventColumn[];
  /** CSS grid tracks of the header and every row. */
  template: string;
}

const TRACKS: Record<EventField['format'], string> = {
  code: 'minmax(7.5rem, 11rem)',
  label: 'minmax(4rem, 12rem)',
  text: 'minmax(5rem, 1fr)',
  flag: '6.5rem',
};

function fieldColumn(field: EventField): EventColumn {
  const { id, title: header, value, format } = field;
  if (format === 'code')
    return {
      id,
      header,
      cell: (event) => <span className="font-mono">{value(event)}</span>,
      title: value,
    };
  if (format === 'flag') return { id, header, cell: value };
  return { id, header, cell: value, title: value };
}

function buildColumns(vocabulary: EventVocabulary): EventColumns {
  const list: EventColumn[] = [
    {
      id: 'time',
      header: 'Time',
      cell: (event, tz) => (
        <time dateTime={new Date(event.time).toISOString()}>{formatEventTime(event.time, tz)}</time>
      ),
    },
    {
      id: 'level',
      header: vocabulary.levels.title,
      cell: (event) => (
        <LevelBadge level={levelDescription(vocabulary, event.level)} rawLevel={event.rawLevel} />
      ),
    },
    ...vocabulary.fields.map(fieldColumn),
  ];
  const tracks = ['12rem', '6.5rem', ...vocabulary.fields.map((field) => TRACKS[field.format])];
  return { list, template: tracks.join(' ') };
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
