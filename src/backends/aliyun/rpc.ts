import type { Transport } from '../http.ts';
import { BackendError } from '../types.ts';
import { errorEnvelopeSchema, type AliyunErrorEnvelope } from './wire.ts';

/**
 * One RPC action through the Fleetlog server: unsigned parameters POSTed as a form to
 * `/api/<backendId>/`; the server adds the common parameters and the signature. Both failure
 * envelopes (gateway 4xx/5xx, business `Success: false` with HTTP 200) and Fleetlog's own become
 * a `BackendError` whose message says what to do.
 */

export interface RpcOptions {
  /** Waits before retrying a throttled call (the account shares 50 queries per second). */
  throttleRetryDelaysMs: readonly number[];
  /** Sends the request; the browser's `fetch` unless the caller brings its own (server rendering). */
  transport?: Transport;
}

export const DEFAULT_RPC_OPTIONS: RpcOptions = { throttleRetryDelaysMs: [250, 600, 1200] };

export type RpcCall = (params: Record<string, string>, signal?: AbortSignal) => Promise<unknown>;

export function createRpc(backendId: string, options: RpcOptions = DEFAULT_RPC_OPTIONS): RpcCall {
  const url = `/api/${encodeURIComponent(backendId)}/`;
  const send: Transport = options.transport ?? ((target, init) => fetch(target, init));

  async function once(params: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(params).toString(),
        signal,
      });
    } catch (error) {
      if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw error;
      throw new BackendError(
        'The Fleetlog server could not be reached. Check your network connection and try again.',
        { status: 0, code: 'network_error', retryable: true },
      );
    }
    const headerRequestId = response.headers.get('x-request-id') ?? undefined;
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new BackendError(
        `Alibaba Cloud sent an answer that is not JSON (HTTP ${response.status}).`,
        {
          status: response.status,
          code: 'invalid_response',
          requestId: headerRequestId,
          retryable: response.status >= 500,
        },
      );
    }
    const envelope = errorEnvelopeSchema.safeParse(body);
    const fields = envelope.success ? envelope.data : {};
    const failed = !response.ok || fields.Success === false;
    if (failed) throw errorFor(response.status, fields, headerRequestId, params.Action ?? '');
    return body;
  }

  return async (params, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(params, signal);
      } catch (error) {
        const delay = options.throttleRetryDelaysMs[attempt];
        if (!isThrottling(error) || delay === undefined || signal?.aborted) throw error;
        await sleep(delay, signal);
      }
    }
  };
}

function isThrottling(error: unknown): boolean {
  return error instanceof BackendError && error.details.code?.startsWith('Throttling') === true;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Maps a failure to what an operator can act on; the service's own code and request id stay attached. */
export function errorFor(
  status: number,
  envelope: Partial<AliyunErrorEnvelope>,
  headerRequestId: string | undefined,
  action: string,
): BackendError {
  const requestId = envelope.RequestId ?? envelope.request_id ?? headerRequestId;
  if (envelope.source === 'fleetlog' || (envelope.type && !envelope.Code)) {
    return new BackendError(
      envelope.message ?? `The Fleetlog server refused the request (HTTP ${status}).`,
      {
        status,
        code: envelope.type ?? undefined,
        requestId,
        retryable: status >= 500 || status === 429,
      },
    );
  }
  const code = envelope.Code ?? `HTTP ${status}`;
  const detail = envelope.ErrorMessage ?? envelope.Message ?? '';
  const make = (message: string, semanticStatus: number, retryable: boolean) =>
    new BackendError(message, {
      status: semanticStatus,
      ...(semanticStatus !== status ? { httpStatus: status } : {}),
      code,
      requestId,
      retryable,
    });

  if (code.startsWith('Throttling')) {
    return make(
      'Alibaba Cloud is throttling this account (50 queries per second, shared by all its users). Slow down: wait a few seconds, then retry.',
      429,
      true,
    );
  }
  switch (code) {
    case 'SignatureDoesNotMatch':
      return make(
        "Alibaba Cloud rejected the request signature: the server's ALIYUN_ACCESS_KEY_SECRET does not belong to ALIYUN_ACCESS_KEY_ID.",
        401,
        false,
      );
    case 'InvalidAccessKeyId.NotFound':
    case 'InvalidAccessKeyId.Inactive':
      return make(
        'Alibaba Cloud does not accept the AccessKey ID configured on the server (ALIYUN_ACCESS_KEY_ID): it is unknown or disabled.',
        401,
        false,
      );
    case 'InvalidTimeStamp.Expired':
      return make(
        "Alibaba Cloud rejected the request time: the Fleetlog server's clock is off by more than 15 minutes. Synchronise it (NTP).",
        400,
        false,
      );
    case 'SignatureNonceUsed':
      return make('Alibaba Cloud saw this request twice. Retry.', 409, true);
    case 'iot.device.NotExistedDevice':
    case 'iot.device.InvalidIoTId':
      return make('This device does not exist in the Alibaba Cloud IoT instance.', 404, false);
    case 'iot.prod.NotExistedProduct':
      return make('This product does not exist in the Alibaba Cloud IoT instance.', 404, false);
    case 'iot.system.InstanceNotFound':
    case 'iot.common.InvalidTenant':
      return make(
        'Alibaba Cloud does not know the IoT instance: check ALIYUN_IOT_INSTANCE_ID on the server (required when the instance has an id).',
        400,
        false,
      );
    case 'iot.system.SystemException':
    case 'iot.device.QueryDeviceEventHistoryFailed':
    case 'InternalError':
    case 'ServiceUnavailable':
      return make(
        `Alibaba Cloud IoT failed temporarily${detail ? ` (${detail})` : ''}. Try again.`,
        503,
        true,
      );
  }
  if (code.startsWith('Forbidden')) {
    return make(
      `The AccessKey's RAM user may not call ${action || 'this action'}; grant it read access to IoT Platform (e.g. AliyunIOTReadOnlyAccess).`,
      403,
      false,
    );
  }
  const retryable = status >= 500;
  return make(
    `Alibaba Cloud IoT refused ${action || 'the request'}: ${detail || code}`,
    retryable ? status : status >= 400 ? status : 400,
    retryable,
  );
}
