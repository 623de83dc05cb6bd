import { memo } from 'react';
import type { BackendInfo, EventDefinition } from '../../../backends/types.ts';
import type { UrlStateUpdateOptions } from '../../../lib/use-url-state.ts';
import type { EventLogSearch } from '../utils/event-log-search.ts';
import { EVENT_TYPES, MESSAGE_TYPES } from '../utils/event-log-search.ts';
import { LevelFilterGroup } from './level-filter-group.tsx';
import { TextSearchField } from './text-search-field.tsx';
import { TimeBoundField } from './time-bound-field.tsx';
import { TimeRangePresets } from './time-range-presets.tsx';

export interface EventLogToolbarProps {
  info: BackendInfo;
  search: EventLogSearch;
  update: (patch: Partial<EventLogSearch>, options?: UrlStateUpdateOptions) => void;
  definitions: EventDefinition[] | undefined;
  onCopyLink: () => void;
  copyMessage: string;
}

/**
 * Filters write the URL: choices push a history entry (Back undoes a filter), typing replaces.
 * Only the filters the backend can apply are shown (`capabilities`). Memoised: the Event log
 * re-renders for every page that arrives, and none of that concerns the filters.
 */
export const EventLogToolbar = memo(function EventLogToolbar({
  info,
  search,
  update,
  definitions,
  onCopyLink,
  copyMessage,
}: EventLogToolbarProps) {
  const { capabilities } = info;
  const failuresOnly =
    info.kind === 'pelion'
      ? search.type.length === 1 && search.type[0] === 'FAIL'
      : search.eventType.length === 1 && search.eventType[0] === 'error';
  const toggleFailures = () => {
    if (info.kind === 'pelion') update({ type: failuresOnly ? [] : ['FAIL'] });
    else update({ eventType: failuresOnly ? [] : ['error'] });
  };
  const identifierOptions = definitions ?? [];
  const unknownIdentifier =
    search.identifier !== undefined &&
    !identifierOptions.some((definition) => definition.identifier === search.identifier);

  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        {capabilities.messageTypeFilter && (
          <LevelFilterGroup
            legend="Message type"
            options={MESSAGE_TYPES}
            selected={search.type}
            onChange={(type) => update({ type })}
          />
        )}
        {capabilities.eventTypeFilter && (
          <LevelFilterGroup
            legend="EventType"
            options={EVENT_TYPES}
            selected={search.eventType}
            onChange={(eventType) => update({ eventType })}
          />
        )}
        <button
          type="button"
          aria-pressed={failuresOnly}
          onClick={toggleFailures}
          className="rounded border border-red-300 bg-white px-2 py-1 text-xs font-semibold text-red-800 aria-pressed:bg-red-600 aria-pressed:text-white"
        >
          Failures only
        </button>
        {capabilities.identifierFilter && (
          <label className="flex items-center gap-1 text-xs font-semibold text-slate-600">
            Identifier
            <select
              value={search.identifier ?? ''}
              onChange={(event) => update({ identifier: event.target.value || undefined })}
              className="rounded border border-slate-300 bg-white px-1 py-1 text-sm font-normal text-slate-900"
            >
              <option value="">All events</option>
              {unknownIdentifier && <option value={search.identifier}>{search.identifier}</option>}
              {identifierOptions.map((definition) => (
                <option key={definition.identifier} value={definition.identifier}>
                  {definition.name} ({definition.identifier})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex items-center gap-1 text-xs font-semibold text-slate-600">
          Order
          <select
            value={search.order}
            onChange={(event) => update({ order: event.target.value === 'asc' ? 'asc' : 'desc' })}
            className="rounded border border-slate-300 bg-white px-1 py-1 text-sm font-normal text-slate-900"
          >
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </select>
        </label>
        <div role="group" aria-label="Time zone" className="flex text-xs">
          {(['local', 'utc'] as const).map((tz) => (
            <button
              key={tz}
              type="button"
              aria-pressed={search.tz === tz}
              onClick={() => update({ tz }, { replace: true })}
              className="border border-slate-300 bg-white px-2 py-1 first:rounded-l last:rounded-r aria-pressed:bg-slate-800 aria-pressed:text-white"
            >
              {tz === 'utc' ? 'UTC' : 'Local time'}
            </button>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <TimeBoundField
          label="From"
          value={search.from}
          tz={search.tz}
          onCommit={(from) => update({ from })}
        />
        <TimeBoundField
          label="To"
          value={search.to}
          tz={search.tz}
          onCommit={(to) => update({ to })}
        />
        <TimeRangePresets
          from={search.from}
          to={search.to}
          retentionDays={capabilities.retentionDays}
          onSelect={(from) => update({ from, to: undefined })}
        />
        <TextSearchField
          value={search.q}
          onChange={(q) => update({ q: q.trim() || undefined }, { replace: true })}
        />
        <div className="ml-auto flex items-center gap-2">
          <span aria-live="polite" className="text-xs text-slate-600">
            {copyMessage}
          </span>
          <button
            type="button"
            onClick={onCopyLink}
            className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100"
          >
            Copy link
          </button>
        </div>
      </div>
    </div>
  );
});
