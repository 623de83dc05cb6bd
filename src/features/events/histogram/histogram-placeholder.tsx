import { HISTOGRAM_FRAME } from './frame.ts';

/** Holds the histogram's place (same box) until its code has loaded, so nothing moves. */
export function HistogramPlaceholder() {
  return <div aria-hidden="true" className={HISTOGRAM_FRAME} />;
}
