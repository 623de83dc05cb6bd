import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoute, statusSays, text, withJsdomLayout } from './testing/event-log-harness.tsx';
import { createFakeAdapter, fakeAliyunInfo, fakeEvent } from '../../testing/fake-event-adapter.ts';

withJsdomLayout();
const BASE = '/demo-pelion/devices/dev-1/events';

const rowOf = (id: string) => document.querySelector<HTMLElement>(`[data-event-id="${id}"]`);

describe('an event link opens the log at the event', () => {
  it('shows a deep event selected, with neighbours both ways, in a few requests', async () => {
    const adapter = createFakeAdapter({ events: 10_000 });
    // 7,999 rows from the newest end: 40 pages of 200 to walk from the top.
    const target = fakeEvent(2000);
    renderRoute(adapter, `${BASE}/${target.id}`);
    await waitFor(() => expect(rowOf(target.id)?.getAttribute('aria-selected')).toBe('true'));
    expect(rowOf(target.id)?.dataset.index).toBe(String(10_000 - 1 - 2000));
    // Newer and older neighbours load around it.
    await waitFor(() => expect(rowOf(fakeEvent(2001).id)).not.toBeNull());
    expect(rowOf(fakeEvent(1999).id)).not.toBeNull();
    expect(adapter.calls.length).toBeLessThanOrEqual(6);
    await statusSays(/events loaded around .* \(10,000 in the log\)/);
    // The anchored halves bound the reads at the event's time.
    expect(adapter.calls.some((call) => call.query.to === target.time)).toBe(true);
  });

  it('opens an Alibaba-kind log (no counts) at the event too', async () => {
    const adapter = createFakeAdapter({ events: 3_000, info: fakeAliyunInfo });
    const target = fakeEvent(1000);
    renderRoute(adapter, `/demo-aliyun/devices/iot-1/events/${target.id}?order=asc`);
    await waitFor(() => expect(rowOf(target.id)?.getAttribute('aria-selected')).toBe('true'));
    await waitFor(() => expect(rowOf(fakeEvent(999).id)).not.toBeNull());
    expect(rowOf(fakeEvent(1001).id)).not.toBeNull();
    expect(adapter.calls.length).toBeLessThanOrEqual(6);
  });

  it('says which filter hides the linked event and clears it on request', async () => {
    const user = userEvent.setup();
    const adapter = createFakeAdapter({ events: 10_000 });
    const target = fakeEvent(3001); // a SUCCESS, hidden by FAIL-only
    renderRoute(adapter, `${BASE}/${target.id}?type=FAIL`);
    const notice = await screen.findByTestId('hidden-event-notice');
    expect(text(notice)).toMatch('hidden by Message type (FAIL)');
    // Opened at its time: the FAIL events around it are shown.
    await waitFor(() => expect(rowOf(fakeEvent(3002).id)).not.toBeNull());
    expect(rowOf(fakeEvent(2995).id)).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear these filters' }));
    expect(text(screen.getByTestId('location'))).toBe(`${BASE}/${target.id}`);
    await waitFor(() => expect(rowOf(target.id)?.getAttribute('aria-selected')).toBe('true'));
    expect(screen.queryByTestId('hidden-event-notice')).toBeNull();
  }, 20_000);

  it('opens the log at an instant with `at`', async () => {
    const adapter = createFakeAdapter({ events: 10_000 });
    const moment = fakeEvent(5000).time + 30_000;
    renderRoute(adapter, `${BASE}?at=${new Date(moment).toISOString()}`);
    // The first event at or before the instant, newest first.
    await waitFor(() => expect(rowOf(fakeEvent(5000).id)).not.toBeNull());
    expect(rowOf(fakeEvent(5000).id)?.dataset.index).toBe(String(10_000 - 1 - 5000));
    await waitFor(() => expect(rowOf(fakeEvent(5001).id)).not.toBeNull());
  });
});

describe('moving around failures and context', () => {
  it('Show in context drops the filters, keeps the event and shows its unfiltered neighbours', async () => {
    const user = userEvent.setup();
    const adapter = createFakeAdapter({ events: 10_000 });
    const target = fakeEvent(2001); // a FAIL
    renderRoute(adapter, `${BASE}/${target.id}?type=FAIL&order=desc`);
    await waitFor(() => expect(rowOf(target.id)?.getAttribute('aria-selected')).toBe('true'));
    expect(rowOf(fakeEvent(2000).id)).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Show in context' }));
    expect(text(screen.getByTestId('location'))).toBe(`${BASE}/${target.id}`);
    await waitFor(() => expect(rowOf(fakeEvent(2000).id)).not.toBeNull());
    expect(rowOf(fakeEvent(2002).id)).not.toBeNull();
    expect(rowOf(target.id)?.getAttribute('aria-selected')).toBe('true');
  }, 20_000);

  it('Next and Previous failure (and n / p) move to the adjacent FAIL with one filtered query each', async () => {
    const user = userEvent.setup();
    const adapter = createFakeAdapter({ events: 10_000 });
    const start = fakeEvent(3001); // SUCCESS, between the FAILs 3002 and 2995
    renderRoute(adapter, `${BASE}/${start.id}`);
    await waitFor(() => expect(rowOf(start.id)?.getAttribute('aria-selected')).toBe('true'));
    const before = adapter.calls.length;
    await user.click(screen.getByRole('button', { name: 'Next failure' }));
    await waitFor(() =>
      expect(text(screen.getByTestId('location'))).toBe(`${BASE}/${fakeEvent(2995).id}`),
    );
    expect(adapter.calls[before]?.query).toMatchObject({ levels: ['FAIL'], to: start.time });
    await waitFor(() =>
      expect(rowOf(fakeEvent(2995).id)?.getAttribute('aria-selected')).toBe('true'),
    );
    await user.keyboard('p');
    await waitFor(() =>
      expect(text(screen.getByTestId('location'))).toBe(`${BASE}/${fakeEvent(3002).id}`),
    );
    await user.keyboard('p');
    await waitFor(() =>
      expect(text(screen.getByTestId('location'))).toBe(`${BASE}/${fakeEvent(3009).id}`),
    );
  }, 30_000);

  it('says "No more failures" past the last one', async () => {
    const user = userEvent.setup();
    const adapter = createFakeAdapter({ events: 10_000 });
    const newestFail = fakeEvent(9995);
    renderRoute(adapter, `${BASE}/${newestFail.id}`);
    await waitFor(() => expect(rowOf(newestFail.id)?.getAttribute('aria-selected')).toBe('true'));
    await user.click(screen.getByRole('button', { name: 'Previous failure' }));
    await statusSays(/^No more failures\./);
    expect(text(screen.getByTestId('location'))).toBe(`${BASE}/${newestFail.id}`);
  }, 20_000);
});
