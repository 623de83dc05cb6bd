import type { DehydratedState } from '@tanstack/react-query';
import { useLayoutEffect, type ReactNode } from 'react';

/** Matches SERVER_STATE_ELEMENT_ID and the `data-first-screen` marker in server/shell.ts. */
const SERVER_STATE_ID = 'fleetlog-state';
const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

/**
 * The query cache a server-rendered first screen was rendered from, or null when the page has none
 * (or it does not parse: the app then loads everything itself, as without a first screen).
 */
export function serverRenderedState(
  root: HTMLElement,
  doc: Document = document,
): DehydratedState | null {
  if (!root.hasAttribute(FIRST_SCREEN_ATTRIBUTE)) return null;
  const element = doc.getElementById(SERVER_STATE_ID);
  try {
    const state: unknown = JSON.parse(element?.textContent ?? '');
    if (
      typeof state === 'object' &&
      state !== null &&
      Array.isArray((state as DehydratedState).queries)
    )
      return state as DehydratedState;
  } catch {
    // Fall through: treated as no first screen.
  }
  return null;
}

/**
 * Marks the moment the app took the server's markup over (hydrated it): `#root` loses its
 * `data-first-screen` marker in that commit; from then on the page responds (the bench times it).
 */
export function FirstScreenTakeover({
  root,
  children,
}: {
  root: HTMLElement;
  children: ReactNode;
}) {
  useLayoutEffect(() => root.removeAttribute(FIRST_SCREEN_ATTRIBUTE), [root]);
  return children;
}
