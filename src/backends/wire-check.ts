/**
 * Checks for the JSON the app reads on its start-up path (the backend list, Izuma/Pelion's
 * records), without a validation library: building a library's schemas at module load, and the
 * library itself (~8 KB gzip), were a measurable part of a deep link's start-up
 * (docs/performance.md, "Takeover"). The Alibaba adapter, loaded only for its backends, still uses
 * zod; `parseOrThrow` (http.ts) takes either, through the Standard Schema interface
 * (https://standardschema.dev) that zod implements too.
 *
 * A check reports each problem with its path and the same wording as before, so an error shown
 * to the operator ("The backend sent an unexpected list: data Invalid input") reads as it did
 * (wire-check.test.ts compares both on random input).
 */

export interface WireIssue {
  readonly path: PropertyKey[];
  readonly message: string;
}

/** Reads `value` at `path`: returns it (with any default filled in), adding what is wrong to `issues`. */
export type Read<T> = (value: unknown, path: PropertyKey[], issues: WireIssue[]) => T;

export interface WireSchema<T> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    validate(value: unknown): { value: T; issues?: undefined } | { issues: WireIssue[] };
  };
  /** The same verdict as `~standard.validate`, shaped like zod's `safeParse`. */
  safeParse(value: unknown): { success: true; data: T } | { success: false; issues: WireIssue[] };
  /** The value, or an Error listing what is wrong. */
  parse(value: unknown): T;
}

/** `path message; path message` (`(root)` for the value itself). */
export function describeIssues(
  issues: ReadonlyArray<{ path?: ReadonlyArray<unknown>; message: string }>,
) {
  return issues
    .map((issue) => {
      const path = (issue.path ?? []).map((part) =>
        typeof part === 'object' && part !== null && 'key' in part ? part.key : part,
      );
      return `${path.map(String).join('.') || '(root)'} ${issue.message}`;
    })
    .join('; ');
}

export function wireSchema<T>(read: Read<T>): WireSchema<T> {
  const safeParse = (value: unknown) => {
    const issues: WireIssue[] = [];
    const data = read(value, [], issues);
    return issues.length === 0
      ? { success: true as const, data }
      : { success: false as const, issues };
  };
  return {
    '~standard': {
      version: 1,
      vendor: 'fleetlog',
      validate(value) {
        const result = safeParse(value);
        return result.success ? { value: result.data } : { issues: result.issues };
      },
    },
    safeParse,
    parse(value) {
      const result = safeParse(value);
      if (!result.success) throw new Error(describeIssues(result.issues));
      return result.data;
    },
  };
}

/**
 * The message of every problem but a refinement's own: zod/mini, which read these records before,
 * has no locale loaded and words every issue this way.
 */
const INVALID_INPUT = 'Invalid input';

const invalid = (path: PropertyKey[]): WireIssue => ({ path, message: INVALID_INPUT });

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string =
  (minLength = 0): Read<string> =>
  (value, path, issues) => {
    if (typeof value !== 'string') issues.push(invalid(path));
    // As zod's length check, which runs on anything with a length (a wrong array too).
    const { length } = (value ?? {}) as { length?: unknown };
    if (length !== undefined && (length as number) < minLength) issues.push(invalid(path));
    return value as string;
  };

export const boolean: Read<boolean> = (value, path, issues) => {
  if (typeof value !== 'boolean') issues.push(invalid(path));
  return value as boolean;
};

/** A finite number, optionally at least (`>=`) or above (`>`) `min`. */
export const number =
  (min?: { above: number } | { atLeast: number }): Read<number> =>
  (value, path, issues) => {
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (min && 'above' in min && !(value > min.above)) ||
      (min && 'atLeast' in min && !(value >= min.atLeast))
    )
      issues.push(invalid(path));
    return value as number;
  };

export const unknown: Read<unknown> = (value) => value;

export const nullable =
  <T>(read: Read<T>): Read<T | null> =>
  (value, path, issues) =>
    value === null ? null : read(value, path, issues);

export const nullish =
  <T>(read: Read<T>): Read<T | null | undefined> =>
  (value, path, issues) =>
    value === null || value === undefined ? value : read(value, path, issues);

export const optional =
  <T>(read: Read<T>): Read<T | undefined> =>
  (value, path, issues) =>
    value === undefined ? undefined : read(value, path, issues);

export const withDefault =
  <T>(read: Read<T>, fallback: T): Read<T> =>
  (value, path, issues) =>
    value === undefined ? fallback : read(value, path, issues);

/** A value any of `reads` accepts. */
export const union =
  <T>(...reads: Array<Read<T>>): Read<T> =>
  (value, path, issues) => {
    for (const read of reads) {
      const own: WireIssue[] = [];
      const result = read(value, path, own);
      if (own.length === 0) return result;
    }
    issues.push(invalid(path));
    return value as T;
  };

export const array =
  <T>(read: Read<T>): Read<T[]> =>
  (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push(invalid(path));
      return value as T[];
    }
    return value.map((item: unknown, index) => read(item, [...path, index], issues));
  };

type Shape = Record<string, Read<unknown>>;
/** Keys whose reader accepts `undefined` are optional, as in zod's inferred types. */
type ShapeOutput<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]>;
};

/**
 * An object with the keys of `shape` (other keys kept, as the details panel shows the whole
 * record); `refine` runs only when every key passed, as zod's checks do. The object is returned
 * as it came unless a default was filled in (then a copy).
 */
export const looseObject =
  <S extends Shape>(
    shape: S,
    refine?: { valid: (value: ShapeOutput<S>) => boolean; message: string },
  ): Read<ShapeOutput<S> & Record<string, unknown>> =>
  (value, path, issues) => {
    if (!isRecord(value)) {
      issues.push(invalid(path));
      return value as ShapeOutput<S>;
    }
    const before = issues.length;
    let output: Record<string, unknown> = value;
    for (const [key, read] of Object.entries(shape)) {
      const field = value[key];
      const result = read(field, [...path, key], issues);
      if (result !== field) {
        if (output === value) output = { ...value };
        output[key] = result;
      }
    }
    if (refine && issues.length === before && !refine.valid(output as ShapeOutput<S>))
      issues.push({ path, message: refine.message });
    return output as ShapeOutput<S>;
  };

/** Like `looseObject`, but only the shape's keys are kept (zod's `object`). */
export const object =
  <S extends Shape>(shape: S): Read<ShapeOutput<S>> =>
  (value, path, issues) => {
    const read = looseObject(shape)(value, path, issues);
    if (!isRecord(read)) return read;
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) if (key in read) kept[key] = read[key];
    return kept as ShapeOutput<S>;
  };
