import { useEffect, useState } from 'react';
import type { TimeZoneSetting } from '../utils/format-time.ts';
import { knownLocalZoneName, localZoneName } from '../utils/format-time.ts';

/**
 * The Time column's zone: "UTC", or the browser's zone name. The name needs `Intl`, whose first
 * use costs tens of ms on a cold page, so a view's first paint says "local" and the name follows
 * in the frame after (at once on later visits: it is remembered).
 */
export function useTimeZoneLabel(tz: TimeZoneSetting): string {
  const [zone, setZone] = useState(knownLocalZoneName);
  useEffect(() => {
    if (tz !== 'local' || zone !== undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame runs after that frame has painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setZone(localZoneName()), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [tz, zone]);
  if (tz === 'utc') return 'UTC';
  return zone ?? 'local';
}
