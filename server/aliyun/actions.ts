import type {
  AliyunDevice,
  AliyunEventType,
  AliyunFleet,
  AliyunProduct,
} from '../fleet/aliyun-fleet.ts';
import { defaultModuleTsl, functionBlockTsl } from '../fleet/aliyun-products.ts';
import type { EventIndex } from './event-index.ts';
import { BusinessError, gatewayErrors, type GatewayError } from './wire.ts';

/** What an action returns: the body fields beside RequestId/Success, or an error of either envelope. */
export type ActionResult =
  { body: Record<string, unknown> } | { gateway: GatewayError } | { business: BusinessError };
type Params = Record<string, string>;

const RETENTION_MS = 30 * 86_400_000;
const EVENT_TYPES = new Set(['info', 'alert', 'error']);

export interface ActionContext {
  fleet: AliyunFleet;
  index: EventIndex;
  now: () => number;
}

export const ACTIONS: Record<string, (params: Params, context: ActionContext) => ActionResult> = {
  QueryProductList(params, { fleet }) {
    const paging = pageParams(params, 200);
    if ('business' in paging) return paging;
    const { page, size } = paging;
    const slice = fleet.products.slice((page - 1) * size, page * size);
    return {
      body: {
        Code: '',
        Data: {
          CurrentPage: page,
          PageCount: Math.ceil(fleet.products.length / size),
          PageSize: size,
          Total: fleet.products.length,
          List: { ProductInfo: slice.map(productInfo) },
        },
      },
    };
  },

  QueryDevice(params, { fleet }) {
    if (!params.ProductKey) return { gateway: gatewayErrors.missing('ProductKey') };
    if (!fleet.products.some((p) => p.productKey === params.ProductKey)) {
      return {
        business: new BusinessError('iot.prod.NotExistedProduct', 'The product does not exist.'),
      };
    }
    const paging = pageParams(params, 50);
    if ('business' in paging) return paging;
    const { size } = paging;
    const page = params.NextToken ? decodeNextToken(params.NextToken) : paging.page;
    if (page === null) return { business: invalidPage('NextToken is not valid.') };
    const devices = fleet.devices.filter((d) => d.productKey === params.ProductKey);
    const pageCount = Math.ceil(devices.length / size);
    return {
      body: {
        Code: '',
        Data: { DeviceInfo: devices.slice((page - 1) * size, page * size).map(deviceInfo) },
        Page: page,
        PageSize: size,
        PageCount: pageCount,
        Total: devices.length,
        ...(page < pageCount ? { NextToken: encodeNextToken(page + 1) } : {}),
      },
    };
  },

  QueryDeviceDetail(params, { fleet }) {
    const device = findDevice(params, fleet);
    if ('business' in device) return device;
    const d = device.found;
    return {
      body: {
        Code: '',
        Data: {
          IotId: d.iotId,
          ProductKey: d.productKey,
          ProductName: d.productName,
          DeviceName: d.deviceName,
          ...(d.nickname ? { Nickname: d.nickname } : {}),
          DeviceSecret: d.deviceSecret,
          Status: d.status,
          NodeType: d.nodeType,
          Region: 'cn-shanghai',
          Owner: true,
          ...(d.firmwareVersion ? { FirmwareVersion: d.firmwareVersion } : {}),
          ...(d.ipAddress ? { IpAddress: d.ipAddress } : {}),
          GmtCreate: gmt(d.createdAt),
          UtcCreate: utc(d.createdAt),
          ...(d.activeAt ? { GmtActive: gmt(d.activeAt), UtcActive: utc(d.activeAt) } : {}),
          ...(d.onlineAt ? { GmtOnline: gmt(d.onlineAt), UtcOnline: utc(d.onlineAt) } : {}),
        },
      },
    };
  },

  /** Up to 100 devices of one product by DeviceName.N; unknown names are left out, as documented. */
  BatchQueryDeviceDetail(params, { fleet }) {
    if (!params.ProductKey) return { gateway: gatewayErrors.missing('ProductKey') };
    const names = repeatList(params, 'DeviceName');
    if (names.length === 0) return { gateway: gatewayErrors.missing('DeviceName.1') };
    if (names.length > 100) return { business: invalidPage('At most 100 DeviceName values.') };
    const found = names
      .map((name) => fleet.findDeviceByName(params.ProductKey!, name))
      .filter((d): d is AliyunDevice => d !== undefined);
    return {
      body: {
        Code: '',
        Data: {
          Data: found.map((d) => ({
            IotId: d.iotId,
            ProductKey: d.productKey,
            ProductName: d.productName,
            DeviceName: d.deviceName,
            ...(d.nickname ? { Nickname: d.nickname } : {}),
            DeviceSecret: d.deviceSecret,
            Status: d.status,
            NodeType: d.nodeType,
            Region: 'cn-shanghai',
            ...(d.firmwareVersion ? { FirmwareVersion: d.firmwareVersion } : {}),
            GmtCreate: beijingTime(d.createdAt),
            UtcCreate: utc(d.createdAt),
            ...(d.activeAt
              ? { GmtActive: beijingTime(d.activeAt), UtcActive: utc(d.activeAt) }
              : {}),
          })),
        },
      },
    };
  },

  /** Up to 50 devices by IotId.N (any products), or by ProductKey and DeviceName.N. */
  BatchGetDeviceState(params, { fleet }) {
    const ids = repeatList(params, 'IotId');
    const names = repeatList(params, 'DeviceName');
    if (ids.length === 0 && (names.length === 0 || !params.ProductKey)) {
      return { gateway: gatewayErrors.missing('IotId.1') };
    }
    if (Math.max(ids.length, names.length) > 50) {
      return { business: invalidPage('At most 50 devices per call.') };
    }
    const found =
      ids.length > 0
        ? ids.map((id) => fleet.findDevice(id))
        : names.map((name) => fleet.findDeviceByName(params.ProductKey!, name));
    return {
      body: {
        Code: '',
        DeviceStatusList: {
          DeviceStatus: found
            .filter((d): d is AliyunDevice => d !== undefined)
            .map((d) => ({
              IotId: d.iotId,
              DeviceId: d.iotId,
              DeviceName: d.deviceName,
              Status: d.status,
              Timestamp: d.modifiedAt,
              ...(d.ipAddress ? { AsAddress: d.ipAddress } : {}),
              ...(d.onlineAt ? { LastOnlineTime: beijingTime(d.onlineAt) } : {}),
            })),
        },
      },
    };
  },

  GetThingModelTslPublished(params, { fleet }) {
    if (!params.ProductKey) return { gateway: gatewayErrors.missing('ProductKey') };
    const product = fleet.products.find((p) => p.productKey === params.ProductKey);
    if (!product)
      return {
        business: new BusinessError('iot.prod.NotExistedProduct', 'The product does not exist.'),
      };
    let tsl: object = defaultModuleTsl(product);
    if (params.FunctionBlockId) {
      const block = product.functionBlocks.find(
        (b) => b.functionBlockId === params.FunctionBlockId,
      );
      if (!block) {
        return {
          business: new BusinessError(
            'iot.thingmodel.FunctionBlockNotExist',
            'The custom module does not exist.',
          ),
        };
      }
      tsl = functionBlockTsl(product, block);
    }
    return { body: { Code: '', Data: { TslStr: JSON.stringify(tsl), TslUri: '' } } };
  },

  QueryDeviceEventData(params, { fleet, index, now }) {
    if (!params.StartTime) return { gateway: gatewayErrors.missing('StartTime') };
    if (!params.EndTime) return { gateway: gatewayErrors.missing('EndTime') };
    const startTime = Number(params.StartTime);
    const endTime = Number(params.EndTime);
    if (
      !Number.isSafeInteger(startTime) ||
      !Number.isSafeInteger(endTime) ||
      startTime < 0 ||
      endTime < 0
    ) {
      return {
        business: new BusinessError(
          'iot.device.InvalidTimeBucket',
          'StartTime and EndTime must be millisecond timestamps.',
        ),
      };
    }
    const pageSize = params.PageSize ? Number(params.PageSize) : 10;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
      return { business: invalidPage('PageSize must be between 1 and 50.') };
    }
    const asc = params.Asc ?? '0';
    if (asc !== '0' && asc !== '1') return { business: invalidPage('Asc must be 0 or 1.') };
    const eventType = params.EventType || null;
    if (eventType !== null && !EVENT_TYPES.has(eventType)) {
      return {
        business: new BusinessError(
          'iot.common.InvalidFormattedParameter',
          'EventType must be info, alert or error.',
        ),
      };
    }
    const device = findDevice(params, fleet);
    if ('business' in device) return device;

    // Either order of the window is accepted; only the last 30 days can be read.
    const at = now();
    const start = Math.max(Math.min(startTime, endTime), at - RETENTION_MS);
    const end = Math.min(Math.max(startTime, endTime), at);
    const result = index.query({
      iotId: device.found.iotId,
      start,
      end: Math.max(end, start - 1),
      eventType: eventType as AliyunEventType | null,
      identifier: params.Identifier || null,
      asc: asc === '1',
      pageSize,
    });
    return {
      body: {
        Code: '',
        Data: {
          NextValid: result.nextValid,
          NextTime: result.nextTime,
          List: {
            EventInfo: result.records.map((r) => ({
              Time: String(r.time),
              Identifier: r.identifier,
              Name: r.name,
              EventType: r.eventType,
              OutputData: r.outputData,
            })),
          },
        },
      },
    };
  },
};

function findDevice(
  params: Params,
  fleet: AliyunFleet,
): { found: AliyunDevice } | { business: BusinessError } {
  if (params.IotId) {
    const found = fleet.findDevice(params.IotId);
    return found ? { found } : { business: notExisted() };
  }
  if (params.ProductKey && params.DeviceName) {
    const found = fleet.findDeviceByName(params.ProductKey, params.DeviceName);
    return found ? { found } : { business: notExisted() };
  }
  return {
    business: new BusinessError(
      'iot.device.InvalidIoTId',
      'Specify IotId, or ProductKey and DeviceName.',
    ),
  };
}

function notExisted(): BusinessError {
  return new BusinessError('iot.device.NotExistedDevice', 'The device does not exist.');
}

function invalidPage(message: string): BusinessError {
  return new BusinessError('iot.common.InvalidPageParams', message);
}

function pageParams(
  params: Params,
  maxSize: number,
): { page: number; size: number } | { business: BusinessError } {
  const page = params.CurrentPage ? Number(params.CurrentPage) : 1;
  const size = params.PageSize ? Number(params.PageSize) : 10;
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(size) ||
    size < 1 ||
    size > maxSize
  ) {
    return {
      business: invalidPage(`CurrentPage must be ≥ 1 and PageSize between 1 and ${maxSize}.`),
    };
  }
  return { page, size };
}

function encodeNextToken(page: number): string {
  return Buffer.from(`page:${page}`).toString('base64url');
}

function decodeNextToken(token: string): number | null {
  const match = /^page:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

function productInfo(p: AliyunProduct) {
  return {
    ProductKey: p.productKey,
    ProductName: p.productName,
    NodeType: p.nodeType,
    DataFormat: 1,
    DeviceCount: p.deviceCount,
    Description: p.description,
    GmtCreate: p.createdAt,
    AuthType: 'secret',
  };
}

function deviceInfo(d: AliyunDevice) {
  return {
    IotId: d.iotId,
    DeviceId: d.iotId,
    DeviceName: d.deviceName,
    ProductKey: d.productKey,
    ...(d.nickname ? { Nickname: d.nickname } : {}),
    DeviceStatus: d.status,
    DeviceSecret: d.deviceSecret,
    GmtCreate: gmt(d.createdAt),
    GmtModified: gmt(d.modifiedAt),
    UtcCreate: utc(d.createdAt),
    UtcModified: utc(d.modifiedAt),
  };
}

/** "Wed, 20-Feb-2019 02:16:09 GMT", the service's legacy date format. */
function gmt(ms: number): string {
  return new Date(ms).toUTCString().replace(/^(\w{3}), (\d{2}) (\w{3}) (\d{4})/, '$1, $2-$3-$4');
}

/**
 * "2020-01-17 16:19:11": the batch actions' wall-clock times. The vendor's samples pair such
 * times with the same instant in UTC eight hours earlier (GmtCreate 20:31:42, UtcCreate 12:31:42),
 * so they are read as UTC+8 (inferred; no page states the zone).
 */
function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** `Name.1`, `Name.2`, … of an RPC repeat list, in order, up to the first gap. */
function repeatList(params: Params, name: string): string[] {
  const values: string[] = [];
  for (let n = 1; params[`${name}.${n}`] !== undefined; n++) values.push(params[`${name}.${n}`]!);
  return values;
}

function utc(ms: number): string {
  return new Date(ms).toISOString();
}
