import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import { createFakeAdapter, fakeEvent } from '../../../testing/fake-event-adapter.ts';
import { eventColumnsFor } from './event-columns.tsx';
import { EventsTable, type EventRows } from './events-table.tsx';
import { ROW_HEIGHT } from './row-height.ts';
import { scrollElementTo, text, withJsdomLayout } from '../testing/event-log-harness.tsx';

const { vocabulary } = createFakeAdapter({ events: 0 });
const events = (from: number, count: number): DeviceEvent[] =>
  Array.from({ length: count }, (_, offset) => fakeEvent(from + offset));

function table(rows: EventRows) {
  return (
    <EventsTable
      vocabulary={vocabulary}
      tz="utc"
      timeZoneLabel="UTC"
      rows={rows}
      listKey="list"
      trailingLabel="Loading more events…"
      selectedId={undefined}
      scrollTargetId={undefined}
      onOpen={noop}
      onVisibleRangeChange={noop}
    />
  );
}
const noop = () => undefined;

afterEach(() => {
  vi.clearAllMocks();
});
withJsdomLayout();

const scroller = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-testid="events-scroller"]')!;

describe('EventsTable', () => {
  it('does not render its rows again when a page is appended', () => {
    const timeColumn = eventColumnsFor(vocabulary).list.find((column) => column.id === 'time');
    if (!timeColumn) throw new Error('no time column');
    const cell = vi.spyOn(timeColumn, 'cell');
    const held = events(0, 200);
    const { container, rerender } = render(table({ start: 0, events: held, count: 201 }));
    const shown = container.querySelectorAll('[data-event-id]').length;
    expect(shown).toBeGreaterThan(0);
    expect(cell).toHaveBeenCalled();

    // The next page arrives: same event objects first, 200 more after, a longer list.
    cell.mockClear();
    rerender(table({ start: 0, events: [...held, ...events(200, 200)], count: 401 }));
    expect(container.querySelectorAll('[data-event-id]')).toHaveLength(shown);
    expect(cell).not.toHaveBeenCalled();
    cell.mockRestore();
  });

  // What a scroll frame costs is the rows it renders again: these counts guard it without timing.
  it('renders only the row that enters when scrolled by one row', () => {
    const timeColumn = eventColumnsFor(vocabulary).list.find((column) => column.id === 'time')!;
    const cell = vi.spyOn(timeColumn, 'cell');
    const { container } = render(table({ start: 0, events: events(0, 200), count: 201 }));
    const rowsBefore = container.querySelectorAll('[data-event-id]').length;
    expect(rowsBefore).toBeGreaterThan(10);
    cell.mockClear();
    act(() => scrollElementTo(scroller(container), ROW_HEIGHT));
    expect(container.querySelectorAll('[data-event-id]')).toHaveLength(rowsBefore + 1);
    expect(cell).toHaveBeenCalledTimes(1);
    cell.mockRestore();
  });

  it('shows rows not held as one block, not a row each, while a fling passes them', () => {
    const rows = { start: 50_000, events: events(0, 200), count: 100_006 };
    const { container } = render(table(rows));
    const scroll = scroller(container);
    for (const row of [10_000, 10_125, 10_250]) {
      act(() => scrollElementTo(scroll, row * ROW_HEIGHT));
      // The first row in view (where focus goes) and the one in the tab order stay rows.
      const shown = scroll.querySelectorAll('[role="row"]');
      expect(shown.length).toBeLessThanOrEqual(2);
      expect(scroll.querySelector(`[role="row"][data-index="${row}"]`)).not.toBeNull();
      expect(text(scroll.querySelector(`[data-index="${row}"]`))).toBe('Loading earlier events…');
      const blocks = scroll.querySelectorAll('[data-placeholder-rows]');
      expect(blocks.length).toBeLessThanOrEqual(2);
      for (const block of blocks) expect(block.getAttribute('aria-hidden')).toBe('true');
      // Every element of the list: the sizer, the rows and blocks, their cells and labels.
      expect(scroll.querySelectorAll('*').length).toBeLessThanOrEqual(10);
    }
  });
});
