import { describe, expect, it } from 'vitest';
import { createDeviceDirectory } from './device-directory.ts';
import type { TypedCall } from './typed-call.ts';

/** A directory of one product with three devices; every call waits until `release()`. */
function slowDirectory() {
  const calls: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const call = (async (schema, params, _what, signal) => {
    calls.push(params.Action!);
    await gate;
    signal?.throwIfAborted();
    const body =
      params.Action === 'QueryProductList'
        ? {
            CurrentPage: 1,
            PageCount: 1,
            List: { ProductInfo: [{ ProductKey: 'pk', ProductName: 'Meter' }] },
          }
        : {
            Data: {
              DeviceInfo: ['alpha', 'beta', 'gamma'].map((name, index) => ({
                IotId: `iot-${index}`,
                DeviceName: name,
                ProductKey: 'pk',
                DeviceStatus: 'ONLINE',
                UtcCreate: `2026-01-0${index + 1}T00:00:00.000Z`,
              })),
            },
            Page: 1,
            PageCount: 1,
          };
    return schema.parse(body);
  }) as TypedCall;
  return { directory: createDeviceDirectory(call, () => 0), calls, release: () => release() };
}

describe('Alibaba device directory', () => {
  it('serves a newer search when the search it replaced is cancelled mid-read', async () => {
    const { directory, calls, release } = slowDirectory();
    const first = new AbortController();
    const stale = directory.list({ search: 'a' }, null, first.signal);
    const current = directory.list({ search: 'beta' }, null, new AbortController().signal);
    first.abort();
    release();
    await expect(stale).rejects.toBeDefined();
    const page = await current;
    expect(page.devices.map((device) => device.name ?? device.id)).toHaveLength(1);
    expect(page.totalCount).toBe(1);
    // Both searches shared one read of the directory.
    expect(calls.filter((action) => action === 'QueryProductList')).toHaveLength(1);
  });

  it('starts afresh after every caller of a read went away', async () => {
    const { directory, calls, release } = slowDirectory();
    const only = new AbortController();
    const gone = directory.list({}, null, only.signal);
    only.abort();
    await expect(gone).rejects.toBeDefined();
    release();
    const page = await directory.list({}, null, new AbortController().signal);
    expect(page.totalCount).toBe(3);
    expect(calls.filter((action) => action === 'QueryProductList')).toHaveLength(2);
  });
});
