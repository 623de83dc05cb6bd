import * as z from 'zod/mini';
import type { DeviceListOptions, DeviceQuery } from '../../../backends/types.ts';
import { parseSearchParams, type ParamShape } from '../../../lib/url-state.ts';
import { searchTextParam } from '../../../lib/search-text.ts';

/** `?q=`, `?status=`, `?sort=` of the device list; the allowed values come from the backend. */
export interface DeviceListShape extends ParamShape {
  q: z.ZodMiniType<string | undefined>;
  status: z.ZodMiniType<string | undefined>;
  sort: z.ZodMiniType<string | undefined>;
}

function oneOf(choices: ReadonlyArray<{ value: string }>) {
  const values = choices.map((choice) => choice.value);
  return z
    .string()
    .check(z.refine((value) => values.includes(value), { message: 'not an offered choice' }));
}

const FREE_SHAPE: DeviceListShape = {
  q: searchTextParam,
  status: z.optional(z.string().check(z.trim(), z.maxLength(64))),
  sort: z.optional(z.string()),
};

const shapes = new WeakMap<DeviceListOptions, DeviceListShape>();

/** Stable per backend (useUrlState memoises on identity). */
export function deviceListShape(options: DeviceListOptions | undefined): DeviceListShape {
  if (!options) return FREE_SHAPE;
  let shape = shapes.get(options);
  if (!shape) {
    const [defaultSort] = options.sorts;
    shape = {
      q: FREE_SHAPE.q,
      status: z.optional(oneOf(options.statuses)),
      sort: defaultSort
        ? z._default(oneOf(options.sorts), defaultSort.value)
        : z.optional(z.string()),
    };
    shapes.set(options, shape);
  }
  return shape;
}

export function toDeviceQuery(values: { q?: string; status?: string; sort?: string }): DeviceQuery {
  return {
    ...(values.q ? { search: values.q } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.sort ? { sort: values.sort } : {}),
  };
}

/** For loaders: the same parsing the list does, from a URL. */
export function deviceQueryFromUrl(options: DeviceListOptions | undefined, url: URL): DeviceQuery {
  return toDeviceQuery(parseSearchParams(deviceListShape(options), url.searchParams).values);
}
