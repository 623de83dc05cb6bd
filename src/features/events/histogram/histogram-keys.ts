import { eventQueries } from '../api/event-queries.ts';

/** The histogram's query keys, apart from its queries so the route can refresh them for little code. */
export const histogramKeys = {
  all: (backendId: string, deviceId: string) =>
    [...eventQueries.device(backendId, deviceId), 'histogram'] as const,
};
