import { expect, type APIRequestContext } from '@playwright/test';

const API = '/api/demo-pelion/v3/device-events';

/** The last instant a bar ending (exclusively) at `end` still holds. */
export const lastIncluded = (end: string) => new Date(Date.parse(end) - 1).toISOString();

/** How many of the demo Pelion device's events lie in [from, to], as the API counts them. */
export async function apiCount(
  request: APIRequestContext,
  device: string,
  from: string,
  to: string,
): Promise<number> {
  const query = new URLSearchParams({
    device_id__eq: device,
    limit: '2',
    include: 'total_count',
    date_time__gte: from,
    date_time__lte: to,
  });
  const answer = await request.get(`${API}?${query}`);
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { total_count: number }).total_count;
}
