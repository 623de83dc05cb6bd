import { z } from 'zod';
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

const timeBoundParam = z.string().trim().refine(isTimeBound).optional();

export const eventLogParams = {
  type: csvEnumParam(MESSAGE_TYPES),
  eventType: csvEnumParam(EVENT_TYPES),
  // Alibaba identifiers: `Identifier` or `module:Identifier`.
  identifier: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?$/)
    .max(128)
    .optional(),
  from: timeBoundParam,
  to: timeBoundParam,
  order: z.enum(['desc', 'asc']).default('desc'),
  q: z.string().trim().max(200).optional(),
  tz: z.enum(['local', 'utc']).default('local'),
};

export type EventLogSearch = ParamValues<typeof eventLogParams>;

export const EVENT_LOG_DEFAULTS: EventLogSearch = defaultsOf(eventLogParams);

/** `?a=b&…` without defaults, or '' when everything is default. */
export function serialiseEventLogSearch(search: EventLogSearch): string {
  const text = toSearchParams(search, EVENT_LOG_DEFAULTS).toString();
  return text === '' ? '' : `?${text}`;
}
