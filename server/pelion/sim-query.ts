/**
 * Parses a list call's query string the way Device Management reads it: paging parameters plus
 * filters in three spellings — direct (`device_id__eq=…`), bare (`device_id=…`, meaning `__eq`)
 * and legacy (`filter=<URL-encoded query string>`). All filters combine with AND.
 */
import { z } from 'zod';
import { parseFilterInstant } from './sim-dates.ts';
import type { FieldProblem } from './sim-errors.ts';

import type { FieldSpec, Operator } from './filter-fields.ts';

export type { FieldKind, FieldSpec, Operator } from './filter-fields.ts';

interface ConditionBase {
  field: string;
  op: Operator;
  /** The values as a set: `event_type__nin` may list a hundred codes and is tested per event. */
  set: ReadonlySet<string | number | boolean>;
}

export type Condition =
  | (ConditionBase & { kind: 'string'; values: string[] })
  | (ConditionBase & { kind: 'boolean'; values: boolean[] })
  | (ConditionBase & { kind: 'date'; values: number[] });

export interface ListQuery {
  limit: number;
  order: 'ASC' | 'DESC';
  /** The request's cursor, echoed in the envelope; null on the first page. */
  after: string | null;
  includeTotalCount: boolean;
  conditions: Condition[];
  /** Test aid, see the simulator; only read when fault injection is on. */
  fault: string | null;
}

export type ParseResult = { ok: true; query: ListQuery } | { ok: false; fields: FieldProblem[] };

export const DEFAULT_LIMIT = 50;
export const MIN_LIMIT = 2;
export const MAX_LIMIT = 1000;

/** Out-of-range limits are clamped (the API does not reject them); non-numbers are rejected. */
const limitSchema = z
  .string()
  .trim()
  .regex(/^-?\d+$/, 'must be an integer')
  .transform((v) => Math.min(MAX_LIMIT, Math.max(MIN_LIMIT, Number(v))));
const orderSchema = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(['ASC', 'DESC'], 'must be ASC or DESC'));
const includeSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(['total_count'], 'the only supported value is total_count')));

const BOOLEAN = /^(true|false)$/i;
const OPERATOR_SUFFIX = /^(.+)__([A-Za-z]+)$/;

export function parseListQuery(
  params: URLSearchParams,
  fields: Readonly<Record<string, FieldSpec>>,
  options: { faultInjection: boolean },
): ParseResult {
  const problems: FieldProblem[] = [];
  const query: ListQuery = {
    limit: DEFAULT_LIMIT,
    order: 'ASC',
    after: null,
    includeTotalCount: false,
    conditions: [],
    fault: null,
  };

  const scalar = <T>(name: string, value: string, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ name, message: parsed.error.issues[0]?.message ?? 'is invalid' });
    return undefined;
  };

  const addFilter = (key: string, raw: string) => {
    const condition = parseCondition(key, raw, fields);
    if ('message' in condition) problems.push(condition);
    else query.conditions.push(condition);
  };

  for (const [key, value] of params) {
    switch (key) {
      case 'limit':
        query.limit = scalar(key, value, limitSchema) ?? query.limit;
        break;
      case 'order':
        query.order = scalar(key, value, orderSchema) ?? query.order;
        break;
      case 'after':
        query.after = value === '' ? null : value;
        break;
      case 'include':
        query.includeTotalCount = (scalar(key, value, includeSchema) ?? []).includes('total_count');
        break;
      case 'filter':
        for (const [innerKey, innerValue] of new URLSearchParams(value))
          addFilter(innerKey, innerValue);
        break;
      case 'x_sim_fault':
        if (options.faultInjection) {
          query.fault = value;
          break;
        }
        addFilter(key, value);
        break;
      default:
        addFilter(key, value);
    }
  }
  return problems.length > 0 ? { ok: false, fields: problems } : { ok: true, query };
}

function parseCondition(
  key: string,
  raw: string,
  fields: Readonly<Record<string, FieldSpec>>,
): Condition | FieldProblem {
  // Own keys only: a name such as `toString` or `__proto__` is an unknown field, not an Object member.
  const known = (name: string) => Object.hasOwn(fields, name);
  let field = key;
  let op: string = 'eq';
  const suffixed = OPERATOR_SUFFIX.exec(key);
  if (suffixed && !known(key) && known(suffixed[1]!)) {
    field = suffixed[1]!;
    op = suffixed[2]!;
  }
  const spec = known(field) ? fields[field] : undefined;
  if (!spec) return { name: key, message: `${field} is not a filterable field` };
  if (!(spec.operators as readonly string[]).includes(op)) {
    return {
      name: key,
      message: `operator __${op} is not supported on ${field} (use ${spec.operators.map((o) => `__${o}`).join(', ')})`,
    };
  }
  const operator = op as Operator;
  const texts = operator === 'in' || operator === 'nin' ? raw.split(',') : [raw];

  if (spec.kind === 'boolean') {
    if (!texts.every((t) => BOOLEAN.test(t)))
      return { name: key, message: 'must be true or false' };
    const values = texts.map((t) => t.toLowerCase() === 'true');
    return { field, kind: 'boolean', op: operator, values, set: new Set(values) };
  }
  if (spec.kind === 'date') {
    const instants = texts.map(parseFilterInstant);
    if (instants.some((t) => t === undefined)) {
      return {
        name: key,
        message:
          'must be an RFC 3339 UTC instant: 2016-11-30T16:25:12.1234Z, 2016-11-30T16:25:12Z or 20161130T162512Z',
      };
    }
    const values = instants as number[];
    return { field, kind: 'date', op: operator, values, set: new Set(values) };
  }
  return { field, kind: 'string', op: operator, values: texts, set: new Set(texts) };
}

/** Whether a value satisfies one condition (null and missing values never equal anything). */
export function matchesCondition(
  condition: Condition,
  value: string | number | boolean | null,
): boolean {
  const { op, values, set } = condition;
  const listed = value !== null && set.has(value);
  switch (op) {
    case 'eq':
    case 'in':
      return listed;
    case 'neq':
    case 'nin':
      return !listed;
    case 'gte':
      return typeof value === 'number' && value >= (values[0] as number);
    case 'lte':
      return typeof value === 'number' && value <= (values[0] as number);
  }
}
