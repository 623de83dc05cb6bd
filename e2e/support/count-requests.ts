import type { Page } from '@playwright/test';

/**
 * Requests that only count: the smallest page (`limit=2`) of `/device-events`, read for its
 * `total_count` or its first event. The Event histogram sends them for its bars and for the log's
 * two ends (at most 2 + 24 bars × 4 levels), and a log opened at a moment counts the rows above
 * it with one. Specs about which pages of rows a view reads leave them out.
 */
export const HISTOGRAM_MAX_REQUESTS = 2 + 24 * 4;

export function isCountRequest(url: string): boolean {
  return url.includes('/device-events') && /[?&]limit=2(?:&|$)/.test(url);
}

/** A page of event rows: a `/device-events` read that is not one of those counts. */
export function isEventPageRequest(url: string): boolean {
  return url.includes('/device-events?') && !isCountRequest(url);
}

/** The URLs of the pages of event rows `page` asks for from now on (a live list). */
export function recordEventPages(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (isEventPageRequest(request.url())) urls.push(request.url());
  });
  return urls;
}
