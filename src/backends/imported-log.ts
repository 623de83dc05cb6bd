/**
 * A backend over events held in the browser: an export file opened at `/import`. It implements
 * the same port as the adapters of real backends, so the Event log's grid, filters, paging, seek
 * and details read an opened file exactly as they read a live log, without knowing the difference.
 * Nothing leaves the browser: every call is answered from memory (and the file itself, for a
 * record's raw JSON).
 */
import type { ExportIdentity } from './export-identity.ts';
import { kindOfRecords, vocabularyOf } from './registry.ts';
import type {
  BackendAdapter,
  BackendInfo,
  DeviceEvent,
  EventDefinition,
  EventPage,
  EventQuery,
  EventVocabulary,
} from './types.ts';

/** An event as the grid needs it; its `raw` record is read on demand (`readRaw`). */
export type StoredEvent = Omit<DeviceEvent, 'raw'>;

export interface EventStore {
  /** Oldest first; events sharing a millisecond in the order the log lists them oldest first. */
  events: readonly StoredEvent[];
  /** The record of `events[index]` as the backend sent it. */
  readRaw(index: number, signal?: AbortSignal): Promise<unknown>;
}

export interface ImportedLogOptions {
  /** An id of its own (query keys are per backend id): never one of a configured backend. */
  id: string;
  label: string;
  /** The kind the events came from; its vocabulary names their levels and fields. */
  kind: string;
  vocabulary: EventVocabulary;
  deviceId: string;
  store: EventStore;
}

/** Largest page it answers; the grid asks for 200 at a time. */
const MAX_PAGE_SIZE = 1000;

/** Filtered views kept (as index lists), so paging a view does not filter the log again. */
const CACHED_VIEWS = 8;

/** Indexes (oldest first) of the events a query's filters keep; its order is applied on paging. */
export function matchingIndexes(
  events: readonly StoredEvent[],
  query: Pick<EventQuery, 'levels' | 'code' | 'from' | 'to'>,
): Int32Array {
  const levels = query.levels.length > 0 ? new Set(query.levels) : null;
  const { code, from, to } = query;
  const out = new Int32Array(events.length);
  let count = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (levels !== null && !levels.has(event.level)) continue;
    if (code !== undefined && event.code !== code) continue;
    if (from !== undefined && event.time < from) continue;
    if (to !== undefined && event.time > to) continue;
    out[count++] = index;
  }
  return out.subarray(0, count);
}

export function createImportedAdapter(options: ImportedLogOptions): BackendAdapter {
  const { store, vocabulary, deviceId } = options;
  const { events } = store;
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
  const views = new Map<string, Int32Array>();
  const viewOf = (query: EventQuery) => {
    const key = JSON.stringify([[...query.levels].sort(), query.code, query.from, query.to]);
    let view = views.get(key);
    if (view === undefined) {
      view = matchingIndexes(events, query);
      if (views.size >= CACHED_VIEWS) views.delete(views.keys().next().value as string);
    }
    // Most recently used last.
    views.delete(key);
    views.set(key, view);
    return view;
  };
  const listed = (event: StoredEvent): DeviceEvent => ({ ...event, raw: undefined });
  const device = {
    id: deviceId,
    name: null,
    status: 'exported',
    facts: [],
    createdAt: null,
    raw: null,
  };
  let definitions: EventDefinition[] | null = null;

  return {
    info,
    vocabulary,
    listDevices: () => Promise.resolve({ devices: [device], nextCursor: null, totalCount: 1 }),
    getDevice: () => Promise.resolve(device),

    listEvents(query, cursor, pageSize) {
      const view = query.deviceId === deviceId ? viewOf(query) : new Int32Array(0);
      const start = cursor === null ? 0 : Number(cursor);
      const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(pageSize)));
      const end = Math.min(view.length, start + size);
      const page: DeviceEvent[] = [];
      for (let position = start; position < end; position++) {
        const index = query.order === 'asc' ? view[position]! : view[view.length - 1 - position]!;
        page.push(listed(events[index]!));
      }
      const result: EventPage = {
        events: page,
        nextCursor: end < view.length ? String(end) : null,
        totalCount: view.length,
      };
      return Promise.resolve(result);
    },

    async getEvent(eventDeviceId, eventId, signal) {
      if (eventDeviceId !== deviceId) return null;
      const index = events.findIndex((event) => event.id === eventId);
      if (index === -1) return null;
      return { ...events[index]!, raw: await store.readRaw(index, signal) };
    },

    ...(vocabulary.codeFilter
      ? {
          // The codes the file holds, named as its events name them.
          listEventDefinitions: () => {
            if (definitions === null) {
              const byCode = new Map<string, EventDefinition>();
              for (const event of events)
                if (!byCode.has(event.code))
                  byCode.set(event.code, {
                    code: event.code,
                    name: event.description || event.code,
                    level: event.level,
                  });
              definitions = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
            }
            return Promise.resolve(definitions);
          },
        }
      : {}),
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
  return createImportedAdapter({
    ...rest,
    kind,
    vocabulary,
    label: identity.backendLabel ?? identity.backendId,
  });
}
