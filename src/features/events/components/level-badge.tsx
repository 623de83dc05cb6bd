import type { LevelDescription, LevelTone } from '../../../backends/vocabulary.ts';

const TONE_STYLES: Record<LevelTone, string> = {
  failure: 'bg-red-600 text-white font-semibold',
  warning: 'bg-amber-100 text-amber-900 ring-1 ring-amber-300',
  success: 'bg-emerald-100 text-emerald-900 ring-1 ring-emerald-300',
  neutral: 'bg-slate-100 text-slate-700 ring-1 ring-slate-300',
  info: 'bg-sky-100 text-sky-900 ring-1 ring-sky-300',
};

export interface LevelBadgeProps {
  level: LevelDescription;
  /** The wire value when it differs (e.g. a deprecated word the adapter reads as another level). */
  rawLevel?: string | undefined;
}

/** Failures are filled red so they stand out in a long list; the text carries the level too. */
export function LevelBadge({ level, rawLevel }: LevelBadgeProps) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 font-mono text-xs leading-4 ${TONE_STYLES[level.tone]}`}
      title={rawLevel && rawLevel !== level.value ? `Sent as ${rawLevel}` : undefined}
    >
      {level.label}
    </span>
  );
}
