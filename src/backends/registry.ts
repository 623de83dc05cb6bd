import type { Transport } from './http.ts';
import type { BackendAdapter, BackendInfo, EventVocabulary } from './types.ts';

/**
 * Builds a kind's adapter. Every request it makes goes through `transport` when one is given (the
 * server renders first screens that way, into its own `/api`), else through `fetch`.
 */
export type AdapterFactory = (info: BackendInfo, transport?: Transport) => BackendAdapter;

interface AdapterEntry {
  /** The adapter's module as Vite's build manifest names it; the server preloads it for a link. */
  module: string;
  load: () => Promise<AdapterFactory>;
  /**
   * The kind's vocabulary (an opened export file needs it without a backend). Read from the
   * adapter's module: importing the vocabulary's own module here would make it a module two
   * chunks share, and the build would then ship every kind's vocabulary with every Event log.
   */
  vocabulary: () => Promise<EventVocabulary>;
  /**
   * Whether an event record as this kind's API sends it has this shape: how an export file
   * written before files named their kind is read (`raw` of its records).
   */
  recognisesRecord: (raw: unknown) => boolean;
}

const hasText = (raw: unknown, key: string) =>
  typeof raw === 'object' &&
  raw !== null &&
  typeof (raw as Record<string, unknown>)[key] === 'string';

/**
 * The backend kinds this build can read: one line per kind, and the only place that names a
 * kind's adapter. Features only ever see the `BackendAdapter` port. Each kind's code is its own
 * chunk, loaded when a backend of that kind is first used: a Pelion deep link does not download
 * the Alibaba adapter (and vice versa), which keeps the JavaScript before the first event row
 * inside its budget.
 */
export const ADAPTERS: Readonly<Record<string, AdapterEntry>> = {
  pelion: {
    module: 'src/backends/pelion/adapter.ts',
    load: async () => (await import('./pelion/adapter.ts')).createPelionAdapter,
    vocabulary: async () => (await import('./pelion/adapter.ts')).PELION_VOCABULARY,
    // A /v3/device-events record (id, date_time, event_type_description, …).
    recognisesRecord: (raw) => hasText(raw, 'date_time') && hasText(raw, 'id'),
  },
  aliyun: {
    module: 'src/backends/aliyun/adapter.ts',
    load: async () => {
      const { createAliyunAdapter } = await import('./aliyun/adapter.ts');
      return (info, transport) => createAliyunAdapter(info, { transport });
    },
    vocabulary: async () => (await import('./aliyun/adapter.ts')).ALIYUN_VOCABULARY,
    // A QueryDeviceEventData EventInfo (Time, Identifier, EventType, Name, OutputData).
    recognisesRecord: (raw) => hasText(raw, 'Identifier') && hasText(raw, 'EventType'),
  },
};

/** The source module of a kind's adapter, or undefined for a kind this build cannot read. */
export function adapterModule(kind: string): string | undefined {
  return Object.hasOwn(ADAPTERS, kind) ? ADAPTERS[kind]?.module : undefined;
}

/** A backend whose kind this build of Fleetlog has no adapter for. */
export class UnreadableBackendError extends Error {
  constructor(readonly backend: BackendInfo) {
    super(
      `Backend "${backend.id}" has kind "${backend.kind}", which this version of Fleetlog cannot read.`,
    );
    this.name = 'UnreadableBackendError';
  }
}

export async function createAdapter(
  info: BackendInfo,
  transport?: Transport,
): Promise<BackendAdapter> {
  const entry = Object.hasOwn(ADAPTERS, info.kind) ? ADAPTERS[info.kind] : undefined;
  if (!entry) throw new UnreadableBackendError(info);
  return (await entry.load())(info, transport);
}

const adapters = new Map<string, { info: BackendInfo; adapter: Promise<BackendAdapter> }>();

/** The adapter for a backend, created once per backend id so every caller shares one instance. */
export function adapterFor(info: BackendInfo): Promise<BackendAdapter> {
  const cached = adapters.get(info.id);
  if (cached && cached.info === info) return cached.adapter;
  const adapter = createAdapter(info);
  adapters.set(info.id, { info, adapter });
  // A failed chunk load (offline, new deployment) must not stick: the next navigation retries.
  adapter.catch(() => adapters.delete(info.id));
  return adapter;
}

/**
 * The kind an export file was written from: the one it names when this build can read it, else
 * (files that name none) the kind whose API sends records shaped like the file's first `raw`.
 */
export function kindOfRecords(named: string | undefined, sampleRaw: unknown): string | undefined {
  if (named !== undefined) return Object.hasOwn(ADAPTERS, named) ? named : undefined;
  return Object.keys(ADAPTERS).find((kind) => ADAPTERS[kind]?.recognisesRecord(sampleRaw));
}

/** The vocabulary of a kind this build can read (its own small chunk), or undefined. */
export async function vocabularyOf(kind: string): Promise<EventVocabulary | undefined> {
  const entry = Object.hasOwn(ADAPTERS, kind) ? ADAPTERS[kind] : undefined;
  return entry ? entry.vocabulary() : undefined;
}
