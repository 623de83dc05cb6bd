import { describe, expect, it } from 'vitest';
import { MEMORY_VOCABULARY } from '../../../testing/memory-kind/vocabulary.ts';
import {
  EVENT_LOG_DEFAULTS,
  parseEventLogSearch,
  serialiseEventLogSearch,
  type EventLogSearch,
} from './event-log-search.ts';

// A vocabulary of the test-only kind: parameter names come from it, not from a vendor.
const vocabulary = MEMORY_VOCABULARY;
const parse = (query: string) => parseEventLogSearch(vocabulary, new URLSearchParams(query));

describe('event log link parameters', () => {
  it('gives the default view for an empty query', () => {
    const { search, dropped } = parse('');
    expect(search).toEqual(EVENT_LOG_DEFAULTS);
    expect(dropped).toEqual([]);
  });

  it('reads every parameter of a full link, levels named by the vocabulary', () => {
    const { search, dropped } = parse(
      'severity=critical,minor&alarm=PSU_FAILED&from=now-24h&to=2026-01-31T12:00:00.250Z&order=asc&q=%20manifest%20&tz=utc&live=1',
    );
    expect(dropped).toEqual([]);
    expect(search).toEqual({
      levels: ['critical', 'minor'],
      code: 'PSU_FAILED',
      from: 'now-24h',
      to: '2026-01-31T12:00:00.250Z',
      order: 'asc',
      q: 'manifest',
      tz: 'utc',
      live: true,
    });
  });

  it.each([
    ['severity', 'BOGUS', 'levels'],
    ['severity', 'critical,BOGUS', 'levels'],
    ['alarm', 'a b', 'code'],
    ['from', 'yesterday', 'from'],
    ['from', 'now-15x', 'from'],
    ['to', '2026-01-31T12:00:00', 'to'],
    ['order', 'sideways', 'order'],
    ['tz', 'mars', 'tz'],
    ['live', 'yes', 'live'],
  ] as const)('drops %s=%s with a report and keeps the default', (param, value, key) => {
    const { search, dropped } = parse(`${param}=${encodeURIComponent(value)}&q=kept`);
    expect(dropped).toEqual([{ param, value }]);
    expect(search[key as keyof EventLogSearch]).toEqual(EVENT_LOG_DEFAULTS[key]);
    expect(search.q).toBe('kept');
  });

  it('reports a parameter this vocabulary does not read (another kind’s filter)', () => {
    const { search, dropped } = parse('type=FAIL&eventType=error&severity=major');
    expect(dropped).toEqual([
      { param: 'type', value: 'FAIL' },
      { param: 'eventType', value: 'error' },
    ]);
    expect(search.levels).toEqual(['major']);
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
    expect(parse(`from=${encodeURIComponent(bound)}`).search.from).toBe(bound);
  });

  it('leaves defaults out of a written link and round-trips the rest', () => {
    expect(serialiseEventLogSearch(vocabulary, EVENT_LOG_DEFAULTS)).toBe('');
    const search: EventLogSearch = {
      ...EVENT_LOG_DEFAULTS,
      levels: ['critical'],
      from: 'now-7d',
      tz: 'utc',
    };
    const written = serialiseEventLogSearch(vocabulary, search);
    expect(written).toBe('?severity=critical&from=now-7d&tz=utc');
    expect(parse(written).search).toEqual(search);
  });
});
