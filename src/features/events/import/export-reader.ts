import type { StoredEvent } from '../../../backends/event-index.ts';
import { NDJSON_HEADER_TYPE } from '../export/export-format.ts';

/**
 * Reads a Fleetlog NDJSON export (export-format.ts) from its bytes, chunk by chunk, as a stream
 * delivers them: the first line must be the `fleetlog-export` header, every other line is one
 * event. Lines are split on the newline byte (UTF-8 never uses 0x0A inside a multi-byte
 * character), so each record's byte offset and length in the file are known: the record's `raw`
 * can be read again from the file when it is opened instead of being held in memory.
 *
 * Nothing here throws on bad input: a file that is not an export sets `problem`, a line that is
 * not a record is counted in `malformed`, and an unfinished last line is reported by `finish()`.
 */

/** What the first line of an export says (version 1; `kind` and `backendLabel` may be absent). */
export interface ExportHeader {
  type: typeof NDJSON_HEADER_TYPE;
  version: number;
  backendId: string;
  kind?: string;
  backendLabel?: string;
  deviceId: string;
  view?: string;
  from?: string;
  to?: string;
  exportedAt?: string;
}

/** An event as the grid needs it (no `raw`: that stays in the file at `offset`, `length` bytes). */
export type ImportedEvent = StoredEvent;

export interface ImportedRecord {
  event: ImportedEvent;
  /** Byte offset of the record's line in the file, and its length without the line break. */
  offset: number;
  length: number;
}

/** The newest export version this build reads. */
export const READABLE_VERSION = 1;

/** A header line longer than this is not one: a binary file is refused without reading it all. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** A longer line is skipped (and counted) rather than gathered in memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const NOT_AN_EXPORT =
  'This file is not a Fleetlog export: its first line is not a "fleetlog-export" header. Choose an NDJSON file written by Export → NDJSON.';

type LineRead = 'header' | 'record' | 'blank' | 'bad';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export class ExportReader {
  header: ExportHeader | null = null;
  /** Why the file cannot be read as an export; once set, the rest of the input is ignored. */
  problem: string | null = null;
  /** Lines after the header that were not event records (skipped). */
  malformed = 0;
  /** Records read so far. */
  records = 0;
  /** Bytes of input consumed so far. */
  bytesRead = 0;
  /** `raw` of the first record: the kind of a file whose header does not name it. */
  sampleRaw: unknown = undefined;

  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Parts of the line not finished by the chunks so far. */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** The current line grew past MAX_LINE_BYTES: the rest of it is skipped. */
  private skippingLine = false;
  private lineStart = 0;

  /** Reads the next chunk; returns the records completed by it. */
  push(chunk: Uint8Array): ImportedRecord[] {
    const out: ImportedRecord[] = [];
    if (this.problem !== null) return out;
    const chunkStart = this.bytesRead;
    this.bytesRead += chunk.length;
    let from = 0;
    while (from < chunk.length && this.problem === null) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) {
        this.keep(chunk.subarray(from));
        break;
      }
      const part = chunk.subarray(from, newline);
      if (this.skippingLine) {
        this.skippingLine = false;
        this.malformed += 1;
      } else {
        const line = this.pendingLength === 0 ? part : this.joinPending(part);
        this.readLine(line, this.lineStart, out);
      }
      this.pending = [];
      this.pendingLength = 0;
      from = newline + 1;
      this.lineStart = chunkStart + from;
    }
    if (this.header === null && this.problem === null && this.pendingLength > MAX_HEADER_BYTES)
      this.problem = NOT_AN_EXPORT;
    return out;
  }

  /**
   * The end of the input. A last line without a line break is read like any other when it is a
   * whole record; otherwise the file was cut short there (`truncated`).
   */
  finish(): { records: ImportedRecord[]; truncated: boolean } {
    const out: ImportedRecord[] = [];
    let truncated = false;
    if (this.problem === null && this.skippingLine) {
      truncated = this.header !== null;
    } else if (this.problem === null && this.pendingLength > 0) {
      const hadHeader = this.header !== null;
      const malformedBefore = this.malformed;
      const read = this.readLine(this.joinPending(new Uint8Array(0)), this.lineStart, out);
      if (hadHeader && read === 'bad') {
        // Not a record: an unfinished one, not a bad line in the middle.
        this.malformed = malformedBefore;
        truncated = true;
      }
    }
    this.skippingLine = false;
    this.pending = [];
    this.pendingLength = 0;
    if (this.problem === null && this.header === null)
      this.problem = this.bytesRead === 0 ? 'This file is empty.' : NOT_AN_EXPORT;
    return { records: out, truncated };
  }

  private keep(part: Uint8Array) {
    if (this.skippingLine || part.length === 0) return;
    // Copied: the stream may reuse the chunk's buffer.
    this.pending.push(part.slice());
    this.pendingLength += part.length;
    if (this.pendingLength > MAX_LINE_BYTES) {
      this.pending = [];
      this.pendingLength = 0;
      this.skippingLine = true;
    }
  }

  private joinPending(last: Uint8Array): Uint8Array {
    const line = new Uint8Array(this.pendingLength + last.length);
    let at = 0;
    for (const part of this.pending) {
      line.set(part, at);
      at += part.length;
    }
    line.set(last, at);
    return line;
  }

  private readLine(bytes: Uint8Array, offset: number, out: ImportedRecord[]): LineRead {
    let length = bytes.length;
    if (length > 0 && bytes[length - 1] === CARRIAGE_RETURN) length -= 1;
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(0, length));
    } catch {
      // Not UTF-8: a binary file, or a damaged line.
      if (this.header === null) this.problem = NOT_AN_EXPORT;
      else this.malformed += 1;
      return 'bad';
    }
    if (this.header === null) {
      // A byte order mark some editors add is not part of the JSON.
      this.readHeader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      return 'header';
    }
    if (text.trim() === '') return 'blank';
    const record = parseJsonObject(text);
    const event = record === null ? null : eventOfRecord(record);
    if (record === null || event === null) {
      this.malformed += 1;
      return 'bad';
    }
    if (this.records === 0) this.sampleRaw = record.raw;
    this.records += 1;
    out.push({ event, offset, length });
    return 'record';
  }

  private readHeader(text: string) {
    const header = parseJsonObject(text);
    if (header === null || header.type !== NDJSON_HEADER_TYPE) {
      this.problem = NOT_AN_EXPORT;
      return;
    }
    const { version, backendId, deviceId } = header;
    if (typeof version !== 'number' || version > READABLE_VERSION) {
      this.problem = `This export is of version ${String(version)}, which this version of Fleetlog cannot read (it reads version ${READABLE_VERSION}).`;
      return;
    }
    if (typeof backendId !== 'string' || typeof deviceId !== 'string') {
      this.problem = 'This export’s header does not name its backend and device.';
      return;
    }
    const optionalText = (key: string) =>
      typeof header[key] === 'string' ? { [key]: header[key] } : {};
    this.header = {
      type: NDJSON_HEADER_TYPE,
      version,
      backendId,
      deviceId,
      ...optionalText('kind'),
      ...optionalText('backendLabel'),
      ...optionalText('view'),
      ...optionalText('from'),
      ...optionalText('to'),
      ...optionalText('exportedAt'),
    };
  }
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** One line of an export as the grid's event (export-format.ts `ndjsonLine`), or null. */
export function parseRecord(text: string): ImportedEvent | null {
  const record = parseJsonObject(text);
  return record === null ? null : eventOfRecord(record);
}

function eventOfRecord(record: Record<string, unknown>): ImportedEvent | null {
  const { id, time, timeText, level, rawLevel, isFailure, code, category, description } = record;
  const { stateChange, deviceId, payload } = record;
  if (typeof id !== 'string' || typeof time !== 'string') return null;
  if (typeof level !== 'string' || typeof code !== 'string' || typeof description !== 'string')
    return null;
  const ms = Date.parse(time);
  if (!Number.isFinite(ms) || !('raw' in record)) return null;
  const event: ImportedEvent = {
    id,
    time: ms,
    timeText: typeof timeText === 'string' ? timeText : time,
    level,
    isFailure: isFailure === true,
    code,
    description,
  };
  if (typeof rawLevel === 'string') event.rawLevel = rawLevel;
  if (typeof category === 'string') event.category = category;
  if (typeof stateChange === 'boolean') event.stateChange = stateChange;
  if (typeof deviceId === 'string') event.deviceId = deviceId;
  if (payload !== undefined) event.payload = payload;
  return event;
}

/**
 * The order that lists records oldest first: null when the file already does, else the records'
 * indexes in that order. A newest-first file is reversed as a whole, so its newest-first reading
 * is exactly the file's order (events sharing a millisecond included); any other file is sorted
 * by time, keeping the file's order among equal times.
 */
export function oldestFirstOrder(times: ArrayLike<number>): Int32Array | null {
  const count = times.length;
  let rising = false;
  let falling = false;
  for (let i = 1; i < count; i++) {
    const step = (times[i] as number) - (times[i - 1] as number);
    if (step > 0) rising = true;
    else if (step < 0) falling = true;
  }
  if (!falling) return null;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = rising ? i : count - 1 - i;
  if (rising) order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return order;
}
