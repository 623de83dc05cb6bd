import { describe, expect, it } from 'vitest';
import { createDeviceDirectory } from './device-directory.ts';
import type { TypedCall } from './typed-call.ts';

/** Answers each action from `bodies` (the whole answer body, as the service sends it). */
function directoryOf(
  bodies: Record<string, (params: Record<string, string>) => unknown>,
  /** The batch actions (firmware, last online) answer only once this settles. */
  batchesHeld?: Promise<void>,
) {
  const calls: Array<Record<string, string>> = [];
  const call = (async (schema, params, _what, _signal, part = 'Data') => {
    calls.push(params);
    if (batchesHeld && params.Action!.startsWith('Batch')) await batchesHeld;
    const answer = bodies[params.Action!];
    if (!answer) throw new Error(`Fleetlog does not forward the action ${params.Action}.`);
    const body = answer(params) as { Data?: unknown };
    return schema.parse(part === 'body' ? body : body.Data);
  }) as TypedCall;
  return { directory: createDeviceDirectory(call, () => 0), calls };
}

const listed = {
  QueryProductList: () => ({
    Data: {
      CurrentPage: 1,
      PageCount: 1,
      List: { ProductInfo: [{ ProductKey: 'pk', ProductName: 'Meter' }] },
    },
  }),
  QueryDevice: () => ({
    Data: {
      DeviceInfo: ['alpha', 'beta', 'gamma'].map((name, index) => ({
        IotId: `iot-${index}`,
        DeviceName: name,
        ProductKey: 'pk',
        DeviceStatus: index === 2 ? 'UNACTIVE' : 'ONLINE',
        UtcCreate: `2026-01-0${index + 1}T00:00:00.000Z`,
      })),
    },
    Page: 1,
    PageCount: 1,
  }),
};

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

describe('Alibaba device directory: firmware and last online', () => {
  it('adds them from the batch actions QueryDevice lacks them for, and sorts by them', async () => {
    const { directory, calls } = directoryOf({
      ...listed,
      BatchQueryDeviceDetail: (params) => ({
        Data: {
          Data: [
            { IotId: 'iot-0', DeviceName: params['DeviceName.1'], FirmwareVersion: '2.2.11' },
            { IotId: 'iot-1', DeviceName: params['DeviceName.2'], FirmwareVersion: '2.10.0' },
          ],
        },
      }),
      BatchGetDeviceState: () => ({
        DeviceStatusList: {
          DeviceStatus: [
            { IotId: 'iot-0', LastOnlineTime: '2026-11-30 18:00:00' },
            { IotId: 'iot-1', LastOnlineTime: '2026-11-30 20:30:00' },
            { IotId: 'iot-2' },
          ],
        },
      }),
    });
    const page = await directory.list({ sort: 'firmware-desc' }, null);
    expect(page.devices.map((d) => [d.name, d.firmware?.text, d.lastSeenAt])).toEqual([
      // Numbers inside versions compare as numbers; a device without one goes last.
      ['beta', '2.10.0', '2026-11-30T12:30:00.000Z'],
      ['alpha', '2.2.11', '2026-11-30T10:00:00.000Z'],
      ['gamma', undefined, undefined],
    ]);
    expect(calls.find((c) => c.Action === 'BatchQueryDeviceDetail')).toMatchObject({
      ProductKey: 'pk',
      'DeviceName.1': 'alpha',
      'DeviceName.3': 'gamma',
    });
    expect(calls.find((c) => c.Action === 'BatchGetDeviceState')).toMatchObject({
      'IotId.1': 'iot-0',
      'IotId.3': 'iot-2',
    });
    const byLastOnline = await directory.list({ sort: 'last-seen' }, null);
    expect(byLastOnline.devices.map((d) => d.name)).toEqual(['beta', 'alpha', 'gamma']);
  });

  it('still lists the fleet when a batch action is refused', async () => {
    const { directory } = directoryOf(listed);
    const page = await directory.list({}, null);
    expect(page.totalCount).toBe(3);
    expect(page.devices.every((d) => d.firmware === undefined)).toBe(true);
  });
});

describe('Alibaba device directory: rows before the slower columns', () => {
  const withBatches = {
    ...listed,
    BatchQueryDeviceDetail: () => ({
      Data: { Data: [{ IotId: 'iot-0', DeviceName: 'alpha', FirmwareVersion: '2.2.11' }] },
    }),
    BatchGetDeviceState: () => ({
      DeviceStatusList: {
        DeviceStatus: [{ IotId: 'iot-1', LastOnlineTime: '2026-11-30 20:30:00' }],
      },
    }),
  };

  it('lists the devices while the batch calls are still out, then answers with them', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { directory } = directoryOf(withBatches, held);

    const first = await directory.list({}, null);
    // The default order, newest registered first.
    expect(first.devices.map((d) => d.name)).toEqual(['gamma', 'beta', 'alpha']);
    expect(first.incomplete).toBe(true);
    expect(first.devices.every((d) => d.firmware === undefined)).toBe(true);

    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = await directory.list({}, null);
    expect(later.incomplete).toBeUndefined();
    expect(later.devices.map((d) => [d.name, d.firmware?.text, d.lastSeenAt])).toEqual([
      ['gamma', undefined, undefined],
      ['beta', undefined, '2026-11-30T12:30:00.000Z'],
      ['alpha', '2.2.11', undefined],
    ]);
  });

  it('waits for them when the list is sorted by one of those columns', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { directory } = directoryOf(withBatches, held);
    let answered = false;
    const sorted = directory.list({ sort: 'firmware-desc' }, null).then((page) => {
      answered = true;
      return page;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    release();
    const page = await sorted;
    expect(page.incomplete).toBeUndefined();
    expect(page.devices[0]).toMatchObject({ name: 'alpha', firmware: { text: '2.2.11' } });
  });
});
