import type { BackendCapabilities } from '../../../backends/types.ts';
import { resolveTimeBound } from './time-bound.ts';

const DAY_MS = 86_400_000;

/**
 * Where the backend's history starts (null: it keeps everything), and whether the view's `to`
 * lies before it, so an empty log can say "outside the retention window" rather than "no events".
 */
export function retentionOf(
  capabilities: Pick<BackendCapabilities, 'retentionDays'>,
  to: string | undefined,
  now: number,
): { retentionStart: number | null; outsideRetention: boolean } {
  const retentionStart =
    capabilities.retentionDays === null ? null : now - capabilities.retentionDays * DAY_MS;
  const requestedTo = to === undefined ? null : resolveTimeBound(to, now);
  return {
    retentionStart,
    outsideRetention:
      retentionStart !== null && requestedTo !== null && requestedTo < retentionStart,
  };
}
