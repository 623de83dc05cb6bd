import * as z from 'zod/mini';

/**
 * URL search parameters as view state. The URL is the source of truth for filters and sort order;
 * shared links must keep working, so a value that does not parse is dropped (and reported, so the
 * view can say "Ignored invalid link parameter(s): …") instead of crashing the page.
 *
 * A shape maps each parameter name to a zod schema that accepts the raw string and also
 * `undefined` (a missing parameter) — i.e. give every schema a `.default(…)` or `.optional()`:
 *
 * ```ts
 * import * as z from 'zod/mini';
 * const deviceListParams = {
 *   q: z.optional(z.string().check(z.trim())),
 *   status: z.optional(z.enum(['registered', 'deregistered'])),
 *   sort: z._default(z.enum(['created-desc', 'created-asc']), 'created-desc'),
 *   type: csvEnumParam(['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] as const),
 * };
 * const { values, dropped } = parseSearchParams(deviceListParams, new URLSearchParams(location.search));
 * const next = toSearchParams({ ...values, sort: 'created-asc' }, defaultsOf(deviceListParams));
 * ```
 *
 * Any zod 4 schema works (classic `zod` or `zod/mini`), but prefer `zod/mini` in the SPA: classic
 * zod weighs ~20 KB gzip of the 150 KB JavaScript budget for an Event log deep link, mini ~5 KB.
 *
 * Empty parameters (`?q=`) count as missing. Parameters not in the shape are ignored and kept out
 * of `values` (they are not "invalid": another part of the app may own them).
 */

export type ParamShape = Record<string, z.core.$ZodType>;

export type ParamValues<S extends ParamShape> = { [K in keyof S]: z.output<S[K]> };

export interface DroppedParam {
  param: string;
  value: string;
}

export interface ParsedSearchParams<S extends ParamShape> {
  values: ParamValues<S>;
  dropped: DroppedParam[];
}

type SearchParamsInit = URLSearchParams | string;

export function parseSearchParams<S extends ParamShape>(
  shape: S,
  searchParams: SearchParamsInit,
): ParsedSearchParams<S> {
  const params =
    typeof searchParams === 'string' ? new URLSearchParams(searchParams) : searchParams;
  const values: Record<string, unknown> = {};
  const dropped: DroppedParam[] = [];
  for (const [param, schema] of Object.entries(shape)) {
    const raw = params.get(param);
    if (raw === null || raw === '') {
      values[param] = z.parse(schema, undefined);
      continue;
    }
    const result = z.safeParse(schema, raw);
    if (result.success) {
      values[param] = result.data;
    } else {
      dropped.push({ param, value: raw });
      values[param] = z.parse(schema, undefined);
    }
  }
  return { values: values as ParamValues<S>, dropped };
}

/** The value each parameter takes when absent from the URL. */
export function defaultsOf<S extends ParamShape>(shape: S): ParamValues<S> {
  return parseSearchParams(shape, new URLSearchParams()).values;
}

/** Values are strings, numbers, booleans or arrays of them; null/undefined mean "absent". */
function serialise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String).join(',');
  const text = String(value);
  return text === '' ? null : text;
}

/**
 * Builds search params from view state, leaving out every value equal to its default (and every
 * empty one) so links stay short and a default can change later without breaking them.
 * Arrays are written as comma lists. Keys keep the order of `values`.
 */
export function toSearchParams(
  values: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [param, value] of Object.entries(values)) {
    const text = serialise(value);
    if (text === null) continue;
    if (text === serialise(defaults[param])) continue;
    params.set(param, text);
  }
  return params;
}

/** A human-readable list for the notice, e.g. `status=bogus, sort=sideways`. */
export function describeDropped(dropped: readonly DroppedParam[]): string {
  return dropped.map(({ param, value }) => `${param}=${value}`).join(', ');
}

/**
 * A comma-separated list of allowed values (`?type=SUCCESS,FAIL`), de-duplicated, in the order of
 * `allowed`. Absent → `[]` (meaning "all"). One unknown item makes the whole parameter invalid,
 * so a mistyped link shows everything plus a notice rather than a silently narrower view.
 */
export function csvEnumParam<const T extends readonly [string, ...string[]]>(allowed: T) {
  const items = z.pipe(
    z.pipe(
      z.string(),
      z.transform((text: string) => text.split(',').map((part) => part.trim())),
    ),
    z.array(z.enum(allowed)),
  );
  const inAllowedOrder = z.pipe(
    items,
    z.transform(
      (listed: string[]) => allowed.filter((value) => listed.includes(value)) as Array<T[number]>,
    ),
  );
  return z.pipe(
    z.optional(inAllowedOrder),
    z.transform((listed: Array<T[number]> | undefined) => listed ?? []),
  );
}
