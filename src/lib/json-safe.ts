/**
 * A reversible mapping of query data to values `JSON.stringify` keeps as they are. Needed where
 * the server hands its query cache to the browser inside the page: Alibaba payloads hold integers
 * beyond 2^53 as `BigInt` (see backends/aliyun/exact-json.ts), which JSON cannot write.
 *
 * A BigInt becomes `{ "$bigint": "<digits>" }`. So that a device's own object can never be read
 * back as one, every object key that starts with `$` gets one more `$` on the way out, and loses
 * it on the way back; a `$bigint` key with a single `$` therefore only ever comes from here.
 * Everything else (strings, numbers, booleans, null, arrays, plain objects) passes unchanged;
 * `undefined` object values are left out, as JSON would.
 */

const BIGINT_KEY = '$bigint';

export function toJsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return { [BIGINT_KEY]: value.toString() };
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key.startsWith('$') ? `$${key}` : key] = toJsonSafe(item);
  }
  return out;
}

/**
 * The inverse of `toJsonSafe`. Returns the value itself wherever nothing in it needs changing (no
 * marker, no `$` key), and copies only the objects and arrays on the way to what does: the page's
 * embedded query cache is read at start-up, and copying every object of every event cost more
 * than the parse (issue 16, docs/performance.md "Takeover").
 */
export function fromJsonSafe(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const read = fromJsonSafe(item);
      if (read !== item && out === null) out = value.slice(0, index);
      out?.push(read);
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === BIGINT_KEY && typeof record[BIGINT_KEY] === 'string')
    return BigInt(record[BIGINT_KEY]);
  let out: Record<string, unknown> | null = null;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    const item = record[key];
    const read = fromJsonSafe(item);
    if (out === null && (read !== item || key.startsWith('$'))) {
      // The keys before this one are kept as they are (none starts with `$`).
      out = {};
      for (const earlier of keys.slice(0, index)) out[earlier] = record[earlier];
    }
    if (out !== null) out[key.startsWith('$$') ? key.slice(1) : key] = read;
  }
  return out ?? record;
}
