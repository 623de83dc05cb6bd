/**
 * An event payload (a parsed JSON object, big integers as BigInt) as short text: for a grid cell
 * (`summarisePayload`) and for each field in the details (`formatPayloadValue`).
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as text: BigInt digits exactly, strings as they are, anything else as compact JSON. */
export function formatPayloadValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'bigint' ? item.toString() : item,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

/** `key=value · key=value` for an object payload; other payloads as text; '' when none. */
export function summarisePayload(payload: unknown): string {
  if (payload === undefined) return '';
  if (!isRecord(payload)) return formatPayloadValue(payload);
  return Object.entries(payload)
    .map(([key, value]) => `${key}=${formatPayloadValue(value)}`)
    .join(' · ');
}

/** The payload's own fields, or null when it is not an object. */
export function payloadEntries(payload: unknown): Array<[string, unknown]> | null {
  return isRecord(payload) ? Object.entries(payload) : null;
}
