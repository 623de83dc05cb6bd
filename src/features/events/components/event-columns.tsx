import type { ReactNode } from 'react';
import type { BackendKind, DeviceEvent } from '../../../backends/types.ts';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { formatEventTime } from '../utils/format-time.ts';
import { LevelBadge } from './level-badge.tsx';

/**
 * Column definitions at module scope: rows are memoised, and a definition that changed identity on
 * every render would rebuild every row each time a page arrives.
 */
export interface EventColumn {
  id: string;
  header: (kind: BackendKind) => string;
  /** CSS grid track. */
  track: string;
  kinds: readonly BackendKind[];
  cell: (event: DeviceEvent, tz: TimeZoneSetting) => ReactNode;
  /** Plain text for the cell's tooltip when it may be cut off. */
  title?: (event: DeviceEvent) => string;
}

const BOTH: readonly BackendKind[] = ['pelion', 'aliyun'];

export const EVENT_COLUMNS: readonly EventColumn[] = [
  {
    id: 'time',
    header: () => 'Time',
    track: '12rem',
    kinds: BOTH,
    cell: (event, tz) => (
      <time dateTime={new Date(event.time).toISOString()}>{formatEventTime(event.time, tz)}</time>
    ),
  },
  {
    id: 'level',
    header: (kind) => (kind === 'pelion' ? 'Message type' : 'EventType'),
    track: '6.5rem',
    kinds: BOTH,
    cell: (event) => <LevelBadge level={event.level} rawLevel={event.rawLevel} />,
  },
  {
    id: 'code',
    header: (kind) => (kind === 'pelion' ? 'Code' : 'Identifier'),
    track: 'minmax(7.5rem, 11rem)',
    kinds: BOTH,
    cell: (event) => <span className="font-mono">{event.code}</span>,
    title: (event) => event.code,
  },
  {
    id: 'category',
    header: () => 'Category',
    track: 'minmax(4rem, 12rem)',
    kinds: ['pelion'],
    cell: (event) => event.category ?? '',
    title: (event) => event.category ?? '',
  },
  {
    id: 'description',
    header: (kind) => (kind === 'pelion' ? 'Description' : 'Name'),
    track: 'minmax(5rem, 1fr)',
    kinds: BOTH,
    cell: (event) => event.description,
    title: (event) => event.description,
  },
  {
    id: 'stateChange',
    header: () => 'State change',
    track: '6.5rem',
    kinds: ['pelion'],
    cell: (event) => (event.stateChange === undefined ? '' : event.stateChange ? 'Yes' : 'No'),
  },
];

export const COLUMNS_BY_KIND: Record<BackendKind, readonly EventColumn[]> = {
  pelion: EVENT_COLUMNS.filter((column) => column.kinds.includes('pelion')),
  aliyun: EVENT_COLUMNS.filter((column) => column.kinds.includes('aliyun')),
};

export const GRID_TEMPLATE_BY_KIND: Record<BackendKind, string> = {
  pelion: COLUMNS_BY_KIND.pelion.map((column) => column.track).join(' '),
  aliyun: COLUMNS_BY_KIND.aliyun.map((column) => column.track).join(' '),
};
