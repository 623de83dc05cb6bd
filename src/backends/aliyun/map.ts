import { formatFactInstant } from '../fact-instant.ts';
import type { Device, DeviceEvent } from '../types.ts';
import type { DeliveredRecord } from './event-paging.ts';
import { parseExactJson } from './exact-json.ts';
import type { AliyunDeviceDetail, AliyunDeviceInfo } from './wire.ts';

/** Wire records (already validated) to the neutral model. */

export function mapListedDevice(device: AliyunDeviceInfo, productName: string | undefined): Device {
  return {
    id: device.IotId,
    name: device.Nickname || device.DeviceName,
    status: device.DeviceStatus,
    facts: [
      { label: 'Product', value: productName ?? device.ProductKey },
      { label: 'DeviceName', value: device.DeviceName },
    ],
    createdAt: device.UtcCreate ?? null,
    raw: device,
  };
}

export function mapDeviceDetail(detail: AliyunDeviceDetail): Device {
  const facts: Device['facts'] = [
    { label: 'Product', value: detail.ProductName ?? detail.ProductKey },
    { label: 'ProductKey', value: detail.ProductKey },
    { label: 'DeviceName', value: detail.DeviceName },
  ];
  if (detail.NodeType === 1) facts.push({ label: 'Node type', value: 'Gateway' });
  if (detail.FirmwareVersion) facts.push({ label: 'Firmware', value: detail.FirmwareVersion });
  if (detail.IpAddress) facts.push({ label: 'IP address', value: detail.IpAddress });
  if (detail.UtcActive)
    facts.push({ label: 'Activated', value: formatFactInstant(detail.UtcActive) });
  if (detail.UtcOnline)
    facts.push({ label: 'Last online', value: formatFactInstant(detail.UtcOnline) });
  return {
    id: detail.IotId,
    name: detail.Nickname || detail.DeviceName,
    status: detail.Status,
    facts,
    createdAt: detail.UtcCreate ?? null,
    raw: detail,
  };
}

/** OutputData is JSON text; unparseable text is kept as the string the device sent. */
export function parseOutputData(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return undefined;
  try {
    return parseExactJson(text);
  } catch {
    return text;
  }
}

export function mapEvent({ record, time, id }: DeliveredRecord): DeviceEvent {
  const payload = parseOutputData(record.OutputData);
  return {
    id,
    time,
    timeText: record.Time,
    level: record.EventType,
    isFailure: record.EventType === 'error',
    code: record.Identifier,
    description: record.Name || record.Identifier,
    ...(payload !== undefined ? { payload } : {}),
    raw: record,
  };
}
