import type { HidingFilter } from '../utils/hidden-by.ts';

export interface HiddenEventNoticeProps {
  hiding: HidingFilter[];
  onClear: () => void;
}

/** Says which of the view's filters hide the linked event, and offers to clear them. */
export function HiddenEventNotice({ hiding, onClear }: HiddenEventNoticeProps) {
  if (hiding.length === 0) return null;
  return (
    <div
      aria-live="polite"
      data-testid="hidden-event-notice"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <span>
        The linked event is not in this list: it is hidden by{' '}
        {hiding.map((filter) => filter.label).join(' and ')}. The list is open at its time.
      </span>
      <button
        type="button"
        onClick={onClear}
        className="rounded border border-amber-400 bg-white px-2 py-1 text-xs font-medium hover:bg-amber-100"
      >
        Clear these filters
      </button>
    </div>
  );
}
