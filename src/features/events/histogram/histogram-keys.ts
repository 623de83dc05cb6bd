import { eventQueries } from '../api/event-queries.ts';

/** The histogram's query keys, apart from its queries so the route can refresh them for little code. */
export const histogramKeys = {
  all: (backendId: string, deviceId: string) =>
    [...eventQueries.device(backendId, deviceId), 'histogram'] as const,
  /**
   * Set by a server-rendered first screen whose histogram came drawn (its window and every bar's
   * total in the cache): the zone offset its bars were cut and labelled in (see
   * `first-screen-histogram.ts`). Filters as the window's key holds them.
   */
  firstScreen: (backendId: string, deviceId: string, filters: unknown) =>
    [...eventQueries.device(backendId, deviceId), 'histogram', 'first-screen', filters] as const,
};
