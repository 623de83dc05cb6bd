import { describe, expect, it } from 'vitest';
import { parseExactJson } from './exact-json.ts';

describe('parseExactJson', () => {
  it('keeps integers beyond 2^53 exact as BigInt, in objects and arrays', () => {
    expect(parseExactJson('{"a":9007199254740993,"b":[-18446744073709551615]}')).toEqual({
      a: 9007199254740993n,
      b: [-18446744073709551615n],
    });
  });

  it('parses everything else like JSON.parse', () => {
    const text =
      ' {"s":"caf\\u00e9 \\"q\\"","f":2.3,"e":1e21,"i":9007199254740991,"n":null,"t":true,"x":false,"o":{},"l":[]} ';
    expect(parseExactJson(text)).toEqual(JSON.parse(text));
  });

  it('keeps a __proto__ key as data', () => {
    const parsed = parseExactJson('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['', '{', '{"a":}', '[1,]', '{"a":1} x', 'nul', '01'])('rejects %j', (text) => {
    expect(() => parseExactJson(text)).toThrow(SyntaxError);
  });
});
