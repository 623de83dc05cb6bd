/**
 * URL search parameters as view state. The URL is the source of truth for filters and sort order;
 * shared links must keep working, so a value that does not parse is dropped (and reported, so the
 * view can say "Ignored invalid link parameter(s): …") instead of crashing the page.
 *
 * A shape maps each parameter name to a `Param`: a function from the raw text (`undefined` when
 * the parameter is missing or empty) to its value, or `INVALID`. The builders below cover what the
 * app's links hold:
 *
 * ```ts
 * const deviceListParams = {
 *   q: textParam(),
 *   status: choiceParam(['registered', 'deregistered']),
 *   sort: choiceParam(['created-desc', 'created-asc'], 'created-desc'),
 *   type: csvEnumParam(['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] as const),
 * };
 * const { values, dropped } = parseSearchParams(deviceListParams, new URLSearchParams(location.search));
 * const next = toSearchParams({ ...values, sort: 'created-asc' }, defaultsOf(deviceListParams));
 * ```
 *
 * Plain functions rather than a schema library: these run while a deep link starts, and the
 * schemas a validation library builds at module load (with the library itself, ~8 KB gzip) were
 * a measurable part of the app's start-up (docs/performance.md, "Takeover").
 *
 * Empty parameters (`?q=`) count as missing. Parameters not in the shape are ignored and kept out
 * of `values` (they are not "invalid": another part of the app may own them).
 */

/** What a `Param` returns for a value it refuses. */
export const INVALID: unique symbol = Symbol('invalid parameter');

export type Param<T> = (raw: string | undefined) => T | typeof INVALID;

export type ParamShape = Record<string, Param<unknown>>;

export type ParamValues<S extends ParamShape> = {
  [K in keyof S]: Exclude<ReturnType<S[K]>, typeof INVALID>;
};

/**
 * Free text: trimmed (unless `trim: false`), then kept when `valid` accepts it (every text by
 * default). Missing → undefined.
 */
export function textParam(
  options: { trim?: boolean; valid?: (text: string) => boolean } = {},
): Param<string | undefined> {
  const { trim = true, valid } = options;
  return (raw) => {
    if (raw === undefined) return undefined;
    const text = trim ? raw.trim() : raw;
    return valid && !valid(text) ? INVALID : text;
  };
}

/** One of `choices`, exactly as written (no trimming). Missing → `fallback` (or undefined). */
export function choiceParam<const T extends string>(choices: readonly T[]): Param<T | undefined>;
export function choiceParam<const T extends string>(
  choices: readonly T[],
  fallback: NoInfer<T>,
): Param<T>;
export function choiceParam<const T extends string>(
  choices: readonly T[],
  fallback?: T,
): Param<T | undefined> {
  return (raw) => {
    if (raw === undefined) return fallback;
    return (choices as readonly string[]).includes(raw) ? (raw as T) : INVALID;
  };
}

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
  for (const [param, read] of Object.entries(shape)) {
    const raw = params.get(param);
    const value = read(raw === null || raw === '' ? undefined : raw);
    if (value !== INVALID) {
      values[param] = value;
      continue;
    }
    dropped.push({ param, value: raw ?? '' });
    values[param] = read(undefined);
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
export function csvEnumParam<const T extends readonly [string, ...string[]]>(
  allowed: T,
): Param<Array<T[number]>> {
  return (raw) => {
    if (raw === undefined) return [];
    const listed = raw.split(',').map((part) => part.trim());
    if (!listed.every((item) => (allowed as readonly string[]).includes(item))) return INVALID;
    return allowed.filter((value) => listed.includes(value)) as Array<T[number]>;
  };
}
