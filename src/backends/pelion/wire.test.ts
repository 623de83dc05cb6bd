import { describe, expect, it } from 'vitest';
import { pelionEventSchema, readPelionEvent } from './wire.ts';

/** Values of every JSON type (and undefined, for a missing field). */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '2026-11-30T10:00:00.000Z',
  0,
  7,
  true,
  false,
  [],
  ['a'],
  {},
  { nested: 1 },
];
const FIELDS = [
  'id',
  'device_log_id',
  'date_time',
  'device_id',
  'event_type',
  'event_type_category',
  'event_type_description',
  'description',
  'state_change',
  'data',
];
const VALID = {
  id: '016f0a1b2c3d',
  date_time: '2026-11-30T10:00:00.000Z',
  device_id: 'dev',
  event_type: 'UPD4_FAIL_101',
  state_change: false,
};

function verdicts(item: unknown) {
  return {
    schema: pelionEventSchema.safeParse(item).success,
    reader: readPelionEvent(item) !== null,
  };
}

describe('readPelionEvent', () => {
  it('accepts and rejects exactly what pelionEventSchema does, field by field', () => {
    let accepted = 0;
    for (const field of FIELDS) {
      for (const value of VALUES) {
        const item: Record<string, unknown> = { ...VALID, [field]: value };
        if (value === undefined) delete item[field];
        const { schema, reader } = verdicts(item);
        expect(reader, `${field} = ${JSON.stringify(value)}`).toBe(schema);
        if (reader) accepted += 1;
      }
    }
    // Both outcomes are exercised, not just one.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(FIELDS.length * VALUES.length);
  });

  it('agrees on the id rule and on records that are not objects', () => {
    const { id: _id, ...withoutId } = VALID;
    for (const item of [
      withoutId,
      { ...withoutId, id: '' },
      { ...withoutId, device_log_id: 'legacy-1' },
      { ...withoutId, id: null, device_log_id: '' },
      null,
      'event',
      42,
      [VALID],
    ]) {
      const { schema, reader } = verdicts(item);
      expect(reader, JSON.stringify(item)).toBe(schema);
    }
  });

  it('hands back the record itself, unknown fields included', () => {
    const item = { ...VALID, future_field: { a: 1 } };
    expect(readPelionEvent(item)).toBe(item);
  });
});
