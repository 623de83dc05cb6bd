import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { backendListSchema } from './contract.ts';
import { parseOrThrow } from './http.ts';
import { pelionDeviceSchema, pelionEventSchema, pelionListSchema } from './pelion/wire.ts';
import type { WireSchema } from './wire-check.ts';

/**
 * The backend list and Izuma/Pelion's records were checked by these zod/mini schemas until the
 * start-up path dropped zod. The readers that replaced them must accept the same records with the
 * same values, and refuse the same records with the same messages (what an operator reads in
 * "The backend sent an unexpected …").
 */
const optionalText = z.nullish(z.string());
const zodSchemas = {
  event: z
    .looseObject({
      id: optionalText,
      device_log_id: optionalText,
      date_time: z.string(),
      device_id: optionalText,
      event_type: optionalText,
      event_type_category: optionalText,
      event_type_description: optionalText,
      description: optionalText,
      state_change: z.nullish(z.union([z.boolean(), z.string()])),
      data: z.optional(z.unknown()),
    })
    .check(
      z.refine((event) => Boolean(event.id ?? event.device_log_id), {
        message: 'event without id',
      }),
    ),
  device: z.looseObject({
    id: z.string(),
    name: optionalText,
    state: optionalText,
    lifecycle_status: optionalText,
    endpoint_name: optionalText,
    device_class: optionalText,
    endpoint_type: optionalText,
    firmware_checksum: optionalText,
    serial_number: optionalText,
    created_at: optionalText,
    updated_at: optionalText,
  }),
  list: z.looseObject({
    data: z.array(z.unknown()),
    has_more: z._default(z.boolean(), false),
    total_count: z.nullish(z.number().check(z.nonnegative())),
  }),
  backends: z.object({
    backends: z.array(
      z.looseObject({
        id: z.string().check(z.minLength(1)),
        kind: z.string().check(z.minLength(1)),
        label: z.string(),
        demo: z.boolean(),
        capabilities: z.looseObject({
          levelFilter: z.boolean(),
          codeFilter: z.boolean(),
          retentionDays: z.nullable(z.number()),
          totalCount: z.boolean(),
          maxPageSize: z.number().check(z.positive()),
        }),
      }),
    ),
  }),
};

// Values a field may hold on the wire, right or wrong: each JSON type, edge numbers, and absence.
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, -1, 1, 0.5, -0.5, 1000, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('', 'x', 'FAIL', '2026-12-01T10:00:00.000Z'),
  fc.string({ maxLength: 6 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 2 }),
);

/** Records with every key of `fields` either right (from `good`) or anything, plus extra keys. */
function records(good: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc
    .record(
      Object.fromEntries(
        Object.entries(good).map(([key, value]) => [
          key,
          fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: anyValue, weight: 1 }),
        ]),
      ),
      { requiredKeys: [] },
    )
    .chain((fields) =>
      fc
        .option(fc.dictionary(fc.constantFrom('extra', 'payload'), anyValue), { nil: undefined })
        .map((extra) => ({ ...fields, ...extra })),
    );
  return fc.oneof({ arbitrary: record, weight: 9 }, { arbitrary: anyValue, weight: 1 });
}

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null));
const eventRecord = records({
  id: text,
  device_log_id: text,
  date_time: fc.constant('2026-12-01T10:00:00.000Z'),
  device_id: text,
  event_type: text,
  event_type_category: text,
  event_type_description: text,
  description: text,
  state_change: fc.oneof(fc.boolean(), fc.string({ maxLength: 4 }), fc.constant(null)),
  data: anyValue,
});
const deviceRecord = records({
  id: fc.string({ maxLength: 8 }),
  name: text,
  state: text,
  lifecycle_status: text,
  endpoint_name: text,
  device_class: text,
  endpoint_type: text,
  firmware_checksum: text,
  serial_number: text,
  created_at: text,
  updated_at: text,
});
const listRecord = records({
  data: fc.array(eventRecord, { maxLength: 3 }),
  has_more: fc.boolean(),
  total_count: fc.oneof(fc.nat(), fc.constant(null)),
});
const backendRecord = records({
  id: fc.string({ maxLength: 4 }),
  kind: fc.constantFrom('pelion', 'aliyun', ''),
  label: fc.string({ maxLength: 4 }),
  demo: fc.boolean(),
  capabilities: records({
    levelFilter: fc.boolean(),
    codeFilter: fc.boolean(),
    retentionDays: fc.oneof(fc.nat(), fc.constant(null)),
    totalCount: fc.boolean(),
    maxPageSize: fc.oneof(fc.integer({ min: -2, max: 1000 }), anyValue),
  }),
});
const backendList = records({ backends: fc.array(backendRecord, { maxLength: 3 }) });

const cases: Array<[string, WireSchema<unknown>, z.ZodMiniType, fc.Arbitrary<unknown>]> = [
  ['Pelion event', pelionEventSchema, zodSchemas.event, eventRecord],
  ['Pelion device', pelionDeviceSchema, zodSchemas.device, deviceRecord],
  ['Pelion list', pelionListSchema, zodSchemas.list, listRecord],
  ['backend list', backendListSchema, zodSchemas.backends, backendList],
];

/** What the operator would read for `body`, or the value it gives. */
function outcome(schema: Parameters<typeof parseOrThrow>[0], body: unknown) {
  try {
    return { value: parseOrThrow(schema, body, 'record') };
  } catch (error) {
    return { message: (error as Error).message };
  }
}

describe('wire checks accept and refuse what the zod schemas they replaced did', () => {
  it.each(cases)('%s: same value or same message', (_name, schema, zodSchema, arbitrary) => {
    let refused = 0;
    fc.assert(
      fc.property(arbitrary, (body) => {
        const expected = outcome(zodSchema, body);
        if ('message' in expected) refused += 1;
        expect(outcome(schema, body)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    // Both verdicts were exercised: a property that never saw a refusal proves nothing.
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(950);
  });

  it('names the field and what was wrong with it', () => {
    expect(outcome(pelionListSchema, { data: {}, total_count: -1 })).toEqual({
      message:
        'The backend sent an unexpected record: data Invalid input; total_count Invalid input',
    });
    expect(outcome(pelionEventSchema, { date_time: 'x' })).toEqual({
      message: 'The backend sent an unexpected record: (root) event without id',
    });
  });
});
