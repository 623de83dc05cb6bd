import type { DehydratedState } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, type ReactNode } from 'react';

import {
  EARLY_INPUT_GLOBAL,
  FIRST_SCREEN_ATTRIBUTE,
  SERVER_STATE_ELEMENT_ID,
} from '../backends/contract.ts';
import { markBoot } from './boot-marks.ts';

/** Input the first screen held back before the app took over (server/first-screen/early-input.ts). */
export type EarlyInput = { eventId: string } | { element: Element; value?: string };

/** Takes the held-back input, in the order it was made, and ends the holding; [] when none. */
export function takeEarlyInput(win: Window = window): EarlyInput[] {
  const take = (win as unknown as Record<string, unknown>)[EARLY_INPUT_GLOBAL];
  if (typeof take !== 'function') return [];
  delete (win as unknown as Record<string, unknown>)[EARLY_INPUT_GLOBAL];
  const taken: unknown = take();
  return Array.isArray(taken) ? (taken as EarlyInput[]) : [];
}

/**
 * Acts out held-back input on the page the app now runs: a row is looked up again by its event id
 * (rows are windowed, so the element may show another event by now), a select gets its chosen
 * value with a change event, anything else is clicked.
 */
export function replayEarlyInput(root: HTMLElement, inputs: readonly EarlyInput[]): void {
  for (const input of inputs) {
    if ('eventId' in input) {
      const row = root.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(input.eventId)}"]`);
      row?.click();
      continue;
    }
    const { element } = input;
    if (!element.isConnected) continue;
    if (element instanceof HTMLSelectElement && input.value !== undefined) {
      element.value = input.value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (element instanceof HTMLElement) {
      element.click();
    }
  }
}

/**
 * The query cache a server-rendered first screen was rendered from, or null when the page has none
 * (or it does not parse: the app then loads everything itself, as without a first screen).
 */
export function serverRenderedState(
  root: HTMLElement,
  doc: Document = document,
): DehydratedState | null {
  if (!root.hasAttribute(FIRST_SCREEN_ATTRIBUTE)) return null;
  const element = doc.getElementById(SERVER_STATE_ELEMENT_ID);
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
  useLayoutEffect(() => {
    root.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
    markBoot('takeover');
  }, [root]);
  // After the commit, when React's own handlers are in place: what was clicked meanwhile happens now.
  useEffect(() => replayEarlyInput(root, takeEarlyInput()), [root]);
  return children;
}
