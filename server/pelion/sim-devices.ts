/** `GET /v3/devices` over the demo fleet's directory (a few hundred devices: plain scans suffice). */
import type { PelionDeviceRecord, PelionFleet } from '../fleet/pelion-fleet.ts';
import { countMatches, takePage } from './sim-paging.ts';
import { DEVICE_DATE_FIELDS, type DEVICE_TEXT_FIELDS } from './filter-fields.ts';
import { matchesCondition, type ListQuery } from './sim-query.ts';
import type { ListOutcome } from './sim-events.ts';

function fieldValue(device: PelionDeviceRecord, field: string): string | number | null {
  if ((DEVICE_DATE_FIELDS as readonly string[]).includes(field)) {
    const text = device[field as (typeof DEVICE_DATE_FIELDS)[number]];
    return text === null ? null : Date.parse(text);
  }
  const value = device[field as (typeof DEVICE_TEXT_FIELDS)[number]];
  return typeof value === 'string' ? value : null;
}

/** Positions of the directory order (created_at, id), for cursors; built once per fleet. */
const positions = new WeakMap<PelionFleet, Map<string, number>>();

export function listDevices(fleet: PelionFleet, query: ListQuery): ListOutcome<PelionDeviceRecord> {
  let byId = positions.get(fleet);
  if (!byId) {
    byId = new Map(fleet.devices.map((d, i) => [d.id, i]));
    positions.set(fleet, byId);
  }
  let cursor = null;
  if (query.after !== null) {
    const at = byId.get(query.after);
    // Device cursors must name a device: the directory order is by created_at, which an id does not tell.
    if (at === undefined)
      return { ok: false, fields: [{ name: 'after', message: 'must be the id of a device' }] };
    cursor = { ascStart: at + 1, descStart: at - 1 };
  }
  const conditions = query.conditions;
  const match =
    conditions.length === 0
      ? null
      : (device: PelionDeviceRecord) =>
          conditions.every((c) => matchesCondition(c, fieldValue(device, c.field)));
  const list = fleet.devices;
  const page = takePage(list, { lo: 0, hi: list.length, cursor }, query.order, query.limit, match);
  return {
    ok: true,
    body: {
      object: 'list',
      data: page.items,
      limit: query.limit,
      after: query.after,
      order: query.order,
      has_more: page.hasMore,
      ...(query.includeTotalCount
        ? { total_count: countMatches(list, 0, list.length, match) }
        : {}),
    },
  };
}
