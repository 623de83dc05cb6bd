import { useEffect } from 'react';
import type { StepDirection } from '../hooks/use-failure-steps.ts';

export interface FailureStepButtonsProps {
  onStep: (direction: StepDirection) => void;
}

const KEYS: Record<string, StepDirection> = { p: 'previous', n: 'next' };

/** Previous failure / Next failure, also on the keys `p` and `n` (outside text fields). */
export function FailureStepButtons({ onStep }: FailureStepButtonsProps) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const direction = KEYS[event.key];
      if (!direction || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      onStep(direction);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onStep]);

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
