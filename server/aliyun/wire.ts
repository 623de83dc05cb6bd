/**
 * The two error envelopes of the Alibaba Cloud RPC API and small helpers the simulator answers with.
 * Gateway errors (signature, throttling, missing parameters) use HTTP 4xx/5xx; IoT business errors
 * come back with HTTP 200 and `Success: false`.
 */
export const API_VERSION = '2018-01-20';

export function newRequestId(): string {
  return crypto.randomUUID().toUpperCase();
}

export interface GatewayError {
  status: number;
  code: string;
  message: string;
}

export const gatewayErrors = {
  missing: (param: string): GatewayError => ({
    status: 400,
    code: `Missing${param}`,
    message: `${param} is mandatory for this action.`,
  }),
  signature: (): GatewayError => ({
    status: 400,
    code: 'SignatureDoesNotMatch',
    message: 'Specified signature is not matched with our calculation.',
  }),
  accessKey: (): GatewayError => ({
    status: 404,
    code: 'InvalidAccessKeyId.NotFound',
    message: 'Specified access key is not found.',
  }),
  nonceUsed: (): GatewayError => ({
    status: 400,
    code: 'SignatureNonceUsed',
    message: 'Specified signature nonce was used already.',
  }),
  timestampExpired: (): GatewayError => ({
    status: 400,
    code: 'InvalidTimeStamp.Expired',
    message: 'Specified time stamp or date value is expired.',
  }),
  timestampFormat: (): GatewayError => ({
    status: 400,
    code: 'InvalidTimeStamp.Format',
    message: 'Specified time stamp or date value is not well formatted.',
  }),
  throttled: (): GatewayError => ({
    status: 400,
    code: 'Throttling.User',
    message: 'Request was denied due to user flow control.',
  }),
  version: (): GatewayError => ({
    status: 400,
    code: 'InvalidVersion',
    message: 'Specified parameter Version is not valid.',
  }),
  format: (): GatewayError => ({
    // The real service defaults to XML; the simulator only speaks JSON and says so.
    status: 400,
    code: 'InvalidParameter.Format',
    message: 'This simulator only answers Format=JSON.',
  }),
  signatureMethod: (): GatewayError => ({
    status: 400,
    code: 'InvalidParameter.SignatureMethod',
    message: 'Specified SignatureMethod is not supported; use HMAC-SHA1 with SignatureVersion 1.0.',
  }),
  action: (): GatewayError => ({
    status: 404,
    code: 'InvalidAction.NotFound',
    message: 'Specified api is not found, please check your url and method.',
  }),
  unavailable: (): GatewayError => ({
    status: 503,
    code: 'ServiceUnavailable',
    message: 'The request has failed due to a temporary failure of the server.',
  }),
};

export function gatewayResponse(error: GatewayError, requestId = newRequestId()): Response {
  return Response.json(
    {
      RequestId: requestId,
      HostId: 'iot.cn-shanghai.aliyuncs.com',
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Iot`,
    },
    { status: error.status },
  );
}

/** An IoT business error: HTTP 200, `Success: false`. */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function businessResponse(error: BusinessError, requestId = newRequestId()): Response {
  return Response.json({
    RequestId: requestId,
    Success: false,
    Code: error.code,
    ErrorMessage: error.message,
  });
}

export function successResponse(
  body: Record<string, unknown>,
  requestId = newRequestId(),
): Response {
  return Response.json({ RequestId: requestId, Success: true, ...body });
}
