import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  defaultsOf,
  parseSearchParams,
  toSearchParams,
  type DroppedParam,
  type ParamShape,
  type ParamValues,
} from './url-state.ts';

export interface UrlStateUpdateOptions {
  /** Replace the history entry instead of pushing one (typing in a search box). */
  replace?: boolean;
}

export interface UrlState<S extends ParamShape> {
  values: ParamValues<S>;
  dropped: DroppedParam[];
  /** Merges `patch` into the current values and writes the URL (defaults left out). */
  update: (patch: Partial<ParamValues<S>>, options?: UrlStateUpdateOptions) => void;
}

/**
 * `parseSearchParams` bound to the router's search params. Define `shape` at module scope so its
 * identity is stable. Parameters outside the shape are carried over untouched on update; invalid
 * ones inside it are cleaned away by the first update.
 */
export function useUrlState<S extends ParamShape>(shape: S): UrlState<S> {
  const [searchParams, setSearchParams] = useSearchParams();
  const { values, dropped } = useMemo(
    () => parseSearchParams(shape, searchParams),
    [shape, searchParams],
  );

  const update = useCallback(
    (patch: Partial<ParamValues<S>>, options?: UrlStateUpdateOptions) => {
      setSearchParams(
        (previous) => {
          const current = parseSearchParams(shape, previous).values;
          const next = toSearchParams({ ...current, ...patch }, defaultsOf(shape));
          for (const [param, value] of previous) if (!(param in shape)) next.append(param, value);
          return next;
        },
        // A control bound to the URL (a checkbox, a select) must show its new value on the frame
        // after the click. As a transition (the router's default) the update can wait behind a
        // long render, and the control shows its old value meanwhile.
        { replace: options?.replace ?? false, flushSync: true },
      );
    },
    [shape, setSearchParams],
  );

  return { values, dropped, update };
}
