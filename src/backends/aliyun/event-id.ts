import type { AliyunEventType } from './wire.ts';
import type { AliyunEventInfo } from './wire.ts';

/**
 * Alibaba event records have no id. Fleetlog derives one that is stable across pages, orders and
 * reloads: `<Time>-<EventType>-<Identifier>-<hash>-<n>`, where hash digests Identifier, EventType
 * and OutputData, and n counts identical records earlier in the same millisecond (exact repeats
 * happen). Identifiers are `[A-Za-z0-9_]`, a custom module's `:` is written `.`, so the id is URL-safe
 * and `getEvent` can query exactly that millisecond, type and identifier.
 */
export interface ParsedEventId {
  time: number;
  eventType: AliyunEventType;
  identifier: string;
}

/** What makes two records in one millisecond the same (before counting repeats). */
export function contentKey(record: AliyunEventInfo): string {
  return `${record.EventType}-${record.Identifier.replaceAll(':', '.')}-${fnv1a(`${record.Identifier}\u0000${record.EventType}\u0000${record.OutputData ?? ''}`)}`;
}

export function eventIdFor(record: AliyunEventInfo, occurrence: number): string {
  return `${record.Time}-${contentKey(record)}-${occurrence}`;
}

const ID_PATTERN = /^(\d{1,16})-(info|alert|error)-([A-Za-z0-9_.]+)-[0-9a-z]+-\d+$/;

export function parseEventId(id: string): ParsedEventId | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  return {
    time: Number(match[1]),
    eventType: match[2] as AliyunEventType,
    identifier: (match[3] as string).replace('.', ':'),
  };
}

/** 32-bit FNV-1a over UTF-16 code units, base 36: short, and plenty to tell records of one millisecond apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
