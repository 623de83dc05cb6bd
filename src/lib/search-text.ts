import type { Param } from './url-state.ts';

/**
 * Free search text is kept however it arrives (typed, pasted, in a shared link) up to this many
 * characters: longer text is cut there, and the search box says so, rather than the whole filter
 * being dropped. Generous for any real search, and keeps URLs and upstream queries sane.
 */
export const SEARCH_TEXT_MAX = 500;

/** `?q=` as a URL parameter: trimmed, cut at SEARCH_TEXT_MAX, never refused. */
export const searchTextParam: Param<string | undefined> = (raw) =>
  raw === undefined ? undefined : raw.trim().slice(0, SEARCH_TEXT_MAX).trim();

/**
 * Digits grouped by thousands with commas, as `toLocaleString('en')` writes an integer. Not
 * `toLocaleString` itself: this module runs at start-up, and a page's first number formatting
 * sets up ICU's formatter, ~95 ms of a cold deep link's module evaluation in a CPU profile under
 * load (docs/performance.md "Takeover").
 */
const groupedDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export const searchCapMessage = `Search text is limited to ${groupedDigits(SEARCH_TEXT_MAX)} characters; the rest is left out.`;
