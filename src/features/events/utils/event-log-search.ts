import type { EventLevel, EventVocabulary, SortOrder } from '../../../backends/types.ts';
import type { DroppedParam, ParamShape } from '../../../lib/url-state.ts';
import {
  choiceParam,
  csvEnumParam,
  parseSearchParams,
  textParam,
  toSearchParams,
} from '../../../lib/url-state.ts';
import type { TimeZoneSetting } from './format-time.ts';
import { isTimeBound, resolveTimeBound } from './time-bound.ts';
import { searchTextParam } from '../../../lib/search-text.ts';

/**
 * The Event log's view state in the URL (README "URL scheme"). The level filter's and the code
 * filter's parameter names and values come from the backend's vocabulary (`type=FAIL` on one kind,
 * `eventType=error` on another); the rest is the same everywhere. Parsed by the shared url-state
 * helpers: a bad value is dropped and reported, the rest of the link still works, and defaults
 * never appear in a written URL.
 */
export interface EventLogSearch {
  /** Levels to show; empty = all. */
  levels: EventLevel[];
  /** Only events with this code. */
  code: string | undefined;
  from: string | undefined;
  to: string | undefined;
  order: SortOrder;
  /** Free text matched in the loaded events. */
  q: string | undefined;
  tz: TimeZoneSetting;
  /** `at`: an ISO 8601 instant the log opens at (see `seekQueries`). */
  at?: string;
  /** `live=1`: newer events are added as they arrive. */
  live: boolean;
}

export const EVENT_LOG_DEFAULTS: EventLogSearch = {
  levels: [],
  code: undefined,
  from: undefined,
  to: undefined,
  order: 'desc',
  q: undefined,
  tz: 'local',
  live: false,
};

const timeBoundParam = textParam({ valid: isTimeBound });

// `at` is a moment, not a range bound: a clock-relative value would move on every reload.
const instantParam = textParam({
  valid: (text) =>
    resolveTimeBound(text, 0) !== null && resolveTimeBound(text, 1) === resolveTimeBound(text, 0),
});

const COMMON_PARAMS: ParamShape = {
  at: instantParam,
  from: timeBoundParam,
  to: timeBoundParam,
  order: choiceParam(['desc', 'asc'], 'desc'),
  q: searchTextParam,
  tz: choiceParam(['local', 'utc'], 'local'),
  live: choiceParam(['1']),
};

/** The URL parameters of one vocabulary's Event log, by name. */
interface EventLogScheme {
  shape: ParamShape;
  levelParam: string;
  codeParam: string | null;
}

const schemes = new WeakMap<EventVocabulary, EventLogScheme>();

function schemeOf(vocabulary: EventVocabulary): EventLogScheme {
  let scheme = schemes.get(vocabulary);
  if (!scheme) {
    const { levels, codeFilter } = vocabulary;
    const [first, ...rest] = levels.values.map((level) => level.value);
    const shape: ParamShape = { [levels.param]: csvEnumParam([first as string, ...rest]) };
    if (codeFilter) {
      const { pattern } = codeFilter;
      shape[codeFilter.param] = textParam({
        valid: (text) => {
          pattern.lastIndex = 0; // a global or sticky pattern keeps its place between tests
          return pattern.test(text);
        },
      });
    }
    scheme = {
      shape: { ...shape, ...COMMON_PARAMS },
      levelParam: levels.param,
      codeParam: codeFilter?.param ?? null,
    };
    schemes.set(vocabulary, scheme);
  }
  return scheme;
}

/** The names of the URL parameters an Event log of this vocabulary reads. */
export function eventLogParamNames(vocabulary: EventVocabulary): string[] {
  return Object.keys(schemeOf(vocabulary).shape);
}

/**
 * Reads the view from a URL's search parameters. `dropped` lists what the link asked for and this
 * view cannot honour: invalid values, and parameters it does not read at all (such as another
 * kind's level filter, `type=FAIL` on a backend whose levels are `eventType`).
 */
export function parseEventLogSearch(
  vocabulary: EventVocabulary,
  searchParams: URLSearchParams,
): { search: EventLogSearch; dropped: DroppedParam[] } {
  const { shape, levelParam, codeParam } = schemeOf(vocabulary);
  const { values, dropped } = parseSearchParams(shape, searchParams);
  for (const [param, value] of searchParams) {
    if (!(param in shape) && value !== '') dropped.push({ param, value });
  }
  const search: EventLogSearch = {
    levels: values[levelParam] as EventLevel[],
    code: codeParam === null ? undefined : (values[codeParam] as string | undefined),
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    order: values.order as SortOrder,
    q: values.q as string | undefined,
    tz: values.tz as TimeZoneSetting,
    live: values.live === '1',
  };
  if (values.at !== undefined) search.at = values.at as string;
  return { search, dropped };
}

/** The view as search parameters, defaults left out. */
export function eventLogSearchParams(
  vocabulary: EventVocabulary,
  search: EventLogSearch,
): URLSearchParams {
  const { levelParam, codeParam } = schemeOf(vocabulary);
  const values: Record<string, unknown> = { [levelParam]: search.levels };
  if (codeParam !== null) values[codeParam] = search.code;
  Object.assign(values, {
    from: search.from,
    to: search.to,
    order: search.order,
    q: search.q,
    tz: search.tz,
    at: search.at,
    live: search.live ? '1' : undefined,
  });
  return toSearchParams(values, { order: EVENT_LOG_DEFAULTS.order, tz: EVENT_LOG_DEFAULTS.tz });
}

/** `?a=b&…` without defaults, or '' when everything is default. */
export function serialiseEventLogSearch(
  vocabulary: EventVocabulary,
  search: EventLogSearch,
): string {
  const text = eventLogSearchParams(vocabulary, search).toString();
  return text === '' ? '' : `?${text}`;
}
