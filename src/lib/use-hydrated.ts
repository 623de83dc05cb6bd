import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False while the server renders and while React adopts that markup in the browser (hydration);
 * true in every render after, and from the start on a page the server did not render. For parts
 * the server leaves out: rendering them during hydration would not match its markup.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
