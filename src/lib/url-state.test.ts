import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SEARCH_TEXT_MAX, searchTextParam } from './search-text.ts';
import {
  choiceParam,
  csvEnumParam,
  defaultsOf,
  describeDropped,
  INVALID,
  parseSearchParams,
  textParam,
  toSearchParams,
  type Param,
} from './url-state.ts';

const shape = {
  q: textParam(),
  status: choiceParam(['registered', 'deregistered']),
  sort: choiceParam(['created-desc', 'created-asc'], 'created-desc'),
  type: csvEnumParam(['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] as const),
};

describe('parseSearchParams', () => {
  it('gives defaults for missing and empty parameters without reporting them', () => {
    const { values, dropped } = parseSearchParams(shape, '?q=&status=');
    expect(values).toEqual({ q: undefined, status: undefined, sort: 'created-desc', type: [] });
    expect(dropped).toEqual([]);
  });

  it('keeps valid values', () => {
    const { values, dropped } = parseSearchParams(
      shape,
      'q=%20pump%20&status=registered&sort=created-asc&type=FAIL,SUCCESS',
    );
    expect(values).toEqual({
      q: 'pump',
      status: 'registered',
      sort: 'created-asc',
      type: ['SUCCESS', 'FAIL'],
    });
    expect(dropped).toEqual([]);
  });

  it('drops invalid values, falls back to the default and reports each one', () => {
    const { values, dropped } = parseSearchParams(
      shape,
      'status=exploded&sort=sideways&type=FAIL,BOGUS&q=ok',
    );
    expect(values).toEqual({ q: 'ok', status: undefined, sort: 'created-desc', type: [] });
    expect(dropped).toEqual([
      { param: 'status', value: 'exploded' },
      { param: 'sort', value: 'sideways' },
      { param: 'type', value: 'FAIL,BOGUS' },
    ]);
    expect(describeDropped(dropped)).toBe('status=exploded, sort=sideways, type=FAIL,BOGUS');
  });

  it('ignores parameters outside the shape', () => {
    const { values, dropped } = parseSearchParams(shape, 'utm_source=mail&sort=created-asc');
    expect(values).not.toHaveProperty('utm_source');
    expect(dropped).toEqual([]);
  });
});

/**
 * The parameters were zod/mini schemas until they left the start-up path; each builder must read
 * every link exactly as the schema it replaced (same value, same verdict).
 */
describe('parameters read links as the zod schemas they replaced', () => {
  const LEVELS = ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'] as const;
  const zodCsv = z.pipe(
    z.optional(
      z.pipe(
        z.pipe(
          z.pipe(
            z.string(),
            z.transform((text: string) => text.split(',').map((part) => part.trim())),
          ),
          z.array(z.enum(LEVELS)),
        ),
        z.transform((listed: Array<(typeof LEVELS)[number]>) =>
          LEVELS.filter((value) => listed.includes(value)),
        ),
      ),
    ),
    z.transform((listed: Array<(typeof LEVELS)[number]> | undefined) => listed ?? []),
  );
  const isCode = (text: string) => /^[A-Za-z][\w.-]{0,63}$/.test(text);
  const pairs: Array<[string, Param<unknown>, z.ZodMiniType]> = [
    ['trimmed text', textParam(), z.optional(z.string().check(z.trim()))],
    [
      'trimmed text with a check',
      textParam({ valid: isCode }),
      z.optional(z.string().check(z.trim(), z.refine(isCode))),
    ],
    [
      'text up to 64 characters',
      textParam({ valid: (text) => text.length <= 64 }),
      z.optional(z.string().check(z.trim(), z.maxLength(64))),
    ],
    ['any text', textParam({ trim: false }), z.optional(z.string())],
    ['choice', choiceParam(['desc', 'asc']), z.optional(z.enum(['desc', 'asc']))],
    [
      'choice with a default',
      choiceParam(['local', 'utc'], 'local'),
      z._default(z.enum(['local', 'utc']), 'local'),
    ],
    ['literal', choiceParam(['1']), z.optional(z.literal('1'))],
    ['comma list', csvEnumParam(LEVELS), zodCsv],
    [
      'search text',
      searchTextParam,
      z.optional(
        z.pipe(
          z.string(),
          z.transform((text: string) => text.trim().slice(0, SEARCH_TEXT_MAX).trim()),
        ),
      ),
    ],
  ];
  // Link-like text: the values the params know, their pieces, spaces, commas and anything else.
  const linkText = fc.oneof(
    fc.constantFrom('desc', 'asc', 'local', 'utc', '1', 'FAIL', 'SUCCESS,FAIL', ' FAIL , INFO'),
    fc
      .array(fc.constantFrom(...LEVELS, ' ', ',', 'x', 'ok'), { maxLength: 8 })
      .map((parts) => parts.join('')),
    fc.string({ maxLength: 80 }),
    fc.string({ minLength: SEARCH_TEXT_MAX - 5, maxLength: SEARCH_TEXT_MAX + 20 }),
  );

  it.each(pairs)('%s', (_name, param, schema) => {
    expect(param(undefined)).toEqual(z.parse(schema, undefined));
    fc.assert(
      fc.property(linkText, (raw) => {
        const result = z.safeParse(schema, raw);
        const value = param(raw);
        if (result.success) expect(value).toEqual(result.data);
        else expect(value).toBe(INVALID);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toSearchParams', () => {
  it('omits defaults and empty values so links stay short', () => {
    const params = toSearchParams(
      { q: '', status: undefined, sort: 'created-desc', type: [] },
      defaultsOf(shape),
    );
    expect(params.toString()).toBe('');
  });

  it('writes non-default values, arrays as comma lists, and round-trips through the parser', () => {
    const values = {
      q: 'pump 7',
      status: 'registered',
      sort: 'created-asc',
      type: ['SUCCESS', 'FAIL'],
    } as const;
    const params = toSearchParams(values, defaultsOf(shape));
    expect(params.get('type')).toBe('SUCCESS,FAIL');
    expect(parseSearchParams(shape, params).values).toEqual(values);
  });
});
