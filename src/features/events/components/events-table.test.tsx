import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import { createFakeAdapter, fakeEvent } from '../../../testing/fake-event-adapter.ts';
import { eventColumnsFor } from './event-columns.tsx';
import { EventsTable, type EventRows } from './events-table.tsx';

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
  vi.restoreAllMocks();
});

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
  });
});
