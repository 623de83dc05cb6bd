/**
 * The query parameters Fleetlog forwards to Device Management, per path: the documented parameters
 * of the Device Directory API (its API reference on developer.izumanetworks.com and the OpenAPI spec
 * published in the vendor's SDK repositories).
 * Anything else — `access_token`, `api_key`, an unknown filter — is refused before the request
 * leaves, so the browser cannot add to what the server's key is used for.
 */

import {
  DEVICE_FILTER_FIELDS,
  EVENT_FILTER_FIELDS,
  type FieldSpec,
  type Operator,
} from './filter-fields.ts';

/** Paging and envelope parameters of both list calls. */
const LIST_PARAMS: ReadonlySet<string> = new Set(['limit', 'order', 'after', 'include', 'filter']);

/** Test aid of the demo simulators (README, "The simulators"); never sent to a real API. */
export const SIM_FAULT_PARAM = 'x_sim_fault';

const FILTER_NAME = /^([a-z_]+?)(?:__(eq|neq|in|nin|gte|lte))?$/;

function isFilter(name: string, filters: Readonly<Record<string, FieldSpec>>): boolean {
  const match = FILTER_NAME.exec(name);
  if (!match) return false;
  const operators = Object.hasOwn(filters, match[1]!) ? filters[match[1]!]!.operators : undefined;
  // A bare `field=value` means `field__eq`.
  return operators !== undefined && operators.includes((match[2] ?? 'eq') as Operator);
}

export interface QueryCheck {
  /** The query string to send upstream (with `?`, or ''), rebuilt from the names that were checked. */
  search: string;
}

/**
 * Checks every parameter name of a request to an allowed path (`/v3/devices`, `/v3/devices/{id}`,
 * `/v3/device-events`, `/v3/device-events/{id}`, with or without a trailing slash). Returns the
 * query to forward, or the first name that is not allowed there. The query is rebuilt from the
 * parsed pairs, so the upstream reads exactly the parameters that were checked, whatever separators
 * or encodings the browser used.
 */
export function checkQuery(
  collection: 'devices' | 'device-events',
  single: boolean,
  search: string,
  options: { simFaults: boolean },
): QueryCheck | { refused: string } {
  const filters = collection === 'devices' ? DEVICE_FILTER_FIELDS : EVENT_FILTER_FIELDS;
  const params = new URLSearchParams(search);
  for (const [name, value] of params) {
    if (name === SIM_FAULT_PARAM && options.simFaults) continue;
    if (single) return { refused: name };
    if (name === 'filter') {
      // The legacy form nests a query string of filters; its names are checked the same way.
      for (const inner of new URLSearchParams(value).keys()) {
        if (!isFilter(inner, filters)) return { refused: `filter: ${inner}` };
      }
      continue;
    }
    if (!LIST_PARAMS.has(name) && !isFilter(name, filters)) return { refused: name };
  }
  const pairs = [...params].map(
    ([name, value]) =>
      // Commas stay literal, as the SPA sends them: `%2C` would triple a long `event_type__nin`.
      `${encodeURIComponent(name)}=${encodeURIComponent(value).replaceAll('%2C', ',')}`,
  );
  return { search: pairs.length > 0 ? `?${pairs.join('&')}` : '' };
}
