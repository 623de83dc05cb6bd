import type { EventLevel } from '../../../backends/types.ts';

const LEVEL_STYLES: Record<EventLevel, string> = {
  FAIL: 'bg-red-600 text-white font-semibold',
  error: 'bg-red-600 text-white font-semibold',
  alert: 'bg-amber-100 text-amber-900 ring-1 ring-amber-300',
  SUCCESS: 'bg-emerald-100 text-emerald-900 ring-1 ring-emerald-300',
  SKIPPED: 'bg-slate-100 text-slate-700 ring-1 ring-slate-300',
  INFO: 'bg-sky-100 text-sky-900 ring-1 ring-sky-300',
  info: 'bg-sky-100 text-sky-900 ring-1 ring-sky-300',
};

export interface LevelBadgeProps {
  level: EventLevel;
  /** The wire value when it differs (Pelion UNDETERMINED shown as INFO). */
  rawLevel?: string | undefined;
}

/** Failures are filled red so they stand out in a long list; the text carries the level too. */
export function LevelBadge({ level, rawLevel }: LevelBadgeProps) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs leading-4 ${LEVEL_STYLES[level]}`}
      title={rawLevel && rawLevel !== level ? `Sent as ${rawLevel}` : undefined}
    >
      {level}
    </span>
  );
}
