import type { LevelTone } from '../../../backends/vocabulary.ts';

/**
 * Bar fills by what a level means. Shade 600 keeps at least 3:1 against the light card (amber
 * 3.2:1, the lowest) and, mirrored by the dark theme (index.css), against the dark one; failures
 * are the red of the level badges.
 */
export const LEVEL_FILL: Record<LevelTone, string> = {
  failure: 'bg-red-600',
  warning: 'bg-amber-600',
  success: 'bg-emerald-600',
  neutral: 'bg-slate-500',
  info: 'bg-sky-600',
};
