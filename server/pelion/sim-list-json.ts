/**
 * Serialises a list envelope whose items render themselves as JSON text: the envelope goes
 * through `JSON.stringify` (so its key order and escaping stay whatever the object says) and the
 * items' text is spliced into its empty `data` array. The result is the same bytes
 * `JSON.stringify` would give for the envelope holding the items' wire records.
 */
import type { ListEnvelope } from './sim-events.ts';

const EMPTY_DATA = '"data":[]';

export function listJson<T>(envelope: ListEnvelope<T>, itemJson: (item: T) => string): string {
  const frame = JSON.stringify({ ...envelope, data: [] });
  // `object` ("list") precedes `data` in the envelope, so the first match is the data key itself.
  const at = frame.indexOf(EMPTY_DATA) + EMPTY_DATA.length - 1;
  let items = '';
  for (let i = 0; i < envelope.data.length; i++) {
    if (i > 0) items += ',';
    items += itemJson(envelope.data[i]!);
  }
  return frame.slice(0, at) + items + frame.slice(at);
}
