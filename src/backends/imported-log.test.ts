import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PELION_VOCABULARY } from './pelion/vocabulary.ts';
import { ALIYUN_VOCABULARY } from './aliyun/vocabulary.ts';
import {
  createImportedAdapter,
  localEventSource,
  openExportedLog,
  type StoredEvent,
} from './imported-log.ts';
import type { DeviceEvent, EventQuery } from './types.ts';

const LEVELS = ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'];
const CODES = ['A', 'B', 'C'];

/** Oldest first, with runs of equal times, as a store holds them. */
const storeArbitrary = fc
  .array(
    fc.record({
      step: fc.constantFrom(0, 0, 1, 5),
      level: fc.constantFrom(...LEVELS),
      code: fc.constantFrom(...CODES),
    }),
    { maxLength: 120 },
  )
  .map((drafts) => {
    let time = 1_000;
    return drafts.map(({ step, level, code }, index): StoredEvent => {
      time += step;
      return {
        id: `e${index}`,
        time,
        timeText: String(time),
        level,
        isFailure: level === 'FAIL',
        code,
        description: code,
      };
    });
  });

const queryArbitrary = fc.record({
  levels: fc.subarray(LEVELS),
  code: fc.option(fc.constantFrom(...CODES), { nil: undefined }),
  from: fc.option(fc.integer({ min: 990, max: 1_400 }), { nil: undefined }),
  to: fc.option(fc.integer({ min: 990, max: 1_400 }), { nil: undefined }),
  order: fc.constantFrom('asc' as const, 'desc' as const),
});

function adapterOver(events: StoredEvent[]) {
  return createImportedAdapter({
    id: 'import-test',
    label: 'file',
    kind: 'pelion',
    vocabulary: PELION_VOCABULARY,
    deviceId: 'd',
    source: localEventSource(events, 'd', (index) => Promise.resolve({ raw: index })),
  });
}

describe('the adapter over an opened export', () => {
  it('pages any filtered view exactly as filtering the array directly, in either order', async () => {
    await fc.assert(
      fc.asyncProperty(
        storeArbitrary,
        queryArbitrary,
        fc.integer({ min: 1, max: 40 }),
        async (events, filters, pageSize) => {
          const adapter = adapterOver(events);
          const query: EventQuery = { deviceId: 'd', ...filters };
          const expected = events.filter(
            (event) =>
              (filters.levels.length === 0 || filters.levels.includes(event.level)) &&
              (filters.code === undefined || event.code === filters.code) &&
              (filters.from === undefined || event.time >= filters.from) &&
              (filters.to === undefined || event.time <= filters.to),
          );
          if (filters.order === 'desc') expected.reverse();
          const read: DeviceEvent[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page = await adapter.listEvents(query, cursor, pageSize);
            expect(page.totalCount).toBe(expected.length);
            expect(page.events.length).toBeLessThanOrEqual(pageSize);
            read.push(...page.events);
            cursor = page.nextCursor;
            pages += 1;
          } while (cursor !== null && pages < 1000);
          expect(read.map((event) => event.id)).toEqual(expected.map((event) => event.id));
          expect(pages).toBe(Math.max(1, Math.ceil(expected.length / pageSize)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('pages a view for an export with each event’s raw record, in the same order as the grid’s pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        storeArbitrary,
        queryArbitrary,
        fc.integer({ min: 1, max: 40 }),
        async (events, filters, pageSize) => {
          const adapter = adapterOver(events);
          const query: EventQuery = { deviceId: 'd', ...filters };
          const read = async (list: typeof adapter.listEvents) => {
            const all: DeviceEvent[] = [];
            let cursor: string | null = null;
            do {
              const page = await list(query, cursor, pageSize);
              all.push(...page.events);
              cursor = page.nextCursor;
            } while (cursor !== null);
            return all;
          };
          const shown = await read(adapter.listEvents);
          const exported = await read(adapter.listEventsForExport!);
          expect(exported.map((event) => event.id)).toEqual(shown.map((event) => event.id));
          // The raw record of each event is the store's (here: its position, oldest first).
          for (const event of exported)
            expect(event.raw).toEqual({ raw: events.findIndex((e) => e.id === event.id) });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('names the backend the file came from for an export of it', async () => {
    const adapter = await openExportedLog({
      id: 'import-7',
      identity: { backendId: 'demo-aliyun', kind: 'aliyun', backendLabel: 'Plant' },
      sampleRaw: undefined,
      deviceId: 'd',
      source: localEventSource([], 'd', () => Promise.resolve(null)),
    });
    expect(adapter.info.id).toBe('import-7');
    expect(adapter.exportOrigin).toEqual({
      backendId: 'demo-aliyun',
      kind: 'aliyun',
      backendLabel: 'Plant',
    });
    // A version 1 file without kind or label: the kind its records show, its id as the label.
    const older = await openExportedLog({
      id: 'import-8',
      identity: { backendId: 'demo-pelion' },
      sampleRaw: { id: '0172', date_time: '2026-01-01T00:00:00Z', event_type: 'X' },
      deviceId: 'd',
      source: localEventSource([], 'd', () => Promise.resolve(null)),
    });
    expect(older.exportOrigin).toEqual({
      backendId: 'demo-pelion',
      kind: 'pelion',
      backendLabel: 'demo-pelion',
    });
  });

  it('opens one event with its raw record read from the store, and no event of another device', async () => {
    const events: StoredEvent[] = [
      {
        id: 'x',
        time: 1,
        timeText: '1',
        level: 'INFO',
        isFailure: false,
        code: 'A',
        description: 'a',
      },
      {
        id: 'y',
        time: 2,
        timeText: '2',
        level: 'FAIL',
        isFailure: true,
        code: 'B',
        description: 'b',
      },
    ];
    const adapter = adapterOver(events);
    expect(await adapter.getEvent('d', 'y')).toMatchObject({ id: 'y', raw: { raw: 1 } });
    expect(await adapter.getEvent('d', 'nope')).toBeNull();
    expect(await adapter.getEvent('other', 'y')).toBeNull();
    expect(adapter.info.capabilities).toMatchObject({ levelFilter: true, totalCount: true });
    expect(adapter.listEventDefinitions).toBeUndefined();
  });

  it('takes the vocabulary of the kind the file names, or of the kind its records look like', async () => {
    const source = localEventSource([], 'd', () => Promise.resolve(null));
    const named = await openExportedLog({
      id: 'i1',
      identity: { backendId: 'x', kind: 'aliyun', backendLabel: 'Plant' },
      sampleRaw: undefined,
      deviceId: 'd',
      source,
    });
    expect(named.vocabulary).toBe(ALIYUN_VOCABULARY);
    expect(named.info.label).toBe('Plant');
    expect(named.info.capabilities.codeFilter).toBe(true);
    const byShape = await openExportedLog({
      id: 'i2',
      identity: { backendId: 'demo-pelion' },
      sampleRaw: { id: '0172', date_time: '2026-01-01T00:00:00Z', event_type: 'X' },
      deviceId: 'd',
      source,
    });
    expect(byShape.vocabulary).toBe(PELION_VOCABULARY);
    await expect(
      openExportedLog({
        id: 'i3',
        identity: { backendId: 'x', kind: 'thingworx' },
        sampleRaw: undefined,
        deviceId: 'd',
        source,
      }),
    ).rejects.toThrow('kind "thingworx"');
  });

  it('lists the codes of the file for a kind with a code filter', async () => {
    const adapter = createImportedAdapter({
      id: 'i4',
      label: 'file',
      kind: 'aliyun',
      vocabulary: ALIYUN_VOCABULARY,
      deviceId: 'd',
      source: localEventSource(
        [
          {
            id: '1',
            time: 1,
            timeText: '',
            level: 'error',
            isFailure: true,
            code: 'Fault',
            description: 'Fault alarm',
          },
          {
            id: '2',
            time: 2,
            timeText: '',
            level: 'info',
            isFailure: false,
            code: 'Beat',
            description: 'Heartbeat',
          },
          {
            id: '3',
            time: 3,
            timeText: '',
            level: 'error',
            isFailure: true,
            code: 'Fault',
            description: 'Fault alarm',
          },
        ],
        'd',
        () => Promise.resolve(null),
      ),
    });
    expect(await adapter.listEventDefinitions?.('d')).toEqual([
      { code: 'Beat', name: 'Heartbeat', level: 'info' },
      { code: 'Fault', name: 'Fault alarm', level: 'error' },
    ]);
  });
});
