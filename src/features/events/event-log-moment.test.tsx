import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT } from './components/row-height.ts';
import {
  renderRoute,
  scrollElementTo,
  statusSays,
  text,
  withJsdomLayout,
} from './testing/event-log-harness.tsx';
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
    // The row numbers of the whole log it holds, and their times.
    await statusSays(/^Rows 7,800–8,199 of 10,000 loaded, from .* to .*\.$/);
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
    // The newer neighbours come with the page above it, asked for as soon as the rows show.
    await waitFor(() => expect(rowOf(fakeEvent(2002).id)).not.toBeNull());
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
    // One query filtered to failures found it (other reads, such as a page the view's overscan
    // asks for, may go out meanwhile on a busy machine).
    const failureQueries = adapter.calls
      .slice(before)
      .filter((call) => call.query.levels.includes('FAIL'));
    expect(failureQueries).toHaveLength(1);
    expect(failureQueries[0]?.query).toMatchObject({ levels: ['FAIL'], to: start.time });
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

describe('jumping anywhere in a counted log', () => {
  const scroller = () => screen.getByTestId('events-scroller');
  const shownIndexes = () =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-event-id]'), (row) => ({
      index: Number(row.dataset.index),
      id: row.dataset.eventId,
    }));

  it('a scrollbar dragged to the middle seeks to the time it stands for, not page by page', async () => {
    const adapter = createFakeAdapter({ events: 10_000 });
    renderRoute(adapter, BASE);
    await statusSays('200 of 10,000 events loaded.');
    // The scroll range is the whole log's from the first page on.
    expect(parseFloat((scroller().firstElementChild as HTMLElement).style.height)).toBe(
      10_000 * ROW_HEIGHT,
    );
    const before = adapter.calls.length;
    act(() => scrollElementTo(scroller(), 5000 * ROW_HEIGHT));
    // Newest first, row 5,000 is event 4,999; the even fake log maps position to time exactly.
    await waitFor(() => expect(rowOf(fakeEvent(4999).id)).not.toBeNull());
    for (const { index, id } of shownIndexes()) expect(id).toBe(fakeEvent(9999 - index).id);
    // The page at the moment and the page above it (the overscan row above the view asks for it).
    await statusSays(/^Rows 4,801–5,200 of 10,000 loaded, from .* to .*\.$/);
    // The log's two ends, then the page at the moment and the count above it: no walk.
    expect(adapter.calls.length - before).toBeLessThanOrEqual(6);
  });

  it('End lands on the oldest event with "End of log", Home back on the newest', async () => {
    const adapter = createFakeAdapter({ events: 10_000 });
    renderRoute(adapter, BASE);
    await statusSays('200 of 10,000 events loaded.');
    const first = document.querySelector<HTMLElement>('[data-index="0"]')!;
    first.focus();
    const before = adapter.calls.length;
    fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(rowOf(fakeEvent(0).id)?.dataset.index).toBe('9999'));
    await statusSays(/^Rows 9,801–10,000 of 10,000 loaded.* End of log\.$/);
    expect(adapter.calls.length - before).toBeLessThanOrEqual(3);
    const last = document.querySelector<HTMLElement>('[data-index="9999"]')!;
    fireEvent.keyDown(last, { key: 'Home' });
    await waitFor(() => expect(rowOf(fakeEvent(9999).id)?.dataset.index).toBe('0'));
    await statusSays('200 of 10,000 events loaded.');
  });

  it('End on a log that cannot count (Alibaba kind) seeks to its oldest end too', async () => {
    const adapter = createFakeAdapter({ events: 3_000, info: fakeAliyunInfo });
    renderRoute(adapter, '/demo-aliyun/devices/iot-1/events');
    await waitFor(() => expect(rowOf(fakeEvent(2999).id)).not.toBeNull());
    const first = document.querySelector<HTMLElement>('[data-index="0"]')!;
    fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(rowOf(fakeEvent(0).id)).not.toBeNull());
    await statusSays(/End of log\.$/);
    // Its rows above are not counted: the line names what it holds, without row numbers.
    await statusSays(/^\d+ events loaded, from .* to .*\. End of log\.$/);
  });
});
