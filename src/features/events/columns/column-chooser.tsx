import { useEffect, useId, useReducer, useRef, useState } from 'react';
import type { ColumnModel } from './column-model.ts';

export interface ColumnChooserProps {
  model: ColumnModel;
}

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100';

/**
 * The "Columns" button: a list of checkboxes, one per column (Time cannot be hidden), and Reset.
 * Choices are the column model's, remembered per backend kind. Escape or a click elsewhere closes
 * it; focus returns to the button.
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
          className={`absolute top-full ${alignLeft ? 'left-0' : 'right-0'} z-20 mt-1 flex w-56 flex-col gap-1 rounded border border-slate-300 bg-white p-2 text-sm shadow-lg`}
        >
          {choices.map((choice) => (
            <label key={choice.id} className="flex items-center gap-2 py-0.5">
              <input
                type="checkbox"
                checked={choice.visible}
                disabled={!choice.hideable}
                onChange={(event) => model.setVisible(choice.id, event.target.checked)}
              />
              {choice.header}
            </label>
          ))}
          <button type="button" onClick={() => model.reset()} className={`${buttonClass} mt-1`}>
            Reset columns
          </button>
        </div>
      )}
    </div>
  );
}
