import type { Transport } from './http.ts';
import type { BackendAdapter, BackendInfo, BackendKind } from './types.ts';

/**
 * Builds a kind's adapter. Every request it makes goes through `transport` when one is given (the
 * server renders first screens that way, into its own `/api`), else through `fetch`.
 */
type AdapterFactory = (info: BackendInfo, transport?: Transport) => BackendAdapter;

/**
 * One adapter factory per backend kind; features only ever see the `BackendAdapter` port.
 * Each kind's code is its own chunk, loaded when a backend of that kind is first used: a Pelion
 * deep link does not download the Alibaba adapter (and vice versa), which keeps the JavaScript
 * before the first event row inside its budget.
 */
const FACTORIES: Record<BackendKind, () => Promise<AdapterFactory>> = {
  pelion: async () => (await import('./pelion/adapter.ts')).createPelionAdapter,
  aliyun: async () => {
    const { createAliyunAdapter } = await import('./aliyun/adapter.ts');
    return (info, transport) => createAliyunAdapter(info, { transport });
  },
};

export async function createAdapter(
  info: BackendInfo,
  transport?: Transport,
): Promise<BackendAdapter> {
  const load = (FACTORIES as Partial<Record<string, (typeof FACTORIES)[BackendKind]>>)[info.kind];
  if (!load) {
    throw new Error(
      `Backend "${info.id}" has kind "${String(info.kind)}", which this version of Fleetlog cannot read.`,
    );
  }
  return (await load())(info, transport);
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
