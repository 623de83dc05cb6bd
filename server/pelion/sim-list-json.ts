/**
 * Serialises a list envelope whose items render themselves as JSON text: the envelope goes
 * through `JSON.stringify` (so its key order and escaping stay whatever the object says) and the
 * items' text is spliced into its empty `data` array. The result is the UTF-8 of exactly what
 * `JSON.stringify` would give for the envelope holding the items' wire records.
 *
 * Written into one buffer item by item: a page of 1,000 events joined into one string first is a
 * rope of thousands of pieces that has to be flattened before it can be encoded, which took a good
 * part of a page's time (`npm run bench`, "Pelion simulator page of 1,000").
 */
import type { ListEnvelope } from './sim-events.ts';

const EMPTY_DATA = '"data":[]';
const COMMA = 0x2c;

export function listJson<T>(
  envelope: ListEnvelope<T>,
  itemJson: (item: T) => string,
): Uint8Array<ArrayBuffer> {
  const frame = JSON.stringify({ ...envelope, data: [] });
  // `object` ("list") precedes `data` in the envelope, so the first match is the data key itself.
  const at = frame.indexOf(EMPTY_DATA) + EMPTY_DATA.length - 1;
  const head = frame.slice(0, at);
  const tail = frame.slice(at);
  const items = envelope.data.map(itemJson);
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  let room = (head.length + tail.length + items.length) * 3;
  for (const item of items) room += item.length * 3;
  const bytes = Buffer.allocUnsafe(room);
  let length = bytes.write(head, 0);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) bytes[length++] = COMMA;
    length += bytes.write(items[i]!, length);
  }
  length += bytes.write(tail, length);
  // Node's buffers are never shared memory.
  return bytes.subarray(0, length) as Uint8Array<ArrayBuffer>;
}
