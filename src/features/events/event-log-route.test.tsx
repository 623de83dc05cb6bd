import { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT } from './components/row-height.ts';
import { prefetchEventLog } from './api/prefetch-event-log.ts';
import {
  renderRoute,
  scrollElementTo,
  statusSays,
  text,
  withJsdomLayout,
} from './testing/event-log-harness.tsx';
import {
  createFakeAdapter,
  fakeAliyunInfo,
  fakeEvent,
  throttled,
  unavailable,
} from '../../testing/fake-event-adapter.ts';

withJsdomLayout();
const eventRows = () => document.querySelectorAll('[data-event-id]');
const scroller = () => screen.getByTestId('events-scroller');
const BASE = '/demo-pelion/devices/dev-1/events';

describe('EventLogRoute', () => {
  it('shows the newest events first and states how many are loaded', async () => {
    renderRoute(createFakeAdapter({ events: 1000 }), BASE);
    await statusSays('200 of 1,000 events loaded.');
    const grid = screen.getByRole('grid', { name: 'Events' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      expect.stringMatching(/^Time \(/),
      'Message type',
      'Code',
      'Category',
      'Description',
      'State change',
    ]);
    expect(eventRows()[0]?.getAttribute('data-event-id')).toBe(fakeEvent(999).id);
    expect(text(screen.getByRole('status'))).not.toMatch('End of log');
  });

  it('shows only failures once FAIL is ticked, and writes it to the URL', async () => {
    const user = userEvent.setup();
    const adapter = createFakeAdapter({ events: 1000 });
    renderRoute(adapter, BASE);
    await screen.findByText(/200 of 1,000/);
    await user.click(
      within(screen.getByRole('group', { name: 'Message type' })).getByRole('checkbox', {
        name: 'FAIL',
      }),
    );
    await statusSays('142 of 142 events loaded. End of log.');
    const levels = [...eventRows()].map(
      (row) => row.querySelectorAll('[role="gridcell"]')[1]?.textContent,
    );
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['FAIL']));
    expect(text(screen.getByTestId('location'))).toMatch(`${BASE}?type=FAIL`);
    expect(screen.getByRole('button', { name: 'Failures only' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(adapter.calls.at(-1)?.query.levels).toEqual(['FAIL']);
  });

  it('says "End of log" once no page is left, and tells an empty result apart', async () => {
    renderRoute(createFakeAdapter({ events: 30 }), `${BASE}?from=2030-01-01T00:00:00Z`);
    await statusSays('No events match these filters.');
    expect(eventRows()).toHaveLength(0);
  });

  it('keeps loaded events visible when the next page fails, and retries on request', async () => {
    const user = userEvent.setup();
    const adapter = createFakeAdapter({
      events: 1000,
      failCall: { call: 1, error: unavailable() },
    });
    renderRoute(adapter, BASE);
    await screen.findByText(/200 of 1,000/);
    act(() => scrollElementTo(scroller(), 200 * ROW_HEIGHT));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toMatch('Upstream unavailable');
    expect(text(alert)).toMatch('HTTP 503');
    expect(text(alert)).toMatch('request id req-503-abc');
    expect(eventRows().length).toBeGreaterThan(0);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(text(screen.getByRole('status'))).toMatch(/400 of 1,000 events loaded/);
  });

  it('renders at most 150 rows while scrolling a 10,000-event log to its end, and reads the first page again at the top', async () => {
    const adapter = createFakeAdapter({ events: 10_000 });
    renderRoute(adapter, BASE);
    await screen.findByText(/200 of 10,000/);
    let maxRows = 0;
    for (
      let step = 0;
      step < 60 && !screen.getByRole('status').textContent?.includes('End of log');
      step++
    ) {
      const loaded = adapter.calls.length;
      act(() => scrollElementTo(scroller(), (step + 1) * 200 * ROW_HEIGHT));
      await waitFor(() => expect(adapter.calls.length).toBeGreaterThan(loaded));
      await waitFor(() => expect(text(screen.getByRole('status'))).not.toMatch('Loading more'));
      maxRows = Math.max(maxRows, scroller().querySelectorAll('[role="row"]').length);
    }
    // The first pages were let go on the way: the line says which rows are held, not a count.
    expect(text(screen.getByRole('status'))).toMatch(
      /^Rows 6,001–10,000 of 10,000 loaded, from .* to .*\. End of log\.$/,
    );
    expect(maxRows).toBeLessThanOrEqual(150);
    // Back at the top, the list reads its first page again: one request, not one per evicted page.
    const firstPageFetches = () => adapter.calls.filter((call) => call.cursor === null).length;
    expect(firstPageFetches()).toBe(1);
    const before = adapter.calls.length;
    act(() => scrollElementTo(scroller(), 0));
    await waitFor(() =>
      expect(eventRows()[0]?.getAttribute('data-event-id')).toBe(fakeEvent(9999).id),
    );
    expect(adapter.calls.length - before).toBe(1);
    expect(firstPageFetches()).toBe(2);
    await statusSays('200 of 10,000 events loaded.');
    expect(scroller().querySelectorAll('[role="row"]').length).toBeLessThanOrEqual(150);
  }, 60_000);

  it('opens a deep-linked event with its details and highlights its row', async () => {
    const target = fakeEvent(4325);
    const from = new Date(target.time - 3_600_000).toISOString();
    const to = new Date(target.time + 3_600_000).toISOString();
    renderRoute(
      createFakeAdapter({ events: 10_000 }),
      `${BASE}/${target.id}?from=${from}&to=${to}`,
    );
    const details = await screen.findByRole('region', { name: 'Event details' });
    await waitFor(() => expect(text(details)).toContain('"event_type": "UPD4_FAIL_101"'));
    expect(text(details)).toMatch('The device did not reach the desired state.');
    await waitFor(() =>
      expect(
        document.querySelector(`[data-event-id="${target.id}"]`)?.getAttribute('aria-selected'),
      ).toBe('true'),
    );
    expect(text(screen.getByRole('status'))).toMatch('121 of 121 events loaded. End of log.');
  });

  it('opens details with Enter on a row and closes them with Escape, keeping the filters', async () => {
    const user = userEvent.setup();
    renderRoute(createFakeAdapter({ events: 100 }), `${BASE}?type=FAIL`);
    await screen.findByText(/End of log/);
    const first = eventRows()[0] as HTMLElement;
    first.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('region', { name: 'Event details' });
    expect(text(screen.getByTestId('location'))).toMatch(
      `${BASE}/${first.dataset.eventId}?type=FAIL`,
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Event details' })).toBeNull());
    expect(text(screen.getByTestId('location'))).toMatch(`${BASE}?type=FAIL`);
  });

  it('keeps the scroll position when a visible row is opened', async () => {
    const user = userEvent.setup();
    renderRoute(createFakeAdapter({ events: 150 }), BASE);
    await statusSays('End of log');
    act(() => scrollElementTo(scroller(), 40 * ROW_HEIGHT));
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(
        `[data-event-id="${fakeEvent(149 - 45).id}"]`,
      );
      if (!found) throw new Error('row 45 not rendered yet');
      return found;
    });
    await user.click(row);
    await screen.findByRole('region', { name: 'Event details' });
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(scroller().scrollTop).toBe(40 * ROW_HEIGHT);
  });

  it('moves focus between rows with the arrow keys, one row in the tab order', async () => {
    const user = userEvent.setup();
    renderRoute(createFakeAdapter({ events: 100 }), BASE);
    await statusSays('End of log');
    expect([...eventRows()].filter((row) => row.getAttribute('tabindex') === '0')).toHaveLength(1);
    (eventRows()[0] as HTMLElement).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).dataset.eventId).toBe(fakeEvent(97).id),
    );
    await user.keyboard('{ArrowUp}');
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).dataset.eventId).toBe(fakeEvent(98).id),
    );
  });

  it('keeps every arrow key pressed before React renders again (a busy tab)', async () => {
    renderRoute(createFakeAdapter({ events: 100 }), BASE);
    await statusSays('End of log');
    (eventRows()[0] as HTMLElement).focus();
    // Three presses in one task, as a tab busy with other work delivers them: each goes to
    // whatever has focus at that moment, before React has committed the previous move.
    for (let press = 0; press < 3; press++)
      document.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }),
      );
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).dataset.eventId).toBe(fakeEvent(96).id),
    );
  });

  it('drops an invalid link parameter with a notice and shows the default view', async () => {
    const adapter = createFakeAdapter({ events: 50 });
    renderRoute(adapter, `${BASE}?type=BOGUS`);
    expect(text(await screen.findByRole('note'))).toMatch(
      'Ignored invalid link parameter: type=BOGUS',
    );
    await statusSays('50 of 50 events loaded. End of log.');
    expect(adapter.calls[0]?.query.levels).toEqual([]);
  });

  it('narrows the loaded events by free text and says so', async () => {
    const user = userEvent.setup();
    renderRoute(createFakeAdapter({ events: 100 }), BASE);
    await screen.findByText(/End of log/);
    await user.type(screen.getByRole('searchbox', { name: 'Search loaded events' }), 'number 42');
    expect(text(screen.getByRole('status'))).toMatch(
      '1 match for “number 42” in the loaded events',
    );
    expect(eventRows()).toHaveLength(1);
    expect(text(screen.getByTestId('location'))).toMatch(`${BASE}?q=number+42`);
  });
});

describe('prefetchEventLog', () => {
  it('starts the same first page and event the route then shows, without asking twice', async () => {
    const adapter = createFakeAdapter({ events: 1000 });
    const client = new QueryClient();
    // A FAIL (every 7th event) on the first page: a row the list holds opens in place.
    const target = fakeEvent(993);
    const url = `${BASE}/${target.id}?type=FAIL&order=desc`;
    prefetchEventLog(client, adapter, 'dev-1', new URL(url, 'http://localhost'), target.id);
    renderRoute(adapter, url, client);
    await statusSays('142 of 142 events loaded.');
    await screen.findByRole('region', { name: 'Event details' });
    expect(adapter.calls).toHaveLength(1);
  });
});

describe('EventLogRoute on a throttling backend', () => {
  it('says the backend is throttling and retries by itself after the delay it asked for', async () => {
    const adapter = createFakeAdapter({ events: 1000, failCall: { call: 1, error: throttled() } });
    renderRoute(adapter, BASE);
    await statusSays('200 of 1,000');
    act(() => scrollElementTo(scroller(), 200 * ROW_HEIGHT));
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toMatch('The backend is throttling requests.');
    expect(text(alert)).toMatch('request id req-throttle-1');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 4000 });
    await statusSays('400 of 1,000 events loaded.');
  }, 15_000);
});

describe('EventLogRoute on an Alibaba-kind backend', () => {
  const aliyun = () => {
    const adapter = createFakeAdapter({ events: 120, info: fakeAliyunInfo });
    adapter.listEventDefinitions = () =>
      Promise.resolve([{ code: 'PowerOff', name: 'Power off', level: 'error' as const }]);
    return adapter;
  };

  it('offers the EventType filter and the Identifier list instead of Message type', async () => {
    const user = userEvent.setup();
    const adapter = aliyun();
    renderRoute(adapter, '/demo-aliyun/devices/iot-1/events');
    await statusSays('50 events loaded.');
    expect(screen.queryByRole('group', { name: 'Message type' })).toBeNull();
    const eventType = screen.getByRole('group', { name: 'EventType' });
    for (const name of ['info', 'alert', 'error']) {
      expect(within(eventType).getByRole('checkbox', { name })).toBeTruthy();
    }
    expect(await screen.findByRole('option', { name: 'Power off (PowerOff)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Failures only' }));
    expect(text(screen.getByTestId('location'))).toMatch('?eventType=error');
    await waitFor(() => expect(adapter.calls.at(-1)?.query.levels).toEqual(['error']));
    expect(
      within(screen.getByRole('grid', { name: 'Events' }))
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([expect.stringMatching(/^Time/), 'EventType', 'Identifier', 'Name', 'OutputData']);
  });

  it('tells a range outside the retention window apart from an empty result', async () => {
    renderRoute(
      aliyun(),
      '/demo-aliyun/devices/iot-1/events?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z',
    );
    await statusSays(
      "The selected range is outside the backend's retention window. History is available from",
    );
  });

  it('reports a Pelion-only parameter as ignored', async () => {
    renderRoute(aliyun(), '/demo-aliyun/devices/iot-1/events?type=FAIL');
    expect(text(await screen.findByRole('note'))).toMatch('type=FAIL');
  });
});
