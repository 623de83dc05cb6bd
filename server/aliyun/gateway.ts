import { timingSafeEqual } from 'node:crypto';
import { signRpc } from './signer.ts';
import { API_VERSION, gatewayErrors, type GatewayError } from './wire.ts';

export interface GatewayOptions {
  credentials: { accessKeyId: string; accessKeySecret: string };
  now: () => number;
  throttlePerSecond: number;
}

const REQUIRED_COMMON = [
  'Action',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Timestamp',
  'Version',
] as const;
const CLOCK_SKEW_MS = 15 * 60_000;
const NONCE_TTL_MS = 15 * 60_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * The checks the API gateway makes before an action runs, in the service's order: parameters,
 * key, timestamp, signature, nonce replay, version, then the account's flow control.
 */
export function createGateway(options: GatewayOptions) {
  const { credentials, now, throttlePerSecond } = options;
  const nonces = new Map<string, number>();
  const recentCalls: number[] = [];

  function rememberNonce(nonce: string, at: number): boolean {
    if (nonces.size > 5_000) {
      for (const [key, expires] of nonces) if (expires <= at) nonces.delete(key);
    }
    const expires = nonces.get(nonce);
    if (expires !== undefined && expires > at) return false;
    nonces.set(nonce, at + NONCE_TTL_MS);
    return true;
  }

  function withinQuota(at: number): boolean {
    while (recentCalls.length > 0 && (recentCalls[0] as number) <= at - 1000) recentCalls.shift();
    if (recentCalls.length >= throttlePerSecond) return false;
    recentCalls.push(at);
    return true;
  }

  return {
    check(method: string, params: Record<string, string>): GatewayError | null {
      for (const name of REQUIRED_COMMON) if (!params[name]) return gatewayErrors.missing(name);
      if (params.Format !== 'JSON') return gatewayErrors.format();
      if (params.AccessKeyId !== credentials.accessKeyId) return gatewayErrors.accessKey();
      const timestamp = params.Timestamp as string;
      if (!TIMESTAMP.test(timestamp)) return gatewayErrors.timestampFormat();
      const at = now();
      if (Math.abs(Date.parse(timestamp) - at) > CLOCK_SKEW_MS)
        return gatewayErrors.timestampExpired();
      if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
        return gatewayErrors.signatureMethod();
      }
      const expected = Buffer.from(signRpc(method, params, credentials.accessKeySecret));
      const given = Buffer.from(params.Signature as string);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return gatewayErrors.signature();
      if (!rememberNonce(params.SignatureNonce as string, at)) return gatewayErrors.nonceUsed();
      if (params.Version !== API_VERSION) return gatewayErrors.version();
      if (!withinQuota(at)) return gatewayErrors.throttled();
      return null;
    },
  };
}
