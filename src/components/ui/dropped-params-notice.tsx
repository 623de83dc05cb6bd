import type { DroppedParam } from '../../lib/url-state.ts';
import { describeDropped } from '../../lib/url-state.ts';

export interface DroppedParamsNoticeProps {
  dropped: readonly DroppedParam[];
}

/** Tells the user which parts of a shared link were not understood (and therefore ignored). */
export function DroppedParamsNotice({ dropped }: DroppedParamsNoticeProps) {
  if (dropped.length === 0) return null;
  return (
    <p
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm [overflow-wrap:anywhere] text-amber-900"
    >
      Ignored invalid link parameter{dropped.length > 1 ? 's' : ''}:{' '}
      <code className="font-mono">{describeDropped(dropped)}</code>
    </p>
  );
}
