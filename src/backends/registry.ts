import { createAliyunAdapter } from './aliyun/adapter.ts';
import { createPelionAdapter } from './pelion/adapter.ts';
import type { BackendAdapter, BackendInfo } from './types.ts';

/** One adapter factory per backend kind; features only ever see the `BackendAdapter` port. */
export function createAdapter(info: BackendInfo): BackendAdapter {
  switch (info.kind) {
    case 'pelion':
      return createPelionAdapter(info);
    case 'aliyun':
      return createAliyunAdapter(info);
    default:
      throw new Error(
        `Backend "${info.id}" has kind "${String(info.kind)}", which this version of Fleetlog cannot read.`,
      );
  }
}

const adapters = new Map<string, { info: BackendInfo; adapter: BackendAdapter }>();

/** The adapter for a backend, created once per backend id (adapters are stateless but keyed caches like them stable). */
export function adapterFor(info: BackendInfo): BackendAdapter {
  const cached = adapters.get(info.id);
  if (cached && cached.info === info) return cached.adapter;
  const adapter = createAdapter(info);
  adapters.set(info.id, { info, adapter });
  return adapter;
}
