import {
  callUpstream,
  DEFAULT_UPSTREAM_MAX_BODY_BYTES,
  fleetlogError,
  readRequestText,
  upstreamFailure,
} from '../backends/forwarding.ts';
import { ALIYUN_CAPABILITIES, type ConfiguredBackend, type Upstream } from '../backends/types.ts';
import { signedRequestParams } from './common-params.ts';

/**
 * The read actions the SPA uses, each with its documented request parameters (IoT Platform API
 * reference, version 2018-01-20: https://www.alibabacloud.com/help/en/iot/developer-reference/),
 * minus `IotInstanceId`, which the server sets. Anything else — writes, other products, a
 * parameter an action does not document — is refused before signing, so nothing is sent.
 */
export const ACTION_PARAMETERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    QueryProductList: ['CurrentPage', 'PageSize', 'AliyunCommodityCode', 'ResourceGroupId'],
    QueryDevice: ['ProductKey', 'PageSize', 'CurrentPage', 'NextToken'],
    QueryDeviceDetail: ['IotId', 'ProductKey', 'DeviceName'],
    QueryDeviceEventData: [
      'IotId',
      'ProductKey',
      'DeviceName',
      'Identifier',
      'EventType',
      'StartTime',
      'EndTime',
      'PageSize',
      'Asc',
    ],
    GetThingModelTslPublished: ['ProductKey', 'ModelVersion', 'FunctionBlockId', 'ResourceGroupId'],
    // Repeated ("RepeatList") parameters are sent as Name.1 … Name.n; `.N` stands for any index.
    BatchQueryDeviceDetail: ['ProductKey', 'DeviceName.N'],
    BatchGetDeviceState: ['ProductKey', 'DeviceName.N', 'IotId.N'],
  }).map(([action, names]) => [action, new Set(names)]),
);

export const ALLOWED_ACTIONS: ReadonlySet<string> = new Set(ACTION_PARAMETERS.keys());

/** At most this many entries in one repeated parameter (BatchQueryDeviceDetail takes 100). */
const MAX_LIST_INDEX = 100;

/** A repeated parameter's pattern as listed above: `DeviceName.N`. */
export function isListParameterPattern(name: string): boolean {
  return name.endsWith('.N');
}

/**
 * Whether `name` is a parameter `allowed` lists: a plain name as it is, a repeated one as
 * `DeviceName.3` (index 1 to MAX_LIST_INDEX) matching `DeviceName.N`. The pattern itself is not a
 * parameter name: `DeviceName.N` sent literally is refused.
 */
function isAllowedParameter(allowed: ReadonlySet<string>, name: string): boolean {
  if (isListParameterPattern(name)) return false;
  if (allowed.has(name)) return true;
  const match = /^([A-Za-z]+)\.([1-9]\d{0,2})$/.exec(name);
  return match !== null && Number(match[2]) <= MAX_LIST_INDEX && allowed.has(`${match[1]}.N`);
}

/**
 * Common parameters only the server may set (the RPC API's common request parameters): whatever the
 * browser sends for these is dropped, and the server's own values are signed.
 */
const SERVER_OWNED = new Set([
  'Format',
  'Version',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'SecurityToken',
  'Timestamp',
  'RegionId',
  'IotInstanceId',
]);

/** Test aid of the demo simulator (README, "The simulators"); never sent to a real API. */
const SIM_FAULT_PARAM = 'x_sim_fault';

export interface AliyunBackendOptions {
  id: string;
  label: string;
  demo: boolean;
  /** e.g. https://iot.cn-shanghai.aliyuncs.com (no trailing slash). */
  endpoint: string;
  regionId: string;
  accessKeyId: string;
  accessKeySecret: string;
  iotInstanceId: string | null;
  upstream: Upstream;
  timeoutMs: number;
  /** Largest upstream answer read (default DEFAULT_UPSTREAM_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

/**
 * The browser POSTs unsigned action parameters to `/api/<id>/`; this adds the common parameters,
 * signs with the account's secret and forwards. Answers keep the upstream status and body, minus
 * device secrets, with the service's RequestId in `x-request-id`.
 */
export function createAliyunBackend(options: AliyunBackendOptions): ConfiguredBackend {
  const { id, label, demo, endpoint, upstream, timeoutMs } = options;
  const limits = {
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_UPSTREAM_MAX_BODY_BYTES,
  };
  const account = {
    accessKeyId: options.accessKeyId,
    accessKeySecret: options.accessKeySecret,
    regionId: options.regionId,
    iotInstanceId: options.iotInstanceId,
  };
  return {
    id,
    kind: 'aliyun',
    label,
    demo,
    capabilities: ALIYUN_CAPABILITIES,
    async forward(request, subPath) {
      if (request.method !== 'POST') {
        return fleetlogError(405, 'method_not_allowed', 'POST the action parameters as a form.');
      }
      if (subPath !== '/')
        return fleetlogError(404, 'not_found', `Fleetlog does not forward ${subPath}.`);
      const contentType = request.headers.get('content-type') ?? '';
      if (!contentType.startsWith('application/x-www-form-urlencoded')) {
        return fleetlogError(
          415,
          'unsupported_media_type',
          'Send the parameters as application/x-www-form-urlencoded.',
        );
      }
      const sent = await readRequestText(request);
      if (typeof sent !== 'string') return sent;
      const form = new URLSearchParams(sent);
      const action = form.get('Action');
      if (!action) return fleetlogError(400, 'missing_action', 'The Action parameter is required.');
      const allowed = ACTION_PARAMETERS.get(action);
      if (!allowed) {
        return fleetlogError(
          403,
          'action_not_allowed',
          `Fleetlog does not forward the action ${action.slice(0, 100)}.`,
        );
      }
      // A null-prototype record: a parameter named like an Object member stays a plain key.
      const actionParams: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [name, value] of form) {
        if (SERVER_OWNED.has(name)) continue;
        const known =
          name === 'Action' ||
          isAllowedParameter(allowed, name) ||
          (demo && name === SIM_FAULT_PARAM);
        if (!known) {
          return fleetlogError(
            400,
            'parameter_not_allowed',
            `Fleetlog does not forward the parameter "${name.slice(0, 100)}" with ${action}.`,
          );
        }
        if (Object.hasOwn(actionParams, name)) {
          return fleetlogError(
            400,
            'duplicate_parameter',
            `The parameter "${name}" is given more than once.`,
          );
        }
        actionParams[name] = value;
      }

      const signed = signedRequestParams('POST', actionParams, account);
      let status: number;
      let text: string;
      try {
        const { response, body } = await callUpstream(
          upstream,
          `${endpoint}/`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: new URLSearchParams(signed).toString(),
          },
          request.signal,
          limits,
        );
        status = response.status;
        text = new TextDecoder().decode(body);
      } catch (error) {
        return upstreamFailure(error, label, timeoutMs);
      }
      return sanitizedResponse(status, text, account.accessKeyId, label);
    },
  };
}

function sanitizedResponse(
  status: number,
  text: string,
  accessKeyId: string,
  label: string,
): Response {
  let body: unknown;
  try {
    // No reviver precision issue here: big numbers only travel inside strings (OutputData, TslStr).
    body = JSON.parse(text, (key, value: unknown) => (key === 'DeviceSecret' ? undefined : value));
  } catch {
    return fleetlogError(
      502,
      'upstream_bad_response',
      `${label} answered with something other than JSON (HTTP ${status}).`,
    );
  }
  const requestId =
    body && typeof body === 'object' && 'RequestId' in body && typeof body.RequestId === 'string'
      ? body.RequestId
      : undefined;
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const field of ['Message', 'ErrorMessage']) {
      const text = record[field];
      // The service echoes its string-to-sign (with the AccessKeyId) on signature errors; the browser needs neither.
      if (typeof text === 'string') {
        record[field] = text.split(/\s*server string to sign/i)[0]!.replaceAll(accessKeyId, '***');
      }
    }
  }
  const json = JSON.stringify(body);
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  if (requestId) headers.set('x-request-id', requestId);
  return new Response(json, { status, headers });
}
