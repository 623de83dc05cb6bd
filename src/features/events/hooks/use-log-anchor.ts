import { useCallback, useState } from 'react';
import type { DeviceEvent, SortOrder } from '../../../backends/types.ts';
import type { JumpTarget } from '../utils/jump-target.ts';
import { anchorOfJump } from '../utils/jump-target.ts';
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

/** A jump (scrollbar, End, Home) made in one list: it lasts until the list or the link changes. */
export interface Jump {
  /** Counts the jumps of this list, so landing on the same place twice still lands. */
  seq: number;
  target: JumpTarget;
}

interface JumpState extends Jump {
  deviceId: string;
  at: string | undefined;
  listId: string;
  /** The event anchor it replaced (a newer event link wins over the jump). */
  eventId: string | undefined;
  /** The event open when it was made: still open, it does not pull the log back to itself. */
  linkedId: string | undefined;
}

/**
 * Where the log opens: at `at`, or at a linked event the list does not hold (a link to an event
 * deeper than the first page, or hidden by the link's filters). A linked event the list already
 * holds (a row just clicked) moves nothing. Once opened at an event, the log stays there while
 * other rows are opened, until the device or `at` changes.
 *
 * A jump (the scrollbar dragged far from the rows held, End, Home) moves the anchor without
 * changing the URL: to the time the position stands for, to the log's far end, or back to the
 * plain list read from its top. `listAnchor` is the anchor of the link alone: the list's
 * identity, which a jump keeps (the grid keeps its scroll range instead of starting at the top).
 */
export function useLogAnchor(
  deviceId: string,
  at: string | undefined,
  list: { id: string; order: SortOrder; linkedId: string | undefined },
) {
  const [eventAnchor, setEventAnchor] = useState<EventAnchor | null>(null);
  const [jumpState, setJumpState] = useState<JumpState | null>(null);
  const current =
    eventAnchor && eventAnchor.deviceId === deviceId && eventAnchor.at === at ? eventAnchor : null;
  const listAnchor =
    current?.time ?? (at === undefined ? undefined : (resolveTimeBound(at, 0) ?? undefined));
  const jump =
    jumpState &&
    jumpState.deviceId === deviceId &&
    jumpState.at === at &&
    jumpState.listId === list.id &&
    jumpState.eventId === current?.eventId
      ? jumpState
      : null;
  const anchor = jump ? anchorOfJump(jump.target, list.order) : listAnchor;

  const { id: listId, linkedId } = list;
  const currentEventId = current?.eventId;
  const jumpTo = useCallback(
    (target: JumpTarget) => {
      setJumpState((previous) => ({
        deviceId,
        at,
        listId,
        eventId: currentEventId,
        linkedId,
        target,
        seq: (previous?.seq ?? 0) + 1,
      }));
    },
    [deviceId, at, listId, currentEventId, linkedId],
  );

  /** Called while rendering, once the list of this render is known. */
  const follow = ({ linked, held, listSettled }: LinkedEventView) => {
    if (
      linked &&
      listSettled &&
      jump?.linkedId !== linked.id &&
      current?.eventId !== linked.id &&
      !held.some((event) => event.id === linked.id)
    ) {
      // Adjusting state while rendering (React's documented pattern): the list is keyed by the
      // anchor, so the next render starts the anchored query. A jump made before gives way.
      setEventAnchor({ deviceId, at, eventId: linked.id, time: linked.time });
    }
  };
  return {
    anchor,
    listAnchor,
    jump: jump ? { seq: jump.seq, target: jump.target } : null,
    jumpTo,
    follow,
  };
}
