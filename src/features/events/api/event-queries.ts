import type { EventLevel, SortOrder } from '../../../backends/types.ts';

/**
 * The one key factory of the feature. Filters keep relative bounds as typed (`now-24h`), so the
 * key of a view does not change every millisecond.
 */
export interface EventListFilters {
  levels: EventLevel[];
  code: string | undefined;
  from: string | undefined;
  to: string | undefined;
  order: SortOrder;
}

export const eventQueries = {
  all: (backendId: string) => ['events', backendId] as const,
  device: (backendId: string, deviceId: string) =>
    [...eventQueries.all(backendId), deviceId] as const,
  list: (backendId: string, deviceId: string, filters: EventListFilters) =>
    [...eventQueries.device(backendId, deviceId), 'list', filters] as const,
  detail: (backendId: string, deviceId: string, eventId: string) =>
    [...eventQueries.device(backendId, deviceId), 'detail', eventId] as const,
  definitions: (backendId: string, deviceId: string) =>
    [...eventQueries.device(backendId, deviceId), 'definitions'] as const,
  /** The times of a device's oldest and newest matching events (`log-ends.ts`); Refresh drops them. */
  ends: (backendId: string, deviceId: string) =>
    [...eventQueries.device(backendId, deviceId), 'ends'] as const,
};
