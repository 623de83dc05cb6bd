import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson, parseErrorEnvelope, parseRetryAfter } from './http.ts';
import { BackendError } from './types.ts';

afterEach(() => vi.unstubAllGlobals());

const respondWith = (response: Response) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(response)),
  );

describe('fetchJson', () => {
  it('turns a non-JSON 502 into a retryable error that keeps the header request id', async () => {
    respondWith(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        headers: { 'x-request-id': 'gw-1' },
      }),
    );
    const error = (await fetchJson('/api/x').catch((e: unknown) => e)) as BackendError;
    expect(error).toBeInstanceOf(BackendError);
    expect(error.details).toMatchObject({ status: 502, requestId: 'gw-1', retryable: true });
    expect(error.message).toContain('HTTP 502');
  });

  it('passes the server’s own timeout message through', async () => {
    respondWith(
      Response.json(
        {
          object: 'error',
          code: 504,
          type: 'upstream_timeout',
          message: 'Demo did not answer within 20 s.',
          request_id: 'r9',
        },
        { status: 504 },
      ),
    );
    const error = (await fetchJson('/api/x').catch((e: unknown) => e)) as BackendError;
    expect(error.message).toBe('Demo did not answer within 20 s.');
    expect(error.details).toMatchObject({
      code: 'upstream_timeout',
      requestId: 'r9',
      retryable: true,
    });
  });

  it('lets an abort through untouched so the query layer can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new DOMException('aborted', 'AbortError'))),
    );
    const error = await fetchJson('/api/x', { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BackendError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('error parsing helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(
      30,
    );
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('reads Alibaba-style envelopes and ignores malformed field entries', () => {
    expect(
      parseErrorEnvelope({ Code: 'Throttling', Message: 'Slow down', RequestId: 'A-1' }),
    ).toMatchObject({
      code: 'Throttling',
      message: 'Slow down',
      requestId: 'A-1',
    });
    expect(
      parseErrorEnvelope({ fields: [null, { name: 'limit' }, { name: 'after', message: 'bad' }] })
        .fields,
    ).toEqual([{ name: 'after', message: 'bad' }]);
  });
});
