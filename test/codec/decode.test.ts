import { describe, expect, test } from 'vitest';
import { decodeLimits } from '../../src/codec/decode.ts';
import { decode, RestliError, RestliSyntaxError } from '../../src/index.ts';
import { thrown } from '../helpers/errors.ts';
import { mutationRun } from '../helpers/linear.ts';
import { vectorsOf } from '../helpers/vectors.ts';

/** Our code for each Java message, and the column or index the message gives. */
function javaError(message: string): { code: string; offset: number | 'end' } {
  const column = /\(column (\d+)\)|at index (\d+)/.exec(message);
  const offset = column ? Number(column[1] ?? column[2]) : 'end';
  const prefixes: [string, string][] = [
    ['unexpected end of input', 'UNEXPECTED_END'],
    ['unexpected token', 'UNEXPECTED_TOKEN'],
    ['expected string token', 'EXPECTED_STRING'],
    ['expected ', 'EXPECTED_TOKEN'],
    ['tokens left over', 'TRAILING_TOKENS'],
    ['Malformed percent-encoded octet', 'MALFORMED_ESCAPE'],
  ];
  const code = prefixes.find(([prefix]) => message.startsWith(prefix))?.[1];
  if (!code) throw new Error(`no code for ${message}`);
  return { code, offset };
}

describe('parse-v2 vectors (Java reference)', () => {
  test.each(vectorsOf('parse-v2').map((v) => [v.input, v.expected] as const))(
    '%s',
    (input, expected) => {
      // Java turns invalid UTF-8 into U+FFFD; we do that only when asked (see the README).
      const replaced =
        JSON.stringify(expected).includes('\\ufffd') || JSON.stringify(expected).includes('\ufffd');
      expect(decode(input as string, replaced ? { invalidUtf8: 'replace' } : {})).toEqual(expected);
      if (replaced) {
        expect(thrown(() => decode(input as string)).code).toBe('INVALID_UTF8');
      }
    },
  );
});

describe('parse-v2-error vectors: our code, the Java column, the Java message', () => {
  test.each(vectorsOf('parse-v2-error').map((v) => [v.input, v.expected] as const))(
    '%s',
    (input, expected) => {
      const { error } = expected as { error: string };
      const e = thrown(() => decode(input as string));
      const java = javaError(error);
      expect(e.code).toBe(java.code);
      expect(e.offset).toBe(java.offset === 'end' ? (input as string).length : java.offset);
      expect(e.reason).toBe(error);
      expect(e.message).toContain(error);
    },
  );
});

describe('the lexer rules of spec a.2', () => {
  test.each([
    ['List(a)', ['a']],
    ['List', 'List'],
    ['List%28a%29', 'List(a)'],
    ['%4Cist(a)', ['a']],
    ["''", ''],
    ['%27%27', "''"],
    ["%27'", "''"],
    ["a''b", "a''b"],
    ["'", "'"],
    ["'''", "'''"],
    [' a b ', ' a b '],
    ['( a : b )', { ' a ': ' b ' }],
    ['a+b', 'a+b'],
    ['(a:1,a:2)', { a: '2' }],
    ['(x:%28a%3Ab%29)', { x: '(a:b)' }],
    ["List('',(),List())", ['', {}, []]],
    ['(%2525:%25)', { '%25': '%' }],
    ['(k:List(1,(a:List()),List(List(x))))', { k: ['1', { a: [] }, [['x']]] }],
  ] as const)('%s', (input, expected) => {
    expect(decode(input)).toEqual(expected);
  });
});

describe('decoded maps behave like JSON.parse output', () => {
  test('__proto__ is an own property and nothing reaches Object.prototype', () => {
    const value = decode('(__proto__:(polluted:yes),constructor:x)') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value).toEqual(JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":"x"}'));
  });
});

describe('errors', () => {
  test('the message has a caret under the offset', () => {
    const e = thrown(() => decode('(a:b:c)'));
    expect(e.message).toBe("expected ')' but found ':' (column 4)\n  (a:b:c)\n      ^");
    expect(e.token).toBe(':');
  });

  // Spec (c): a malformed escape reports the index of the truncated triplet's `%` or of the bad
  // digit itself; bytes that are not UTF-8 are the library's INVALID_UTF8 at the run's start.
  test.each([
    ['%', 'MALFORMED_ESCAPE', 0],
    ['Hello%1', 'MALFORMED_ESCAPE', 5],
    ['%zz', 'MALFORMED_ESCAPE', 1],
    ['(a:%ZZ)', 'MALFORMED_ESCAPE', 4],
    ['(a:%4)', 'MALFORMED_ESCAPE', 5],
    ['Hello%20%2', 'MALFORMED_ESCAPE', 8],
    ['%25%20%2', 'MALFORMED_ESCAPE', 6],
    ['%25%F^ ', 'MALFORMED_ESCAPE', 5],
    ['List(%G0)', 'MALFORMED_ESCAPE', 6],
    ['(a:%E0%A4)', 'INVALID_UTF8', 3],
  ] as const)(
    'malformed escape %s is a syntax error %s at %d, never URIError',
    (input, code, at) => {
      const e = thrown(() => decode(input));
      expect(e).toBeInstanceOf(RestliSyntaxError);
      expect([e.code, e.offset]).toEqual([code, at]);
    },
  );

  test('a bad escape anywhere wins over a grammar error (the reference tokenizes first)', () => {
    expect(thrown(() => decode('(a::b%ZZ)')).code).toBe('MALFORMED_ESCAPE');
  });

  // The parser reuses its tokens and item stack from one call to the next.
  test('a parse stopped half-way leaves nothing behind for the next', () => {
    for (const bad of ['List(a,b,List(c,d', 'List(a,(k:List(b,c)),', '(a:List(b),c:(d:']) {
      expect(() => decode(bad)).toThrow(RestliSyntaxError);
      expect(decode('List(x,List(y))')).toEqual(['x', ['y']]);
      expect(decode('(k:List(%3A,b))')).toEqual({ k: [':', 'b'] });
    }
  });

  test('maxLength', () => {
    const e = thrown(() => decode('x'.repeat(11), { maxLength: 10 }));
    expect(e.code).toBe('MAX_LENGTH_EXCEEDED');
    expect(decode('x'.repeat(10), { maxLength: 10 })).toBe('x'.repeat(10));
  });
});

describe('depth', () => {
  test('256 levels decode by default, 257 do not', () => {
    const ok = `${'List('.repeat(256)}x${')'.repeat(256)}`;
    let value = decode(ok);
    for (let i = 0; i < 256; i++) value = (value as unknown[])[0] as never;
    expect(value).toBe('x');
    const e = thrown(() => decode(`${'(a:'.repeat(257)}x${')'.repeat(257)}`));
    expect(e.code).toBe('DEPTH_EXCEEDED');
    expect(e.offset).toBe(256 * 3);
  });

  test.skipIf(mutationRun).each([
    ['(', '('.repeat(1_000_000)],
    ['List(', 'List('.repeat(1_000_000)],
    ['(a:', '(a:'.repeat(1_000_000)],
    ['mixed', '(a:List('.repeat(500_000)],
  ])('a million levels of %s is a clean DEPTH error', (_name, input) => {
    expect(thrown(() => decode(input)).code).toBe('DEPTH_EXCEEDED');
  });

  test.skipIf(mutationRun).each([
    ['List(', 'List('.repeat(1_000_000), 4],
    ['(a:', '(a:'.repeat(1_000_000), 0],
  ])(
    'with maxDepth above what the stack holds, %s is still a DEPTH error',
    (name, input, paren) => {
      const e = thrown(() => decode(input, { maxDepth: 5_000_000 }));
      expect(e.code).toBe('DEPTH_EXCEEDED');
      // The offset is an opening paren somewhere down the path where the stack ran out.
      expect(e.offset).toBeGreaterThan(0);
      expect(e.offset % name.length).toBe(paren);
      expect(input[e.offset]).toBe('(');
      // The parser is left usable.
      expect(decode('List(a)')).toEqual(['a']);
    },
  );

  test.skipIf(mutationRun)(
    '(( is a grammar error whatever the limit: no second level is ever entered',
    () => {
      const e = thrown(() => decode('('.repeat(1_000_000), { maxDepth: 5_000_000 }));
      expect(e.code).toBe('EXPECTED_STRING');
      expect(e.offset).toBe(1);
    },
  );
});

describe.skipIf(mutationRun)('linear time', () => {
  test('a 10 MB string, a million-item list and a run of escapes', () => {
    expect((decode('x'.repeat(10_000_000)) as string).length).toBe(10_000_000);
    const list = `List(${Array.from({ length: 1_000_000 }, (_, i) => `a%20${i}`).join(',')})`;
    expect((decode(list) as string[])[999_999]).toBe('a 999999');
    expect((decode('%C3%A9'.repeat(1_500_000)) as string).length).toBe(1_500_000);
  });
});

describe('decodeLimits: the defaults filled in (documented: depth 256, length 16 Mi, error)', () => {
  test.each([
    [undefined, { maxDepth: 256, maxLength: 16_777_216, invalidUtf8: 'error' }],
    [{}, { maxDepth: 256, maxLength: 16_777_216, invalidUtf8: 'error' }],
    [{ maxDepth: 8 }, { maxDepth: 8, maxLength: 16_777_216, invalidUtf8: 'error' }],
    [
      { maxLength: 5, invalidUtf8: 'replace' },
      { maxDepth: 256, maxLength: 5, invalidUtf8: 'replace' },
    ],
  ] as const)('%j', (options, expected) => {
    expect(decodeLimits(options)).toEqual(expected);
  });
});

describe('wrong-typed arguments are INVALID_ARGUMENT, naming the argument', () => {
  test.each([
    ['a number', () => decode(5 as never), 'text must be a string, not the number 5'],
    ['null', () => decode(null as never), 'text must be a string, not null'],
    [
      'options an array',
      () => decode('a', [] as never),
      'options must be a plain object or undefined, not an array',
    ],
  ])('%s', (_what, call, reason) => {
    const error = thrown(call, RestliError);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.reason).toBe(reason);
  });
});
