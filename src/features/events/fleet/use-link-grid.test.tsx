import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useLinkGrid } from './use-link-grid.ts';

/** Rows of two links, the third without its second (an event with no device). */
function Grid({ rows }: { rows: number }) {
  const grid = useLinkGrid(rows, 2);
  return (
    <>
      <button type="button">before</button>
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- as the feed: reached through its links */}
      <div role="grid" aria-label="Links" onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
        {Array.from({ length: rows }, (_, row) => (
          <div role="row" key={row}>
            <a href={`#t${row}`} {...grid.linkProps(row, 0, row === 2 ? 1 : 2)}>
              time {row}
            </a>
            {row !== 2 && (
              <a href={`#d${row}`} {...grid.linkProps(row, 1)}>
                device {row}
              </a>
            )}
          </div>
        ))}
      </div>
      <button type="button">after</button>
    </>
  );
}

const link = (name: string) => screen.getByRole('link', { name });

describe('useLinkGrid', () => {
  it('is one Tab stop; arrows, PageUp/PageDown and Home/End move it; Tab leaves the grid', async () => {
    const user = userEvent.setup();
    render(<Grid rows={25} />);
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    expect(document.activeElement).toBe(link('time 0'));
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(document.activeElement).toBe(link('device 1'));
    await user.keyboard('{PageDown}');
    expect(document.activeElement).toBe(link('device 21'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(link('device 24'));
    await user.keyboard('{Home}{ArrowLeft}');
    expect(document.activeElement).toBe(link('time 0'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(link('time 0'));
    await user.keyboard('{End}{ArrowRight}');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'after' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(link('device 24'));
    expect(screen.getAllByRole('link').filter((element) => element.tabIndex === 0)).toEqual([
      link('device 24'),
    ]);
  });

  it('takes a row’s first link where it lacks the one the keyboard was on', async () => {
    const user = userEvent.setup();
    render(<Grid rows={4} />);
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    await user.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(link('time 2'));
    // Still a Tab stop there: the grid is reachable again from outside.
    expect(link('time 2').tabIndex).toBe(0);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(link('device 3'));
  });

  it('follows focus that arrives by other means (a click)', async () => {
    const user = userEvent.setup();
    render(<Grid rows={5} />);
    act(() => link('device 3').focus());
    expect(link('device 3').tabIndex).toBe(0);
    expect(link('time 0').tabIndex).toBe(-1);
    await user.keyboard('{ArrowUp}');
    // Row 2 has no device: its time, and the column is kept for the row above.
    expect(document.activeElement).toBe(link('time 2'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(link('device 1'));
  });
});
