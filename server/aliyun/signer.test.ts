import { describe, expect, it } from 'vitest';
import { canonicalize, percentEncode, signRpc, stringToSign } from './signer.ts';

const vectorA = {
  Timestamp: '2016-02-23T12:46:24Z',
  Format: 'XML',
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  Version: '2014-05-26',
  SignatureVersion: '1.0',
};

const vectorB = {
  MessageContent: 'aGVsbG93b3JsZA=',
  Action: 'Pub',
  Timestamp: '2017-10-02T09:39:41Z',
  SignatureVersion: '1.0',
  ServiceCode: 'iot',
  Format: 'XML',
  Qos: '0',
  SignatureNonce: '0715a395-aedf-4a41-bab7-746b43d38d88',
  Version: '2017-04-20',
  AccessKeyId: 'testid',
  SignatureMethod: 'HMAC-SHA1',
  RegionId: 'cn-shanghai',
  ProductKey: '12345abcdeZ',
  TopicFullName: '/productKey/testdevice/get',
};

describe('RPC signature (official vectors)', () => {
  it('reproduces vector A StringToSign for GET', () => {
    expect(stringToSign('GET', vectorA)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
  });

  it('reproduces vector A for GET and POST', () => {
    expect(signRpc('GET', vectorA, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(signRpc('POST', vectorA, 'testsecret')).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=');
  });

  it('reproduces vector B (IoT Pub)', () => {
    expect(signRpc('GET', vectorB, 'testsecret')).toBe('Y9eWn4nF8QPh3c4zAFkM/k/u7eA=');
  });

  it('ignores a Signature parameter already present', () => {
    expect(signRpc('GET', { ...vectorA, Signature: 'stale' }, 'testsecret')).toBe(
      'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
    );
  });

  it('a different secret or method gives a different signature', () => {
    expect(signRpc('GET', vectorA, 'othersecret')).not.toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

describe('percent-encoding', () => {
  it.each([
    [' ', '%20'],
    ['*', '%2A'],
    ['~', '~'],
    ['+', '%2B'],
    ['/', '%2F'],
    ['-_.', '-_.'],
    ["!'()", '%21%27%28%29'],
    ['é', '%C3%A9'],
    ['设备', '%E8%AE%BE%E5%A4%87'],
    ['a:b', 'a%3Ab'],
  ])('%j → %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });

  it('sorts names by byte order (upper case before lower case)', () => {
    expect(canonicalize({ b: '1', B: '2', a: '3', Signature: 'x' })).toBe('B=2&a=3&b=1');
  });
});
