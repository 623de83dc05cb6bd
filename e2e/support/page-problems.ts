import type { Page } from '@playwright/test';

/**
 * Collects a page's console errors and warnings and its uncaught errors from now on: a failed
 * hydration, a CSP refusal or a React warning is reported as one. `ignore` leaves out messages
 * that are the page's subject rather than a fault (a 404 an unknown link is meant to get).
 */
export function problemsOf(page: Page, ignore: (text: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (ignore(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}
