/**
 * The Event log against the production build and the Alibaba simulator (demo-aliyun): on the
 * device whose events come in bursts sharing one millisecond, filtering two EventTypes and
 * scrolling to the end shows every event of the window exactly once, in either order.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readWholeLog } from './support/read-whole-log.ts';
import { ALIYUN_NOTABLE_DEVICES } from '../server/fleet/aliyun-fleet.ts';
import { contentKey, eventIdFor } from '../src/backends/aliyun/event-id.ts';
import type { AliyunEventInfo } from '../src/backends/aliyun/wire.ts';

const DAY = 86_400_000;
const DEVICE = ALIYUN_NOTABLE_DEVICES.tieHeavy;

interface EventData {
  NextValid: boolean;
  List?: { EventInfo?: AliyunEventInfo[] };
}

async function queryEvents(request: APIRequestContext, params: Record<string, string>) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await request.post('/api/demo-aliyun/', {
      form: { Action: 'QueryDeviceEventData', IotId: DEVICE, PageSize: '50', Asc: '1', ...params },
    });
    const body = (await answer.json()) as { Code?: string; Success?: boolean; Data?: EventData };
    // The account allows 50 queries per second, shared with the page under test.
    if (body.Code === 'Throttling.User') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      continue;
    }
    expect(body.Success, JSON.stringify(body)).toBe(true);
    return body.Data as EventData;
  }
  throw new Error('throttled ten times in a row');
}

/**
 * Every record of one EventType in [start, end], independently of Fleetlog's paging: a window that
 * does not fit one page is split in halves until each part does (no burst exceeds a page).
 */
async function allRecords(
  request: APIRequestContext,
  eventType: string,
  start: number,
  end: number,
): Promise<AliyunEventInfo[]> {
  const data = await queryEvents(request, {
    EventType: eventType,
    StartTime: String(start),
    EndTime: String(end),
  });
  if (!data.NextValid) return data.List?.EventInfo ?? [];
  if (start === end) throw new Error(`more than a page of ${eventType} events at ${start}`);
  const middle = Math.floor((start + end) / 2);
  return [
    ...(await allRecords(request, eventType, start, middle)),
    ...(await allRecords(request, eventType, middle + 1, end)),
  ];
}

/** The ids Fleetlog derives: identical records in one millisecond are numbered in turn. */
function expectedIds(records: AliyunEventInfo[]): string[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const slot = `${record.Time}/${contentKey(record)}`;
    const occurrence = seen.get(slot) ?? 0;
    seen.set(slot, occurrence + 1);
    return eventIdFor(record, occurrence);
  });
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /loaded|No events|Loading|End of log/ });

const timeOf = (id: string) => Number(id.split('-')[0]);

test.describe('Event log (demo-aliyun)', () => {
  test('EventType error+alert on the burst device shows every event exactly once, in both orders', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/demo-aliyun/devices');
    await page.getByRole('searchbox', { name: 'Search devices' }).fill('tracker-burst');
    // The search reaches the URL after a debounce; clicking before it lands would be undone by it.
    await expect(page).toHaveURL(/[?&]q=tracker-burst/);
    await page
      .getByRole('table', { name: 'Devices' })
      .getByRole('link', { name: 'Burst tracker' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Burst tracker');

    await expect(grid(page)).toBeVisible();
    const types = page.getByRole('group', { name: 'EventType' });
    await types.getByRole('checkbox', { name: 'error' }).check();
    await types.getByRole('checkbox', { name: 'alert' }).check();
    await expect(page).toHaveURL(/eventType=(error%2Calert|alert%2Cerror|error,alert|alert,error)/);
    await expect(status(page)).toContainText('loaded');
    const newestFirst = await readWholeLog(page, status(page));
    await expect(status(page)).toContainText('End of log');

    const now = Date.now();
    const records = [
      ...(await allRecords(request, 'error', now - 30 * DAY, now)),
      ...(await allRecords(request, 'alert', now - 30 * DAY, now)),
    ];
    const expected = expectedIds(records).sort();
    expect(expected.length).toBeGreaterThan(300);
    expect(new Set(expected).size).toBe(expected.length);

    expect(newestFirst.length).toBe(expected.length);
    expect([...newestFirst].sort()).toEqual(expected);
    const descTimes = newestFirst.map(timeOf);
    expect(descTimes).toEqual([...descTimes].sort((a, b) => b - a));

    await page.getByLabel('Order').selectOption('asc');
    await expect(page).toHaveURL(/order=asc/);
    await expect(status(page)).toContainText('loaded');
    const oldestFirst = await readWholeLog(page, status(page));
    await expect(status(page)).toContainText('End of log');
    expect([...oldestFirst].sort()).toEqual(expected);
    const ascTimes = oldestFirst.map(timeOf);
    expect(ascTimes).toEqual([...ascTimes].sort((a, b) => a - b));
  });
});
