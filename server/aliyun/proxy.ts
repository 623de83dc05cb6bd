import { callUpstream, fleetlogError, upstreamFailure } from '../backends/forwarding.ts';
import { ALIYUN_CAPABILITIES, type ConfiguredBackend, type Upstream } from '../backends/types.ts';
import { signedRequestParams } from './common-params.ts';

/** Read actions the SPA uses; anything else (writes, other products) is refused before signing. */
export const ALLOWED_ACTIONS: ReadonlySet<string> = new Set([
  'QueryProductList',
  'QueryDevice',
  'QueryDeviceDetail',
  'BatchQueryDeviceDetail',
  'BatchGetDeviceState',
  'QueryDeviceEventData',
  'GetThingModelTslPublished',
]);

/** Parameters only the server may set: whatever the browser sends for these is dropped. */
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
}

/**
 * The browser POSTs unsigned action parameters to `/api/<id>/`; this adds the common parameters,
 * signs with the account's secret and forwards. Answers keep the upstream status and body, minus
 * device secrets, with the service's RequestId in `x-request-id`.
 */
export function createAliyunBackend(options: AliyunBackendOptions): ConfiguredBackend {
  const { id, label, demo, endpoint, upstream, timeoutMs } = options;
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
      const actionParams: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(await request.text())) {
        if (!SERVER_OWNED.has(name)) actionParams[name] = value;
      }
      const action = actionParams.Action;
      if (!action) return fleetlogError(400, 'missing_action', 'The Action parameter is required.');
      if (!ALLOWED_ACTIONS.has(action)) {
        return fleetlogError(
          403,
          'action_not_allowed',
          `Fleetlog does not forward the action ${action}.`,
        );
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
          timeoutMs,
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
