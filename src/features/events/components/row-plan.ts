/**
 * What the Events grid puts in the DOM for its rendered range: a row per held event, and for the
 * rows it does not hold (pages evicted above, a page on its way, the middle of a counted log a
 * fling passes through) one block per run of them instead of a row each. A fling through a
 * 100,000-row log spends most of its frames over rows not held; a row each meant rewriting some
 * 25 placeholder rows (offset, index, label) and restyling and laying them out on every frame,
 * where a block is one element whose offset and height change.
 *
 * A row the keyboard may need is still a row of its own even when not held: the row in the tab
 * order, the row focus is on its way to, and the first row in view (where focus goes when its
 * row leaves the range), so focus never has only a block to go to.
 */
export type PlannedRow =
  | { shape: 'event'; index: number }
  | { shape: 'placeholder'; index: number; label: string }
  /** `label` is shown on the run's first row unless the row just above already says it. */
  | { shape: 'run'; first: number; last: number; label: string; labelled: boolean };

export interface RowPlanInput {
  first: number;
  last: number;
  /** Held rows: `[heldStart, heldEnd)`. */
  heldStart: number;
  heldEnd: number;
  /** Label of a row not held before the held ones, and of one after them. */
  earlierLabel: string;
  laterLabel: string;
  /** Rows that must be elements of their own (focus targets), whether held or not. */
  single: ReadonlySet<number>;
}

export function planRows({
  first,
  last,
  heldStart,
  heldEnd,
  earlierLabel,
  laterLabel,
  single,
}: RowPlanInput): PlannedRow[] {
  const plan: PlannedRow[] = [];
  let run: { first: number; last: number; label: string } | null = null;
  const closeRun = () => {
    if (run) {
      const above = plan[plan.length - 1];
      const said = above?.shape === 'placeholder' && above.label === run.label;
      plan.push({ shape: 'run', ...run, labelled: !said });
    }
    run = null;
  };
  for (let index = first; index <= last; index += 1) {
    if (index >= heldStart && index < heldEnd) {
      closeRun();
      plan.push({ shape: 'event', index });
      continue;
    }
    const label = index < heldStart ? earlierLabel : laterLabel;
    if (single.has(index)) {
      closeRun();
      plan.push({ shape: 'placeholder', index, label });
      continue;
    }
    if (run && run.label === label && run.last === index - 1) run.last = index;
    else {
      closeRun();
      run = { first: index, last: index, label };
    }
  }
  closeRun();
  return plan;
}
