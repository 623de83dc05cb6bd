import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../../lib/url-state.ts';
import { EVENT_LOG_DEFAULTS, eventLogParams, serialiseEventLogSearch } from './event-log-search.ts';

const parse = (query: string) => parseSearchParams(eventLogParams, query);

describe('event log link parameters', () => {
  it('gives the default view for an empty query', () => {
    const { values, dropped } = parse('');
    expect(values).toEqual({
      type: [],
      eventType: [],
      identifier: undefined,
      from: undefined,
      to: undefined,
      order: 'desc',
      q: undefined,
      tz: 'local',
    });
    expect(dropped).toEqual([]);
  });

  it('reads every parameter of a full link', () => {
    const { values, dropped } = parse(
      'type=FAIL,SUCCESS&eventType=error&identifier=testFb:PowerOff&from=now-24h&to=2026-01-31T12:00:00.250Z&order=asc&q=%20manifest%20&tz=utc',
    );
    expect(dropped).toEqual([]);
    expect(values).toEqual({
      type: ['SUCCESS', 'FAIL'],
      eventType: ['error'],
      identifier: 'testFb:PowerOff',
      from: 'now-24h',
      to: '2026-01-31T12:00:00.250Z',
      order: 'asc',
      q: 'manifest',
      tz: 'utc',
    });
  });

  it.each([
    ['type', 'BOGUS'],
    ['type', 'FAIL,BOGUS'],
    ['eventType', 'warning'],
    ['from', 'yesterday'],
    ['from', 'now-15x'],
    ['to', '2026-01-31T12:00:00'],
    ['order', 'sideways'],
    ['tz', 'mars'],
    ['identifier', 'a b'],
  ])('drops %s=%s with a report and keeps the default', (param, value) => {
    const { values, dropped } = parse(`${param}=${encodeURIComponent(value)}&q=kept`);
    expect(dropped).toEqual([{ param, value }]);
    expect(values[param as keyof typeof values]).toEqual(
      EVENT_LOG_DEFAULTS[param as keyof typeof EVENT_LOG_DEFAULTS],
    );
    expect(values.q).toBe('kept');
  });

  it.each([
    'now',
    'now-15m',
    'now-24h',
    'now-7d',
    'now-90d',
    '2026-01-31T12:00:00Z',
    '2026-01-31T12:00:00+08:00',
  ])('accepts the time bound %s', (bound) => {
    expect(parse(`from=${encodeURIComponent(bound)}`).values.from).toBe(bound);
  });

  it('leaves defaults out of a written link and round-trips the rest', () => {
    expect(serialiseEventLogSearch(EVENT_LOG_DEFAULTS)).toBe('');
    const search = {
      ...EVENT_LOG_DEFAULTS,
      type: ['FAIL' as const],
      from: 'now-7d',
      tz: 'utc' as const,
    };
    const written = serialiseEventLogSearch(search);
    expect(written).not.toContain('order=');
    expect(parse(written).values).toEqual(search);
  });
});
