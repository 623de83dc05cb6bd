import { signRpc } from './signer.ts';
import { API_VERSION } from './wire.ts';

export interface AliyunAccount {
  accessKeyId: string;
  accessKeySecret: string;
  regionId: string;
  iotInstanceId: string | null;
}

/** The service wants second precision: `2016-02-23T12:46:24Z`. */
export function rpcTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Action parameters plus every common parameter, signed. `nonce` and `timestamp` are injectable so
 * tests can compare the result with another client's for identical inputs.
 */
export function signedRequestParams(
  method: 'GET' | 'POST',
  actionParams: Readonly<Record<string, string>>,
  account: AliyunAccount,
  options: { nonce?: string; timestamp?: string } = {},
): Record<string, string> {
  const params: Record<string, string> = {
    ...actionParams,
    Format: 'JSON',
    Version: API_VERSION,
    AccessKeyId: account.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? crypto.randomUUID(),
    Timestamp: options.timestamp ?? rpcTimestamp(Date.now()),
    RegionId: account.regionId,
  };
  if (account.iotInstanceId) params.IotInstanceId = account.iotInstanceId;
  params.Signature = signRpc(method, params, account.accessKeySecret);
  return params;
}
