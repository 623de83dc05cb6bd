import { identityFields } from '../../../backends/export-identity.ts';
import type { DeviceEvent } from '../../../backends/types.ts';

/**
 * The two export formats. NDJSON (one JSON object per line, https://github.com/ndjson/ndjson-spec)
 * holds each record exactly as the backend sent it (`raw`) beside the fields Fleetlog normalises,
 * so a file can be opened again as a log and still be checked against the vendor's own fields.
 * CSV follows RFC 4180: every field that holds a comma, a quote or a line break is quoted, with
 * quotes doubled; lines end with CRLF.
 */
export type ExportFormat = 'csv' | 'ndjson';

/** Marks the first line of a Fleetlog NDJSON export (the file can be opened again). */
export const NDJSON_HEADER_TYPE = 'fleetlog-export';

export interface ExportContext {
  backendId: string;
  /** The backend's kind and label (version 1 files written before this may lack them). */
  kind?: string;
  backendLabel?: string;
  deviceId: string;
  /** The view exported: the URL's search string and the resolved range. */
  view: string;
  from?: number;
  to?: number;
}

const CSV_COLUMNS = [
  'id',
  'time',
  'timeText',
  'level',
  'rawLevel',
  'failure',
  'code',
  'category',
  'description',
  'deviceId',
  'payload',
] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(event: DeviceEvent, deviceId: string): string {
  const fields = [
    event.id,
    new Date(event.time).toISOString(),
    event.timeText,
    event.level,
    event.rawLevel ?? '',
    event.isFailure ? 'true' : 'false',
    event.code,
    event.category ?? '',
    event.description,
    deviceId,
    event.payload === undefined ? '' : stringify(event.payload),
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The first line: what the file is, so `/import` can tell an export from any other file. */
export function ndjsonHeader(context: ExportContext, format = NDJSON_HEADER_TYPE): string {
  const range = {
    ...(context.from === undefined ? {} : { from: new Date(context.from).toISOString() }),
    ...(context.to === undefined ? {} : { to: new Date(context.to).toISOString() }),
  };
  return `${JSON.stringify({
    type: format,
    version: 1,
    backendId: context.backendId,
    ...identityFields(context),
    deviceId: context.deviceId,
    view: context.view,
    ...range,
    exportedAt: new Date().toISOString(),
  })}\n`;
}

export function ndjsonLine(event: DeviceEvent, deviceId: string): string {
  const record = {
    id: event.id,
    time: new Date(event.time).toISOString(),
    timeText: event.timeText,
    level: event.level,
    ...(event.rawLevel === undefined ? {} : { rawLevel: event.rawLevel }),
    isFailure: event.isFailure,
    code: event.code,
    ...(event.category === undefined ? {} : { category: event.category }),
    description: event.description,
    ...(event.stateChange === undefined ? {} : { stateChange: event.stateChange }),
    deviceId,
    ...(event.payload === undefined ? {} : { payload: event.payload }),
    raw: event.raw,
  };
  return `${stringify(record)}\n`;
}

/**
 * JSON text of a record. A replacer function makes JSON.stringify call back for every value, which
 * doubled the cost of a line; only a record holding a bigint (an Alibaba counter past 2^53), which
 * plain JSON.stringify refuses, is written through it.
 */
function stringify(record: unknown): string {
  try {
    return JSON.stringify(record);
  } catch (error) {
    if (error instanceof TypeError) return JSON.stringify(record, bigIntsAsText);
    throw error;
  }
}

// Alibaba payloads keep integers past 2^53 exact as bigint: written as their decimal text.
function bigIntsAsText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** `fleetlog-<backend>-<device>-<from>-<to>.<ext>`, safe as a file name on every system. */
export function exportFileName(
  context: Pick<ExportContext, 'backendId' | 'deviceId' | 'from' | 'to'>,
  format: ExportFormat,
): string {
  const instant = (ms: number | undefined, open: string) =>
    ms === undefined
      ? open
      : new Date(ms)
          .toISOString()
          .replace(/\.\d+Z$/, 'Z')
          .replaceAll(':', '');
  const parts = [
    'fleetlog',
    context.backendId,
    context.deviceId,
    instant(context.from, 'start'),
    instant(context.to, 'now'),
  ];
  const name = parts.join('_').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${name}.${format}`;
}

/**
 * The lines of `events` in the format, gathered in pieces of about `pieceChars` characters (whole
 * lines each): turning one string of a whole page (~700 KB of NDJSON) into file data cost Chromium
 * several times what ten pieces did (docs/performance.md, "Export throughput").
 */
export function encodeLines(
  events: readonly DeviceEvent[],
  format: ExportFormat,
  deviceId: string,
  pieceChars: number,
): string[] {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  const pieces: string[] = [];
  let text = '';
  for (const event of events) {
    text += line(event, deviceId);
    if (text.length >= pieceChars) {
      pieces.push(text);
      text = '';
    }
  }
  if (text !== '') pieces.push(text);
  return pieces;
}
