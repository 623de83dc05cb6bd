/**
 * A backend over a log read from a file in the browser: an export opened at `/import`. It
 * implements the same port as the adapters of real backends, so the Event log's grid, filters,
 * paging, seek and details read an opened file exactly as they read a live log, without knowing
 * the difference. Nothing leaves the browser: the events are answered by an `EventSource` (a
 * worker holding them, so the page's own heap and main thread stay free of them).
 */
import type { ExportIdentity } from './export-identity.ts';
import {
  createEventIndex,
  MAX_PAGE_SIZE,
  type IndexedPage,
  type StoredEvent,
} from './event-index.ts';
import { kindOfRecords, vocabularyOf } from './registry.ts';
import type {
  BackendAdapter,
  BackendInfo,
  DeviceEvent,
  EventDefinition,
  EventQuery,
  EventVocabulary,
} from './types.ts';

export type { StoredEvent } from './event-index.ts';

/** A page of an opened log with each event's raw record (what an export of it writes). */
export interface RawPage {
  events: DeviceEvent[];
  nextCursor: string | null;
  totalCount: number;
}

/** Where an opened log's events are, asked asynchronously. */
export interface EventSource {
  page(query: EventQuery, cursor: string | null, pageSize: number): Promise<IndexedPage>;
  /** The same page as `page`, each event with its `raw` record. */
  pageWithRaw(query: EventQuery, cursor: string | null, pageSize: number): Promise<RawPage>;
  /** One event with its `raw` record, or null. */
  getEvent(eventId: string): Promise<DeviceEvent | null>;
  codes(): Promise<EventDefinition[]>;
}

/** A source over events in this thread (tests, small logs); `readRaw` reads event `index`'s raw. */
export function localEventSource(
  events: readonly StoredEvent[],
  deviceId: string,
  readRaw: (index: number) => Promise<unknown>,
): EventSource {
  const index = createEventIndex(events, deviceId);
  return {
    page: (query, cursor, pageSize) => Promise.resolve(index.page(query, cursor, pageSize)),
    pageWithRaw: async (query, cursor, pageSize) => {
      const { positions, ...page } = index.pageWithPositions(query, cursor, pageSize);
      const raws = await Promise.all(positions.map(readRaw));
      return { ...page, events: page.events.map((event, at) => ({ ...event, raw: raws[at] })) };
    },
    getEvent: async (eventId) => {
      const found = index.find(eventId);
      return found ? { ...found.event, raw: await readRaw(found.index) } : null;
    },
    codes: () => Promise.resolve(index.codes()),
  };
}

export interface ImportedLogOptions {
  /** An id of its own (query keys are per backend id): never one of a configured backend. */
  id: string;
  label: string;
  /** The kind the events came from; its vocabulary names their levels and fields. */
  kind: string;
  vocabulary: EventVocabulary;
  deviceId: string;
  source: EventSource;
  /** The backend the file's events came from: an export of this log names it again. */
  origin?: ExportIdentity;
}

export function createImportedAdapter(options: ImportedLogOptions): BackendAdapter {
  const { source, vocabulary, deviceId } = options;
  const info: BackendInfo = {
    id: options.id,
    kind: options.kind,
    label: options.label,
    demo: false,
    capabilities: {
      levelFilter: true,
      codeFilter: vocabulary.codeFilter !== undefined,
      retentionDays: null,
      totalCount: true,
      maxPageSize: MAX_PAGE_SIZE,
    },
  };
  const device = {
    id: deviceId,
    name: null,
    status: 'exported',
    facts: [],
    createdAt: null,
    raw: null,
  };

  return {
    info,
    vocabulary,
    listDevices: () => Promise.resolve({ devices: [device], nextCursor: null, totalCount: 1 }),
    getDevice: () => Promise.resolve(device),
    async listEvents(query, cursor, pageSize) {
      const page = await source.page(query, cursor, pageSize);
      // The grid needs no raw record; the details panel reads it with getEvent.
      return { ...page, events: page.events.map((event) => ({ ...event, raw: undefined })) };
    },
    getEvent: (eventDeviceId, eventId) =>
      eventDeviceId === deviceId ? source.getEvent(eventId) : Promise.resolve(null),
    listEventsForExport: (query, cursor, pageSize) => source.pageWithRaw(query, cursor, pageSize),
    ...(options.origin ? { exportOrigin: options.origin } : {}),
    ...(vocabulary.codeFilter ? { listEventDefinitions: () => source.codes() } : {}),
  };
}

export interface ExportedLogOptions extends Omit<
  ImportedLogOptions,
  'kind' | 'vocabulary' | 'label'
> {
  /** What the export's first line names (version 1 files may name no kind or label). */
  identity: Pick<ExportIdentity, 'backendId'> & Partial<ExportIdentity>;
  /** `raw` of the file's first record: its shape tells the kind when the file does not. */
  sampleRaw: unknown;
}

/**
 * The adapter over an export file's events, with the vocabulary of the kind the file came from.
 * Rejects with a readable message when this build cannot read that kind.
 */
export async function openExportedLog(options: ExportedLogOptions): Promise<BackendAdapter> {
  const { identity, sampleRaw, ...rest } = options;
  const kind = kindOfRecords(identity.kind, sampleRaw);
  const vocabulary = kind === undefined ? undefined : await vocabularyOf(kind);
  if (kind === undefined || vocabulary === undefined)
    throw new Error(
      identity.kind === undefined
        ? 'This export’s events are not of a kind this version of Fleetlog can read.'
        : `This export comes from a backend of kind "${identity.kind}", which this version of Fleetlog cannot read.`,
    );
  const label = identity.backendLabel ?? identity.backendId;
  return createImportedAdapter({
    ...rest,
    kind,
    vocabulary,
    label,
    origin: { backendId: identity.backendId, kind, backendLabel: label },
  });
}
