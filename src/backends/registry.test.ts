import { describe, expect, it } from 'vitest';
import { fakeBackendInfo } from '../testing/fake-backend.ts';
import { adapterFor, createAdapter } from './registry.ts';
import type { BackendInfo } from './types.ts';

describe('adapter registry', () => {
  it('creates the adapter of the backend’s kind', async () => {
    const info = fakeBackendInfo({ id: 'p1', kind: 'pelion' });
    const adapter = await createAdapter(info);
    expect(adapter.info).toBe(info);
    expect(adapter.deviceListOptions?.statuses.map((s) => s.value)).toContain('registered');
  });

  it('refuses an unknown kind with a message naming the backend and the kind', async () => {
    const info = { ...fakeBackendInfo({ id: 'odd' }), kind: 'thingworx' } as unknown as BackendInfo;
    await expect(createAdapter(info)).rejects.toThrow('Backend "odd" has kind "thingworx"');
  });

  it('shares one adapter per backend', async () => {
    const info = fakeBackendInfo({ id: 'p2' });
    expect(await adapterFor(info)).toBe(await adapterFor(info));
  });
});
