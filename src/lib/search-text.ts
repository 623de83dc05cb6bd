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

export const searchCapMessage = `Search text is limited to ${SEARCH_TEXT_MAX.toLocaleString('en')} characters; the rest is left out.`;
