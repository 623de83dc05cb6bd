/**
 * A deep link's data preloads are only worth anything if the SPA then asks for exactly those URLs:
 * the browser hands a preloaded response to `fetch` for a byte-identical URL only, and otherwise
 * fetches twice. These tests run the SPA's own route prefetch against a recording `fetch` and
 * compare.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPelionAdapter } from '../src/backends/pelion/adapter.ts';
import { prefetchEventLog } from '../src/features/events/api/prefetch-event-log.ts';
import { deviceQueryOptions } from '../src/features/devices/api/get-device.ts';
import { dataRequestsFor } from './page-needs.ts';
import { createShell } from './shell.ts';
import { ALIYUN_CAPABILITIES, PELION_CAPABILITIES, type PublicBackend } from './backends/types.ts';

const pelion: PublicBackend = {
  id: 'my fleet',
  kind: 'pelion',
  label: 'Fleet',
  demo: false,
  capabilities: PELION_CAPABILITIES,
};
const aliyun: PublicBackend = {
  id: 'ali',
  kind: 'aliyun',
  label: 'Ali',
  demo: false,
  capabilities: ALIYUN_CAPABILITIES,
};
const backends = [pelion, aliyun];
const DEVICE = '01682647e01e00000000000100100000';
const base = `/my%20fleet/devices/${DEVICE}/events`;

/** The /api URLs the SPA's route loaders request for a link, in order. */
async function spaRequests(link: string): Promise<string[]> {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      urls.push(input);
      return new Response(JSON.stringify({ data: [], has_more: false }), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  const url = new URL(link, 'http://fleetlog.test');
  const [, , , deviceId, , eventId] = url.pathname.split('/').map(decodeURIComponent);
  const adapter = createPelionAdapter(pelion);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // What the router's loaders start for this URL (src/app/router.tsx).
  void queryClient.prefetchQuery(deviceQueryOptions(adapter, deviceId!));
  prefetchEventLog(queryClient, adapter, deviceId!, url, eventId);
  await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('data preloads of an Event log link', () => {
  it.each([
    ['the default view', base],
    ['a Message type filter and an order', `${base}?type=FAIL,SKIPPED&order=asc`],
    [
      'an absolute range and a linked event',
      `${base}/evt_0001?from=2026-11-01T00:00:00Z&to=2026-11-02T12:30:00.250%2B01:00&type=FAIL`,
    ],
    ['parameters the view ignores or drops', `${base}?q=boot&tz=utc&order=sideways&type=NOPE`],
  ])('name exactly the URLs the SPA requests: %s', async (_, link) => {
    const url = new URL(link, 'http://fleetlog.test');
    const preloads = dataRequestsFor(url.pathname, url.search, backends);
    expect(preloads.length).toBeGreaterThanOrEqual(2);
    expect(preloads.sort()).toEqual((await spaRequests(link)).sort());
  });

  it('leave the first page to the browser when a bound is relative to its clock', async () => {
    const preloads = dataRequestsFor(base, '?from=now-24h', backends);
    expect(preloads).toEqual([`/api/my%20fleet/v3/devices/${DEVICE}`]);
  });

  it('cover the device page, which opens on its Event log', () => {
    expect(dataRequestsFor(`/my%20fleet/devices/${DEVICE}`, '', backends)).toHaveLength(2);
  });

  it('are not made for other pages, other backend kinds or unknown backends', () => {
    expect(dataRequestsFor('/my%20fleet/devices', '', backends)).toEqual([]);
    expect(dataRequestsFor(`/my%20fleet/devices/${DEVICE}/settings`, '', backends)).toEqual([]);
    // Alibaba reads are signed POSTs, which a preload cannot make.
    expect(dataRequestsFor(`/ali/devices/${DEVICE}/events`, '', backends)).toEqual([]);
    expect(dataRequestsFor(`/nope/devices/${DEVICE}/events`, '', backends)).toEqual([]);
    expect(dataRequestsFor(`/my%20fleet/devices/%E0%A4%A/events`, '', backends)).toEqual([]);
  });

  it('are written into the page as attribute-safe preload links', () => {
    const html =
      '<!doctype html><html><head><meta charset="UTF-8" /><title>F</title></head></html>';
    const page = createShell(html, null, backends).htmlFor(
      `/my%20fleet/devices/a%22%3E%3Cscript%3E/events`,
      '',
    );
    expect(page).toContain(
      '<link rel="preload" as="fetch" crossorigin href="/api/my%20fleet/v3/devices/a%22%3E%3Cscript%3E">',
    );
    expect(page).not.toContain('<script>');
    // After the charset declaration, which must stay within the page's first 1,024 bytes.
    expect(page.indexOf('<meta charset')).toBeLessThan(page.indexOf('rel="preload"'));
  });
});
