import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import { ndjsonHeader, ndjsonLine } from '../export/export-format.ts';
import {
  ExportReader,
  MAX_HEADER_BYTES,
  oldestFirstOrder,
  type ImportedRecord,
} from './export-reader.ts';

const encoder = new TextEncoder();

const eventArbitrary: fc.Arbitrary<DeviceEvent> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    time: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    level: fc.constantFrom('SUCCESS', 'FAIL', 'INFO', 'error'),
    isFailure: fc.boolean(),
    code: fc.string({ maxLength: 10 }),
    // Any text, multi-byte characters and line-break characters included (JSON escapes \n).
    description: fc.string({ unit: 'grapheme', maxLength: 20 }),
    raw: fc.jsonValue(),
  })
  .map((event) => ({ ...event, timeText: new Date(event.time).toISOString() }));

/** A valid export: its bytes, the records as written, and each record line's byte span. */
function exportOf(events: DeviceEvent[]) {
  const header = ndjsonHeader({ backendId: 'b', kind: 'pelion', deviceId: 'd', view: '' });
  const lines = events.map((event) => ndjsonLine(event, 'd'));
  const bytes = encoder.encode(header + lines.join(''));
  const spans: Array<{ offset: number; length: number }> = [];
  let offset = encoder.encode(header).length;
  for (const line of lines) {
    const length = encoder.encode(line).length;
    spans.push({ offset, length: length - 1 });
    offset += length;
  }
  return { bytes, spans, headerBytes: encoder.encode(header).length };
}

/** Feeds `bytes` cut at `cuts` (sorted positions) and finishes. */
function readInChunks(bytes: Uint8Array, cuts: number[]) {
  const reader = new ExportReader();
  const records: ImportedRecord[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    records.push(...reader.push(bytes.subarray(from, cut)));
    from = cut;
  }
  const last = reader.finish();
  records.push(...last.records);
  return { reader, records, truncated: last.truncated };
}

const cutsOf = (length: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 12 })
    .map((cuts) => cuts.sort((a, b) => a - b));

describe('ExportReader', () => {
  it('reads the same records from any split of a valid export into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { maxLength: 15 }).chain((events) => {
          const file = exportOf(events);
          return fc.tuple(fc.constant(events), fc.constant(file), cutsOf(file.bytes.length));
        }),
        ([events, file, cuts]) => {
          const { reader, records, truncated } = readInChunks(file.bytes, cuts);
          expect(reader.problem).toBeNull();
          expect(truncated).toBe(false);
          expect(reader.malformed).toBe(0);
          expect(reader.header).toMatchObject({ backendId: 'b', kind: 'pelion', deviceId: 'd' });
          expect(records.map((record) => record.event.id)).toEqual(events.map((e) => e.id));
          expect(records.map((record) => record.event.time)).toEqual(events.map((e) => e.time));
          expect(records.map((r) => r.event.description)).toEqual(events.map((e) => e.description));
          // Each span is the record's line: the raw record can be read again from the file.
          expect(records.map(({ offset, length }) => ({ offset, length }))).toEqual(file.spans);
          for (const [index, record] of records.entries()) {
            const line = file.bytes.subarray(record.offset, record.offset + record.length);
            const parsed = JSON.parse(new TextDecoder().decode(line)) as { raw: unknown };
            expect(parsed.raw).toEqual(JSON.parse(JSON.stringify(events[index]!.raw)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps every complete record of a file cut at any byte and reports the cut line', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 10 }).chain((events) => {
          const file = exportOf(events);
          return fc.tuple(
            fc.constant(file),
            fc.integer({ min: file.headerBytes, max: file.bytes.length }),
            cutsOf(file.bytes.length),
          );
        }),
        ([file, end, cuts]) => {
          const cut = file.bytes.subarray(0, end);
          const { reader, records, truncated } = readInChunks(
            cut,
            cuts.filter((at) => at <= end),
          );
          // A record is complete when its whole JSON text is in the file (line break or not).
          const complete = file.spans.filter((span) => span.offset + span.length <= end);
          expect(reader.problem).toBeNull();
          expect(records.map((r) => r.offset)).toEqual(complete.map((span) => span.offset));
          const cutInLine = file.spans.some(
            (span) => span.offset < end && end < span.offset + span.length,
          );
          expect(truncated).toBe(cutInLine);
          expect(reader.malformed).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary bytes, alone or after a valid header', () => {
    const header = encoder.encode(ndjsonHeader({ backendId: 'b', deviceId: 'd', view: '' }));
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
        (withHeader, noise, cuts) => {
          const bytes = withHeader ? new Uint8Array([...header, ...noise]) : noise;
          const sorted = cuts.filter((at) => at <= bytes.length).sort((a, b) => a - b);
          const { reader } = readInChunks(bytes, sorted);
          // Noise after a header is skipped or reported as a cut line; noise alone is refused.
          if (withHeader) expect(reader.problem).toBeNull();
          else expect(reader.problem).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a file whose first line is not an export header, saying so', () => {
    const csv = readInChunks(encoder.encode('id,time,level\r\ne1,2026,FAIL\r\n'), []);
    expect(csv.reader.problem).toMatch(/not a Fleetlog export/);
    expect(csv.records).toEqual([]);
    const json = readInChunks(encoder.encode('{"type":"something-else","version":1}\n{}\n'), []);
    expect(json.reader.problem).toMatch(/not a Fleetlog export/);
    const newer = readInChunks(
      encoder.encode('{"type":"fleetlog-export","version":2,"backendId":"b","deviceId":"d"}\n'),
      [],
    );
    expect(newer.reader.problem).toMatch(/version 2/);
    expect(readInChunks(new Uint8Array(0), []).reader.problem).toMatch(/empty/);
  });

  it('gives up on a binary file without a line break as soon as it passes the header limit', () => {
    const reader = new ExportReader();
    const block = new Uint8Array(16 * 1024).fill(0xab);
    let pushed = 0;
    while (reader.problem === null && pushed < 100) {
      reader.push(block);
      pushed += 1;
    }
    expect(reader.problem).toMatch(/not a Fleetlog export/);
    expect(pushed * block.length).toBeLessThanOrEqual(MAX_HEADER_BYTES + block.length);
  });

  it('skips and counts lines in the middle that are not records', () => {
    const event = (id: string): DeviceEvent => ({
      id,
      time: 1000,
      timeText: '',
      level: 'INFO',
      isFailure: false,
      code: 'c',
      description: 'd',
      raw: { id },
    });
    const text =
      ndjsonHeader({ backendId: 'b', deviceId: 'd', view: '' }) +
      ndjsonLine(event('a'), 'd') +
      '{"id":"no-time"}\n' +
      '\n' +
      '[1,2]\n' +
      '\u00ff garbage\r\n' +
      ndjsonLine(event('b'), 'd').replace('\n', '\r\n');
    const bytes = encoder.encode(text);
    const { reader, records, truncated } = readInChunks(bytes, [7, 300]);
    expect(records.map((record) => record.event.id)).toEqual(['a', 'b']);
    expect(reader.malformed).toBe(3);
    expect(truncated).toBe(false);
    expect(reader.sampleRaw).toEqual({ id: 'a' });
  });
});

describe('oldestFirstOrder', () => {
  it('lists any file oldest first; a newest-first file exactly reversed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), (times) => {
        const order = oldestFirstOrder(times);
        const indexes = order ? [...order] : times.map((_, index) => index);
        expect([...indexes].sort((a, b) => a - b)).toEqual(times.map((_, index) => index));
        const sorted = indexes.map((index) => times[index]!);
        expect(sorted).toEqual([...times].sort((a, b) => a - b));
        const descending = [...times].sort((a, b) => b - a);
        const reversed = oldestFirstOrder(descending);
        const readBack = reversed ? [...reversed] : descending.map((_, index) => index);
        // Read newest first (the reverse of oldest first), the file's own order comes back.
        const newestFirst = [...readBack].reverse();
        if (descending.some((time, index) => index > 0 && time !== descending[index - 1]))
          expect(newestFirst).toEqual(descending.map((_, index) => index));
      }),
    );
  });
});
