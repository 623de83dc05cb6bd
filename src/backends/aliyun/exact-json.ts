/**
 * A small JSON parser for `OutputData`, which is JSON text inside a JSON string. `JSON.parse`
 * would round 64-bit counters (anything beyond 2^53); here an integer that does not fit a double
 * exactly becomes a `BigInt`, so the value shown is the value the device sent. BigInt rather than
 * a string keeps the type honest (it is a number) and Fleetlog's JSON view prints it as digits.
 * Everything else parses exactly like `JSON.parse`.
 */
export function parseExactJson(text: string): unknown {
  let at = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${at}`);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };

  function value(): unknown {
    skipSpace();
    const char = text[at];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    return fail('Unexpected token');
  }

  function object(): Record<string, unknown> {
    at++;
    const result: Record<string, unknown> = {};
    skipSpace();
    if (text[at] === '}') {
      at++;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail('Expected a property name');
      const key = string();
      skipSpace();
      if (text[at++] !== ':') fail('Expected ":"');
      // defineProperty so a "__proto__" key stays data, as with JSON.parse.
      Object.defineProperty(result, key, {
        value: value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      const next = text[at++];
      if (next === '}') return result;
      if (next !== ',') fail('Expected "," or "}"');
    }
  }

  function array(): unknown[] {
    at++;
    const result: unknown[] = [];
    skipSpace();
    if (text[at] === ']') {
      at++;
      return result;
    }
    for (;;) {
      result.push(value());
      skipSpace();
      const next = text[at++];
      if (next === ']') return result;
      if (next !== ',') fail('Expected "," or "]"');
    }
  }

  function string(): string {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail('Unterminated string');
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  }

  function number(): number | bigint {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) return fail('Invalid number');
    at += match[0].length;
    const parsed = Number(match[0]);
    const isInteger = match[2] === undefined && match[3] === undefined;
    return isInteger && !Number.isSafeInteger(parsed) ? BigInt(match[0]) : parsed;
  }

  const result = value();
  skipSpace();
  if (at < text.length) fail('Unexpected text after JSON');
  return result;
}
