import type { Hono } from 'hono';
import { signedRequestParams, type AliyunAccount } from './common-params.ts';

/**
 * Calls an in-process simulator the way a correct client would (signed POST form). Used by tests
 * and the bench; `overrides` replaces signed parameters afterwards to provoke gateway errors.
 */
export async function callSimulator(
  app: Hono,
  account: AliyunAccount,
  actionParams: Record<string, string>,
  options: {
    method?: 'GET' | 'POST';
    nonce?: string;
    timestamp?: string;
    overrides?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const method = options.method ?? 'POST';
  const params = {
    ...signedRequestParams(method, actionParams, account, options),
    ...options.overrides,
  };
  const form = new URLSearchParams(params).toString();
  const response = await app.fetch(
    method === 'GET'
      ? new Request(`http://sim/?${form}`)
      : new Request('http://sim/', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
        }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
