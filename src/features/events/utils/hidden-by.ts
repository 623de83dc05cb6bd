import type { DeviceEvent, EventVocabulary } from '../../../backends/types.ts';
import type { EventListFilters } from '../api/event-queries.ts';
import type { EventLogSearch } from './event-log-search.ts';
import { filterEventsByText } from './match-text.ts';
import type { ResolvedRange } from './page-window.ts';

export interface HidingFilter {
  /** Names the filter as the toolbar does. */
  label: string;
  /** What clearing it writes to the URL. */
  clear: Partial<EventLogSearch>;
}

/** The view's filters that leave `event` out of the list (none when it is shown). */
export function filtersHiding(
  event: DeviceEvent,
  vocabulary: EventVocabulary,
  filters: EventListFilters,
  range: ResolvedRange,
  needle: string | undefined,
): HidingFilter[] {
  const hiding: HidingFilter[] = [];
  if (filters.levels.length > 0 && !filters.levels.includes(event.level))
    hiding.push({
      label: `${vocabulary.levels.title} (${filters.levels.join(', ')})`,
      clear: { levels: [] },
    });
  const code = filters.code;
  if (code !== undefined && code !== event.code && !code.endsWith(`:${event.code}`))
    hiding.push({
      label: `${vocabulary.codeFilter?.label ?? 'Code'} (${code})`,
      clear: { code: undefined },
    });
  if (
    (range.from !== undefined && event.time < range.from) ||
    (range.to !== undefined && event.time > range.to)
  )
    hiding.push({ label: 'From/To range', clear: { from: undefined, to: undefined } });
  if (needle && filterEventsByText([event], needle).length === 0)
    hiding.push({ label: `text search “${needle}”`, clear: { q: undefined } });
  return hiding;
}
