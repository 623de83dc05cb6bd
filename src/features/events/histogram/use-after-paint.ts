import { useEffect, useState } from 'react';

/**
 * true from the first frame painted after `ready` turned true for `key`, until `key` changes
 * (then false again until the next such frame). The histogram's code and counts start then:
 * after the app has shown the rows of the view's filters, never in the way of them; a filter
 * change holds its counts back until its own rows are painted.
 */
export function useAfterPaint(ready: boolean, key = ''): boolean {
  const [paintedKey, setPaintedKey] = useState<string | null>(null);
  const painted = ready && paintedKey === key;
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs before that frame paints; the task after it runs once it has.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPaintedKey(key), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted, key]);
  return painted;
}
