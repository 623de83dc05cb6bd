import { formatFactInstant } from '../fact-instant.ts';
import type { Device, DeviceEvent, DeviceLabel, PayloadFieldDefinition } from '../types.ts';
import type { DeliveredRecord } from './event-paging.ts';
import { parseExactJson } from './exact-json.ts';
import type { AliyunDeviceDetail, AliyunDeviceInfo, AliyunTsl } from './wire.ts';

/** Wire records (already validated) to the neutral model. */

function productLabel(productKey: string, productName: string | null | undefined): DeviceLabel {
  return { text: productName || productKey, full: `ProductKey ${productKey}` };
}

/**
 * A QueryDevice record. It has no firmware and no last-online time: the directory adds them from
 * BatchQueryDeviceDetail and BatchGetDeviceState (`withFirmware`, `withLastOnline`).
 */
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
    model: productLabel(device.ProductKey, productName),
    raw: device,
  };
}

export function withFirmware(device: Device, firmwareVersion: string | null | undefined): Device {
  return firmwareVersion ? { ...device, firmware: { text: firmwareVersion } } : device;
}

export function withLastOnline(device: Device, lastOnlineTime: string | null | undefined): Device {
  const iso = lastOnlineTime ? beijingTimeToIso(lastOnlineTime) : null;
  return iso ? { ...device, lastSeenAt: iso } : device;
}

/**
 * BatchGetDeviceState's `LastOnlineTime` ("2020-01-17 16:19:11") names no zone. The vendor's
 * samples of the same API family pair such wall-clock times with the instant in UTC eight hours
 * earlier (BatchQueryDeviceDetail: GmtCreate "2019-06-21 20:31:42", UtcCreate
 * "2019-06-21T12:31:42.000Z"), so it is read as UTC+8 (inferred). ISO text passes through.
 */
export function beijingTimeToIso(text: string): string | null {
  const wall = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(text.trim());
  const time = wall ? Date.parse(`${wall[1]}T${wall[2]}${wall[3] ?? ''}+08:00`) : Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
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
    model: productLabel(detail.ProductKey, detail.ProductName),
    ...(detail.FirmwareVersion ? { firmware: { text: detail.FirmwareVersion } } : {}),
    lastSeenAt: detail.UtcOnline ?? null,
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

type TslOutputParam = NonNullable<AliyunTsl['events'][number]['outputData']>[number];

/**
 * A TSL event's output parameters as payload fields: the name the model gives each, the unit of a
 * number (`specs.unit`), and the labels of an enum's or a bool's coded values (`specs` maps value
 * to label). See Alibaba Cloud IoT Platform, "Thing Specification Language (TSL)" data types.
 */
export function mapPayloadFields(outputData: readonly TslOutputParam[] | undefined) {
  return (outputData ?? []).map((param): PayloadFieldDefinition => {
    const type = param.dataType?.type ?? '';
    const specs = param.dataType?.specs ?? {};
    const field: PayloadFieldDefinition = {
      key: param.identifier,
      name: param.name || param.identifier,
    };
    if (typeof specs.unit === 'string' && specs.unit !== '') field.unit = specs.unit;
    if (type === 'enum' || type === 'bool') {
      const labels = Object.entries(specs).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      );
      if (labels.length > 0) field.valueLabels = Object.fromEntries(labels);
    }
    return field;
  });
}
