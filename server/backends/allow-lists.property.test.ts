/**
 * Properties of the parameter allow-lists over generated names and values: nothing outside a list
 * reaches the upstream, and what is inside reaches it unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ACTION_PARAMETERS, createAliyunBackend, isListParameterPattern } from '../aliyun/proxy.ts';
import { createPelionBackend } from '../pelion/proxy.ts';
import type { Upstream } from './types.ts';

const seen: Request[] = [];
const upstream: Upstream = async (url, init) => {
  seen.push(new Request(url, init));
  return Response.json({ object: 'list', data: [], RequestId: 'R', Success: true });
};
const app = createApp({
  backends: [
    createPelionBackend({
      id: 'p',
      label: 'P',
      demo: false,
      apiUrl: 'https://pelion.example.test',
      apiKey: 'ak_property',
      upstream,
      timeoutMs: 1000,
    }),
    createAliyunBackend({
      id: 'a',
      label: 'A',
      demo: false,
      endpoint: 'https://aliyun.example.test',
      regionId: 'cn-shanghai',
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      iotInstanceId: null,
      upstream,
      timeoutMs: 1000,
    }),
  ],
});

const EVENT_LIST_NAMES = [
  'limit',
  'order',
  'after',
  'include',
  'device_id',
  'device_id__eq',
  'device_id__in',
  'event_type__nin',
  'description__neq',
  'id__eq',
  'state_change',
  'state_change__neq',
  'date_time__gte',
  'date_time__lte',
  'date_time__in',
];
const COMMON = new Set([
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
const anyName = fc.string({ minLength: 1, maxLength: 24 });
const value = fc.string({ maxLength: 40 });

describe('Pelion query allow-list', () => {
  it('forwards any mix of documented event-list parameters with the same names and values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...EVENT_LIST_NAMES), value), { maxLength: 8 }),
        async (pairs) => {
          seen.length = 0;
          const search = new URLSearchParams(pairs).toString();
          const response = await app.request(`/api/p/v3/device-events?${search}`);
          expect(response.status).toBe(200);
          const sent = new URL(seen[0]!.url);
          expect(sent.pathname).toBe('/v3/device-events');
          expect([...sent.searchParams]).toEqual(pairs);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses any other name anywhere in the query and sends nothing', async () => {
    // The whole documented vocabulary of GET /v3/device-events.
    const documented =
      /^(limit|order|after|include|filter|(device_id|event_type|description|id)(__(eq|neq|in|nin))?|state_change(__(eq|neq))?|date_time__(gte|lte|in|nin))$/;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...EVENT_LIST_NAMES), value), { maxLength: 4 }),
        fc
          .oneof(anyName, fc.constantFrom('access_token', 'api_key', 'toString', '__proto__'))
          .filter((n) => !documented.test(n)),
        value,
        fc.nat(4),
        async (pairs, name, bad, at) => {
          seen.length = 0;
          const all = [...pairs];
          all.splice(Math.min(at, all.length), 0, [name, bad]);
          const response = await app.request(
            `/api/p/v3/device-events?${new URLSearchParams(all).toString()}`,
          );
          expect(response.status).toBe(400);
          expect(seen).toHaveLength(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Alibaba parameter allow-lists', () => {
  const actions = [...ACTION_PARAMETERS.keys()];
  /** A name the action documents, a repeated one (`DeviceName.N`) with an index from 1 to 100. */
  const documentedName = (action: string) =>
    fc
      .tuple(fc.constantFrom(...ACTION_PARAMETERS.get(action)!), fc.integer({ min: 1, max: 100 }))
      .map(([name, index]) =>
        isListParameterPattern(name) ? `${name.slice(0, -1)}${index}` : name,
      );
  const listActions = actions.filter((action) =>
    [...ACTION_PARAMETERS.get(action)!].some(isListParameterPattern),
  );

  it('refuses a repeated parameter written as its pattern, index 0 or an index past 100', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...listActions)
          .chain((action) =>
            fc.tuple(
              fc.constant(action),
              fc.constantFrom(
                ...[...ACTION_PARAMETERS.get(action)!].filter(isListParameterPattern),
              ),
              fc.oneof(
                fc.constant('N'),
                fc.constant('0'),
                fc.integer({ min: 101, max: 99_999 }).map(String),
                fc.constant('01'),
              ),
            ),
          ),
        value,
        async ([action, pattern, index], v) => {
          seen.length = 0;
          const response = await app.request('/api/a/', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams([
              ['Action', action],
              [`${pattern.slice(0, -1)}${index}`, v],
            ]).toString(),
          });
          expect(response.status).toBe(400);
          expect(seen).toHaveLength(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses any undocumented parameter of every action and signs nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), anyName, value, async (action, name, bad) => {
        fc.pre(name !== 'Action' && !COMMON.has(name) && !ACTION_PARAMETERS.get(action)!.has(name));
        seen.length = 0;
        const response = await app.request('/api/a/', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams([
            ['Action', action],
            [name, bad],
          ]).toString(),
        });
        expect(response.status).toBe(400);
        expect(seen).toHaveLength(0);
      }),
      { numRuns: 200 },
    );
  });

  it('signs and sends documented parameters unchanged, whatever their values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actions).chain((action) =>
          fc.tuple(
            fc.constant(action),
            fc.uniqueArray(fc.tuple(documentedName(action), value), {
              selector: ([name]) => name,
            }),
          ),
        ),
        async ([action, pairs]) => {
          seen.length = 0;
          const response = await app.request('/api/a/', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams([['Action', action], ...pairs]).toString(),
          });
          expect(response.status).toBe(200);
          const sent = new URLSearchParams(await seen[0]!.text());
          expect(sent.get('Action')).toBe(action);
          for (const [name, v] of pairs) expect(sent.get(name)).toBe(v);
        },
      ),
      { numRuns: 150 },
    );
  });
});
