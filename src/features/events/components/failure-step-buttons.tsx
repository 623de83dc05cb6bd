import { useShortcut } from '../../../lib/use-shortcut.ts';
import type { StepDirection } from '../hooks/use-failure-steps.ts';

export interface FailureStepButtonsProps {
  onStep: (direction: StepDirection) => void;
}

/** Previous failure / Next failure, also on the keys `p` and `n` (outside text fields). */
export function FailureStepButtons({ onStep }: FailureStepButtonsProps) {
  useShortcut('previousFailure', () => onStep('previous'));
  useShortcut('nextFailure', () => onStep('next'));

  const button =
    'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 whitespace-nowrap';
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        aria-keyshortcuts="p"
        onClick={() => onStep('previous')}
        className={button}
      >
        Previous failure
      </button>
      <button type="button" aria-keyshortcuts="n" onClick={() => onStep('next')} className={button}>
        Next failure
      </button>
    </div>
  );
}
