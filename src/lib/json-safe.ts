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

export function fromJsonSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJsonSafe);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === BIGINT_KEY && typeof entries[0]![1] === 'string')
    return BigInt(entries[0]![1]);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries)
    out[key.startsWith('$$') ? key.slice(1) : key] = fromJsonSafe(item);
  return out;
}
