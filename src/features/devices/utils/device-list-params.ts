import { z } from 'zod';
import type { DeviceListOptions, DeviceQuery } from '../../../backends/types.ts';
import { parseSearchParams, type ParamShape } from '../../../lib/url-state.ts';

/** `?q=`, `?status=`, `?sort=` of the device list; the allowed values come from the backend. */
export interface DeviceListShape extends ParamShape {
  q: z.ZodType<string | undefined>;
  status: z.ZodType<string | undefined>;
  sort: z.ZodType<string | undefined>;
}

function oneOf(choices: ReadonlyArray<{ value: string }>) {
  const values = choices.map((choice) => choice.value);
  return z.string().refine((value) => values.includes(value), { message: 'not an offered choice' });
}

const FREE_SHAPE: DeviceListShape = {
  q: z.string().trim().max(200).optional(),
  status: z.string().trim().max(64).optional(),
  sort: z.string().optional(),
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
      status: oneOf(options.statuses).optional(),
      sort: defaultSort ? oneOf(options.sorts).default(defaultSort.value) : z.string().optional(),
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
