import { useState } from 'react';
import type { DeviceEvent } from '../../../backends/types.ts';
import { resolveTimeBound } from '../utils/time-bound.ts';

export interface LinkedEventView {
  /** The event the URL links to, once read (null: it does not exist). */
  linked: DeviceEvent | null | undefined;
  /** The events the list holds now, and whether it has answered. */
  held: readonly DeviceEvent[];
  listSettled: boolean;
}

interface EventAnchor {
  deviceId: string;
  at: string | undefined;
  eventId: string;
  time: number;
}

/**
 * Where the log opens: at `at`, or at a linked event the list does not hold (a link to an event
 * deeper than the first page, or hidden by the link's filters). A linked event the list already
 * holds (a row just clicked) moves nothing. Once opened at an event, the log stays there while
 * other rows are opened, until the device or `at` changes.
 */
export function useLogAnchor(deviceId: string, at: string | undefined) {
  const [eventAnchor, setEventAnchor] = useState<EventAnchor | null>(null);
  const current =
    eventAnchor && eventAnchor.deviceId === deviceId && eventAnchor.at === at ? eventAnchor : null;
  const anchor =
    current?.time ?? (at === undefined ? undefined : (resolveTimeBound(at, 0) ?? undefined));
  /** Called while rendering, once the list of this render is known. */
  const follow = ({ linked, held, listSettled }: LinkedEventView) => {
    if (
      linked &&
      listSettled &&
      current?.eventId !== linked.id &&
      !held.some((event) => event.id === linked.id)
    ) {
      // Adjusting state while rendering (React's documented pattern): the list is keyed by the
      // anchor, so the next render starts the anchored query.
      setEventAnchor({ deviceId, at, eventId: linked.id, time: linked.time });
    }
  };
  return { anchor, follow };
}
