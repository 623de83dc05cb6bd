/**
 * A wire-faithful simulator of the Device Management endpoints Fleetlog reads (api/pelion.md):
 * `/v3/devices[/{id}]`, `/v3/device-events[/{id}]` and the deprecated alias `/v3/devicelog[/{id}]`,
 * each with or without a trailing slash, over a generated demo fleet.
 *
 * Fleetlog calls it in-process as the demo upstream; `npm run sim` serves it on its own port.
 *
 * Where api/pelion.md leaves a choice open, the simulator decides (and its tests pin down):
 * - `after` on events: any well-formed 32-hex id is positioned by (date_time, id) order, even if no
 *   such event exists (ids embed their timestamp); a malformed one is 400 validation_error.
 *   On devices, `after` must name a device (400 otherwise): that order is by created_at.
 * - The 4096-character limit is measured on the full URL as received, scheme and host included.
 * - `include` accepts only `total_count`; a non-numeric `limit` is 400 (out-of-range ones are clamped).
 * - `name__eq`/`__in` never match a device whose name is null; `__neq`/`__nin` always do.
 * - Comma lists (`__in`/`__nin`) are split on every comma, so a description containing one can
 *   only be matched with `__eq`/`__neq`.
 */
import { Hono, type Context } from 'hono';
import { toWireEvent, type PelionFleet } from '../fleet/pelion-fleet.ts';
import { errorBody, newRequestId, type FieldProblem, type PelionErrorType } from './sim-errors.ts';
import { DEVICE_FILTER_FIELDS, EVENT_FILTER_FIELDS } from './filter-fields.ts';
import { listDevices } from './sim-devices.ts';
import { listEvents, type ListOutcome } from './sim-events.ts';
import { listJson } from './sim-list-json.ts';
import { parseListQuery, type FieldSpec, type ListQuery } from './sim-query.ts';

export interface PelionSimulatorOptions {
  fleet: PelionFleet;
  /** The access key clients must present as `Authorization: Bearer <key>`. */
  apiKey: string;
  /**
   * TEST AID, not part of the real API: lets tests and the bench exercise failures through the
   * normal proxy path with the query parameter `x_sim_fault` =
   * `throttle` (429, `Retry-After: 2`, type `too_many_requests`), `error` (500) or
   * `slow` (the normal answer after ~3 s). Off by default: the parameter is then an unknown filter (400).
   */
  faultInjection?: boolean;
}

/** The API rejects URLs of this many characters or more (measured on the full URL as received). */
export const MAX_URL_LENGTH = 4096;
const SLOW_FAULT_MS = 3000;

type Env = { Variables: { requestId: string } };

export function createPelionSimulator(options: PelionSimulatorOptions): Hono<Env> {
  const { fleet, apiKey, faultInjection = false } = options;
  const app = new Hono<Env>();

  const fail = (
    c: Context<Env>,
    status: 400 | 401 | 404 | 405 | 429 | 500,
    type: PelionErrorType,
    message: string,
    fields?: FieldProblem[],
  ) => c.json(errorBody(status, type, message, c.get('requestId'), fields), status);

  app.use('*', async (c, next) => {
    const requestId = newRequestId();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-ID', requestId);
  });

  app.use('*', async (c, next) => {
    if (c.req.url.length >= MAX_URL_LENGTH) {
      return fail(
        c,
        400,
        'bad_request',
        `The request URL is too long (${MAX_URL_LENGTH} characters or more).`,
      );
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match || match[1] !== apiKey) {
      return fail(
        c,
        401,
        'invalid_auth',
        'Authorization required: send a valid access key as "Authorization: Bearer ak_…".',
      );
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return fail(
        c,
        405,
        'method_not_allowed',
        `${c.req.method} is not supported by this simulator; it serves reads only.`,
      );
    }
    await next();
  });

  const list =
    <T>(fields: Readonly<Record<string, FieldSpec>>, run: (query: ListQuery) => ListOutcome<T>) =>
    async (c: Context<Env>) => {
      const parsed = parseListQuery(new URL(c.req.url).searchParams, fields, { faultInjection });
      if (!parsed.ok)
        return fail(c, 400, 'validation_error', 'Invalid query parameters.', parsed.fields);
      const fault = await applyFault(c, parsed.query.fault);
      if (fault) return fault;
      const outcome = run(parsed.query);
      if (!outcome.ok)
        return fail(c, 400, 'validation_error', 'Invalid query parameters.', outcome.fields);
      if (!outcome.itemJson) return c.json(outcome.body);
      // The same bytes and Content-Type c.json would send for the wire records.
      c.header('Content-Type', 'application/json');
      return c.body(listJson(outcome.body, outcome.itemJson));
    };

  const applyFault = async (c: Context<Env>, fault: string | null): Promise<Response | null> => {
    switch (fault) {
      case null:
        return null;
      case 'throttle':
        c.header('Retry-After', '2');
        return fail(
          c,
          429,
          'too_many_requests',
          'Too many requests (simulated). Retry after 2 seconds.',
        );
      case 'error':
        return fail(c, 500, 'internal_server_error', 'Internal server error (simulated).');
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, SLOW_FAULT_MS));
        return null;
      default:
        return fail(c, 400, 'validation_error', 'Invalid query parameters.', [
          { name: 'x_sim_fault', message: 'must be throttle, error or slow' },
        ]);
    }
  };

  const single = (find: (id: string) => unknown, what: string) => async (c: Context<Env>) => {
    const parsed = parseListQuery(new URL(c.req.url).searchParams, {}, { faultInjection });
    const fault = parsed.ok ? await applyFault(c, parsed.query.fault) : null;
    if (fault) return fault;
    const id = c.req.param('id') ?? '';
    const found = find(id);
    if (found === undefined) return fail(c, 404, 'not_found', `${what} ${id} not found.`);
    return c.json(found);
  };

  const listDevicesRoute = list(DEVICE_FILTER_FIELDS, (q) => listDevices(fleet, q));
  const listEventsRoute = list(EVENT_FILTER_FIELDS, (q) => listEvents(fleet, q));
  const deviceRoute = single((id) => fleet.device(id), 'Device');
  const eventRoute = single((id) => {
    const event = fleet.event(id);
    return event && toWireEvent(event);
  }, 'Device event');

  for (const path of ['/v3/devices', '/v3/devices/']) app.get(path, listDevicesRoute);
  for (const path of ['/v3/devices/:id', '/v3/devices/:id/']) app.get(path, deviceRoute);
  for (const base of ['/v3/device-events', '/v3/devicelog']) {
    for (const path of [base, `${base}/`]) app.get(path, listEventsRoute);
    for (const path of [`${base}/:id`, `${base}/:id/`]) app.get(path, eventRoute);
  }

  app.notFound((c) =>
    fail(c, 404, 'not_found', `No such endpoint: ${new URL(c.req.url).pathname}`),
  );
  app.onError((error, c) => {
    console.error('Pelion simulator error:', error);
    return fail(c, 500, 'internal_server_error', 'Internal server error.');
  });
  return app;
}
