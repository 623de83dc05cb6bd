import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  csvEnumParam,
  defaultsOf,
  describeDropped,
  parseSearchParams,
  toSearchParams,
} from './url-state.ts';

const shape = {
  q: z.optional(z.string().check(z.trim())),
  status: z.optional(z.enum(['registered', 'deregistered'])),
  sort: z._default(z.enum(['created-desc', 'created-asc']), 'created-desc'),
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

it('accepts classic zod schemas too', async () => {
  const classic = await import('zod');
  const { values, dropped } = parseSearchParams(
    { n: classic.z.coerce.number().int().optional() },
    'n=x',
  );
  expect(values.n).toBeUndefined();
  expect(dropped).toEqual([{ param: 'n', value: 'x' }]);
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
