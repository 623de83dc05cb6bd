import type { DeviceListOptions, DeviceQuery } from '../../../backends/types.ts';
import {
  choiceParam,
  parseSearchParams,
  textParam,
  type Param,
  type ParamShape,
} from '../../../lib/url-state.ts';
import { searchTextParam } from '../../../lib/search-text.ts';

/** `?q=`, `?status=`, `?sort=` of the device list; the allowed values come from the backend. */
export interface DeviceListShape extends ParamShape {
  q: Param<string | undefined>;
  status: Param<string | undefined>;
  sort: Param<string | undefined>;
}

const valuesOf = (choices: ReadonlyArray<{ value: string }>) =>
  choices.map((choice) => choice.value);

const FREE_SHAPE: DeviceListShape = {
  q: searchTextParam,
  status: textParam({ valid: (text) => text.length <= 64 }),
  sort: textParam({ trim: false }),
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
      status: choiceParam(valuesOf(options.statuses)),
      sort: defaultSort
        ? choiceParam(valuesOf(options.sorts), defaultSort.value)
        : textParam({ trim: false }),
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
