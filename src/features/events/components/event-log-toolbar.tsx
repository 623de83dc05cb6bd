import { memo, type ReactNode } from 'react';
import type {
  BackendCapabilities,
  EventDefinition,
  EventVocabulary,
} from '../../../backends/types.ts';
import type { UrlStateUpdateOptions } from '../../../lib/use-url-state.ts';
import type { EventLogSearch } from '../utils/event-log-search.ts';
import { LevelFilterGroup } from './level-filter-group.tsx';
import { TextSearchField } from './text-search-field.tsx';
import { TimeBoundField } from './time-bound-field.tsx';
import { TimeRangePresets } from './time-range-presets.tsx';

export interface EventLogToolbarProps {
  capabilities: BackendCapabilities;
  vocabulary: EventVocabulary;
  search: EventLogSearch;
  update: (patch: Partial<EventLogSearch>, options?: UrlStateUpdateOptions) => void;
  definitions: EventDefinition[] | undefined;
  /** Absent: the view has no link worth sharing (an opened file), and no Copy link button. */
  onCopyLink?: () => void;
  copyMessage: string;
  /**
   * `flow`: no box of its own; after its first line (filters) its controls flow inline with what
   * the caller puts after it in its own flex-wrap box (the Event log's status and actions), so
   * a wide screen spends two lines on all of it.
   */
  layout?: 'box' | 'flow';
  /** Ends the first line (the Event log's column chooser); keep it stable (memoised). */
  extra?: ReactNode;
}

/**
 * Filters write the URL: choices push a history entry (Back undoes a filter), typing replaces.
 * Only the filters the backend can apply are shown (`capabilities`). Memoised: the Event log
 * re-renders for every page that arrives, and none of that concerns the filters.
 */
export const EventLogToolbar = memo(function EventLogToolbar({
  capabilities,
  vocabulary,
  search,
  update,
  definitions,
  onCopyLink,
  copyMessage,
  layout = 'box',
  extra,
}: EventLogToolbarProps) {
  const flow = layout === 'flow';
  const { levels, codeFilter } = vocabulary;
  const failuresOnly = search.levels.length === 1 && search.levels[0] === levels.failure;
  const toggleFailures = () => update({ levels: failuresOnly ? [] : [levels.failure] });
  const codeOptions = definitions ?? [];
  const unknownCode =
    search.code !== undefined && !codeOptions.some((definition) => definition.code === search.code);

  return (
    <div
      className={
        flow ? 'contents' : 'flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3'
      }
    >
      <div className={flow ? 'contents' : 'flex flex-wrap items-center gap-x-3 gap-y-1.5'}>
        {capabilities.levelFilter && (
          <LevelFilterGroup
            legend={levels.title}
            levels={levels.values}
            selected={search.levels}
            onChange={(selected) => update({ levels: selected })}
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
        {capabilities.codeFilter && codeFilter && (
          <label className="flex items-center gap-1 text-xs font-semibold text-slate-600">
            {codeFilter.label}
            <select
              value={search.code ?? ''}
              onChange={(event) => update({ code: event.target.value || undefined })}
              className="max-w-36 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm font-normal text-slate-900"
            >
              <option value="">All events</option>
              {unknownCode && <option value={search.code}>{search.code}</option>}
              {codeOptions.map((definition) => (
                <option key={definition.code} value={definition.code}>
                  {definition.name} ({definition.code})
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
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm font-normal text-slate-900"
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
        {onCopyLink && (
          <div className="flex items-center gap-2">
            <span aria-live="polite" className="text-xs text-slate-600">
              {copyMessage}
            </span>
            <button
              type="button"
              onClick={onCopyLink}
              className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-100"
            >
              Copy link
            </button>
          </div>
        )}
        {extra}
      </div>
      <div className={flow ? 'contents' : 'flex flex-wrap items-center gap-x-4 gap-y-2'}>
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
      </div>
    </div>
  );
});
