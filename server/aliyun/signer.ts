import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud RPC signature, version 1.0 (HMAC-SHA1). Shared by the proxy (signs) and the
 * simulator (verifies), so a mismatch between the two can only come from the wire.
 */
export type RpcParams = Readonly<Record<string, string>>;

/** RFC 3986 over UTF-8: only `A-Z a-z 0-9 - _ . ~` stay; space is `%20`, never `+`. */
export function percentEncode(value: string): string {
  // encodeURIComponent also leaves ! ' ( ) * alone, which the service encodes.
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Every parameter except Signature, sorted by byte order of the name, as `k=v&k=v`. */
export function canonicalize(params: RpcParams): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

export function stringToSign(method: string, params: RpcParams): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalize(params))}`;
}

export function signRpc(method: string, params: RpcParams, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(stringToSign(method, params), 'utf8')
    .digest('base64');
}
