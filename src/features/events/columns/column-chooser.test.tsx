import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeAdapter } from '../../../testing/fake-event-adapter.ts';
import { eventColumnsFor } from '../components/event-columns.tsx';
import type { StoredColumns } from './column-memory.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { createColumnModel } from './column-model.ts';

const pelion = eventColumnsFor(createFakeAdapter({ events: 0 }).vocabulary);
const shownIds = (model: ReturnType<typeof createColumnModel>) =>
  model.layout().columns.map((column) => column.id);

describe('ColumnChooser', () => {
  it('moves a column by pointer and by keyboard, focus staying on the pressed button', async () => {
    const user = userEvent.setup();
    const saved: StoredColumns[] = [];
    const model = createColumnModel(pelion, null, (next) => saved.push(next));
    render(<ColumnChooser model={model} />);
    await user.click(screen.getByRole('button', { name: 'Columns' }));

    await user.click(screen.getByRole('button', { name: 'Move Category earlier' }));
    expect(shownIds(model).slice(2, 4)).toEqual(['category', 'code']);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move Category earlier' }),
    );
    // Again from the keyboard: Enter on the same button, then Space.
    await user.keyboard('{Enter}');
    expect(shownIds(model).slice(0, 3)).toEqual(['time', 'category', 'level']);
    await user.keyboard(' ');
    expect(shownIds(model).slice(0, 2)).toEqual(['category', 'time']);
    // At the top its "earlier" button is disabled; focus moves to "later".
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Move Category earlier' }).disabled,
    ).toBe(true);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move Category later' }),
    );
    expect(saved.at(-1)?.order.slice(0, 2)).toEqual(['category', 'time']);

    // The list in the chooser shows the grid's order.
    const labels = screen
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent ?? '');
    expect(labels.slice(0, 2)).toEqual(['Category', 'Time']);
  });
});
