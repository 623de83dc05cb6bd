import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { ColumnModel } from './column-model.ts';

export interface ColumnChooserProps {
  model: ColumnModel;
}

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100';

const moveClass =
  'rounded border border-slate-300 bg-white px-1.5 text-xs leading-5 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * The "Columns" button: a list of checkboxes, one per column (Time cannot be hidden), each with
 * buttons moving it earlier or later in the grid, and Reset. Choices are the column model's,
 * remembered per backend kind. Escape or a click elsewhere closes it; focus returns to the button.
 */
export function ColumnChooser({ model }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  // Opens towards the side with room: a button in the left half of the screen opens rightwards.
  const [alignLeft, setAlignLeft] = useState(false);
  const [, refresh] = useReducer((count: number) => count + 1, 0);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => model.subscribe(refresh), [model]);
  // A move re-orders the list under the pressed button: focus stays on it (or, at an end where
  // it is disabled, goes to its sibling), so moving a column several places is several presses.
  const moved = useRef<{ id: string; step: -1 | 1 } | null>(null);
  useLayoutEffect(() => {
    const last = moved.current;
    if (!last) return;
    moved.current = null;
    const [earlier, later] = [
      ...(root.current?.querySelectorAll<HTMLButtonElement>('[data-move-column]') ?? []),
    ].filter((button) => button.dataset.moveColumn === last.id);
    const wanted = last.step < 0 ? earlier : later;
    const other = last.step < 0 ? later : earlier;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });
  const move = (id: string, step: -1 | 1) => {
    moved.current = { id, step };
    model.move(id, step);
  };
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Ours: the Event details behind it stay open.
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    // Capture: before the Event details' own Escape (which would close the details).
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  const choices = model.choices();
  const hidden = choices.filter((choice) => !choice.visible).length;
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setAlignLeft(box.left < window.innerWidth / 2);
          setOpen(!open);
        }}
        className={buttonClass}
      >
        Columns{hidden > 0 ? ` (${hidden} hidden)` : ''}
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Columns shown"
          className={`absolute top-full ${alignLeft ? 'left-0' : 'right-0'} z-20 mt-1 flex w-64 flex-col gap-1 rounded border border-slate-300 bg-white p-2 text-sm shadow-lg`}
        >
          {choices.map((choice, position) => (
            <div key={choice.id} className="flex items-center gap-1">
              <label className="flex min-w-0 flex-1 items-center gap-2 py-0.5">
                <input
                  type="checkbox"
                  checked={choice.visible}
                  disabled={!choice.hideable}
                  onChange={(event) => model.setVisible(choice.id, event.target.checked)}
                />
                <span className="truncate">{choice.header}</span>
              </label>
              <button
                type="button"
                data-move-column={choice.id}
                aria-label={`Move ${choice.header} earlier`}
                title={`Move ${choice.header} earlier`}
                disabled={position === 0}
                onClick={() => move(choice.id, -1)}
                className={moveClass}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                data-move-column={choice.id}
                aria-label={`Move ${choice.header} later`}
                title={`Move ${choice.header} later`}
                disabled={position === choices.length - 1}
                onClick={() => move(choice.id, 1)}
                className={moveClass}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </div>
          ))}
          <button type="button" onClick={() => model.reset()} className={`${buttonClass} mt-1`}>
            Reset columns
          </button>
        </div>
      )}
    </div>
  );
}
