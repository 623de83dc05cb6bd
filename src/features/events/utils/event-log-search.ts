import * as z from 'zod/mini';
import type { AliyunEventType, PelionMessageType } from '../../../backends/types.ts';
import type { ParamValues } from '../../../lib/url-state.ts';
import { csvEnumParam, defaultsOf, toSearchParams } from '../../../lib/url-state.ts';
import { isTimeBound } from './time-bound.ts';

/**
 * The Event log's view state in the URL (DESIGN.md "URL scheme"). Parsed by the shared url-state
 * helpers: a bad value is dropped and reported, the rest of the link still works, and defaults
 * never appear in a written URL.
 */

export const MESSAGE_TYPES = [
  'SUCCESS',
  'FAIL',
  'SKIPPED',
  'INFO',
] as const satisfies readonly PelionMessageType[];
export const EVENT_TYPES = ['info', 'alert', 'error'] as const satisfies readonly AliyunEventType[];

// zod/mini: classic zod cannot be tree-shaken and cost ~11 KB gzip of the deep-link budget.
const timeBoundParam = z.optional(z.string().check(z.trim(), z.refine(isTimeBound)));

export const eventLogParams = {
  type: csvEnumParam(MESSAGE_TYPES),
  eventType: csvEnumParam(EVENT_TYPES),
  // Alibaba identifiers: `Identifier` or `module:Identifier`.
  identifier: z.optional(
    z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?$/), z.maxLength(128)),
  ),
  from: timeBoundParam,
  to: timeBoundParam,
  order: z._default(z.enum(['desc', 'asc']), 'desc'),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  tz: z._default(z.enum(['local', 'utc']), 'local'),
};

export type EventLogSearch = ParamValues<typeof eventLogParams>;

export const EVENT_LOG_DEFAULTS: EventLogSearch = defaultsOf(eventLogParams);

/** `?a=b&…` without defaults, or '' when everything is default. */
export function serialiseEventLogSearch(search: EventLogSearch): string {
  const text = toSearchParams(search, EVENT_LOG_DEFAULTS).toString();
  return text === '' ? '' : `?${text}`;
}
