import type { BackendKind, DeviceEvent } from '../../../backends/types.ts';
import { describeEventCode } from '../../../backends/pelion/event-codes.ts';

/**
 * The meaning of an event's code for the details panel. Pelion codes have a published table;
 * an Alibaba event's meaning is the name its thing model gives it, already in `description`.
 */
export function describeCode(kind: BackendKind, event: DeviceEvent): string {
  if (kind === 'pelion') return describeEventCode(event.code);
  return event.description || `Event ${event.code}`;
}
