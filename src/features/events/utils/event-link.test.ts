import { describe, expect, it } from 'vitest';
import { MEMORY_VOCABULARY } from '../../../testing/memory-kind/vocabulary.ts';
import { EVENT_LINK_MARGIN_MS, eventLinkPath } from './event-link.ts';
import { EVENT_LOG_DEFAULTS, parseEventLogSearch } from './event-log-search.ts';
import { resolveTimeBound } from './time-bound.ts';

const vocabulary = MEMORY_VOCABULARY;

describe('eventLinkPath', () => {
  const eventTime = Date.UTC(2026, 5, 1, 8, 30, 0, 456);

  it('pins an absolute from/to that contains the event, whatever the view range was', () => {
    const path = eventLinkPath(
      vocabulary,
      'demo-pelion',
      'dev1',
      'ev1',
      { ...EVENT_LOG_DEFAULTS, from: 'now-15m', levels: ['critical'] },
      eventTime,
    );
    const [pathname, query = ''] = path.split('?');
    expect(pathname).toBe('/demo-pelion/devices/dev1/events/ev1');
    const { search, dropped } = parseEventLogSearch(vocabulary, new URLSearchParams(query));
    expect(dropped).toEqual([]);
    expect(search.levels).toEqual(['critical']);
    const from = resolveTimeBound(search.from ?? '', 0);
    const to = resolveTimeBound(search.to ?? '', 0);
    expect(from).toBe(eventTime - EVENT_LINK_MARGIN_MS);
    expect(to).toBe(eventTime + EVENT_LINK_MARGIN_MS);
    expect(search.from).not.toContain('now');
  });

  it('encodes ids that are not URL-safe', () => {
    expect(
      eventLinkPath(vocabulary, 'demo-aliyun', 'a/b=', 'x y', EVENT_LOG_DEFAULTS, eventTime),
    ).toMatch(/^\/demo-aliyun\/devices\/a%2Fb%3D\/events\/x%20y\?from=/);
  });
});
