import type { DeviceEvent } from '../../../backends/types.ts';

/**
 * `q` narrows the events already loaded, in the browser: no backend can search event text.
 * Matching is case-insensitive over what a person sees and may paste (code, description,
 * category, id, payload).
 */
export function eventMatchesText(event: DeviceEvent, needle: string): boolean {
  const lowered = needle.trim().toLowerCase();
  if (lowered === '') return true;
  return searchableText(event).includes(lowered);
}

const textCache = new WeakMap<DeviceEvent, string>();

function searchableText(event: DeviceEvent): string {
  let text = textCache.get(event);
  if (text === undefined) {
    const payload = event.payload === undefined ? '' : safeStringify(event.payload);
    text = [event.id, event.code, event.description, event.category ?? '', event.level, payload]
      .join('\n')
      .toLowerCase();
    textCache.set(event, text);
  }
  return text;
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === 'string'
      ? value
      : JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return '';
  }
}

export function filterEventsByText(events: DeviceEvent[], needle: string): DeviceEvent[] {
  if (needle.trim() === '') return events;
  return events.filter((event) => eventMatchesText(event, needle));
}
