/** The histogram's box, shared with the placeholder that holds its place until it loads. */
export const HISTOGRAM_FRAME =
  'h-[7.75rem] shrink-0 rounded border border-slate-200 bg-white px-3 pt-1.5 pb-1';
