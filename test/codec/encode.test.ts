import { describe, expect, test } from 'vitest';
import { sortedKeys } from '../../src/codec/encode.ts';
import { encode, RestliEncodeError, type RestliValue } from '../../src/index.ts';
import { thrown } from '../helpers/errors.ts';
import { mutationRun } from '../helpers/linear.ts';
import { fromJava, hasJavaOnlyLeaf, vectorsOf } from '../helpers/vectors.ts';

type Context = 'query' | 'path' | 'body';
const contextOf = (c: string | null): Context => (c === null ? 'body' : (c as Context));

describe('encode-v2 vectors (Java reference)', () => {
  const cases = vectorsOf('encode-v2');
  // Java prints doubles as 1.0 / 1.0E10 and bytes as Latin-1 chars; we print JS numbers.
  const comparable = cases.filter((v) => !hasJavaOnlyLeaf(v.input));
  test.each(comparable.map((v) => [v.source, v.context, v] as const))('%s (%s)', (_s, _c, v) => {
    expect(encode(fromJava(v.input) as RestliValue, { context: contextOf(v.context) })).toBe(
      v.expected,
    );
  });
  test('only the Java-typed doubles, floats and bytes are left out', () => {
    expect(cases.length - comparable.length).toBe(
      cases.filter((v) => /"\$(double|float|bytes)"/.test(JSON.stringify(v.input))).length,
    );
  });
});

describe('escape-table vectors: one character in every 2.0 context', () => {
  const table = vectorsOf('escape-table');
  test.each(table.map((v) => [JSON.stringify(v.input), v] as const))('%s', (_n, v) => {
    const input = v.input as string;
    const expected = v.expected as Record<string, string>;
    expect(encode(input, { context: 'body' })).toBe(expected.v2none);
    expect(encode(input, { context: 'path' })).toBe(expected.v2path);
    expect(encode(input, { context: 'query' })).toBe(expected.v2query);
  });
});

describe('the table of spec a.1 and b.1', () => {
  test.each([
    [{ b: '2', a: '1' }, 'query', '(a:1,b:2)'],
    [{}, 'query', '()'],
    [[], 'query', 'List()'],
    ['', 'path', "''"],
    [{ '': '' }, 'body', "('':'')"],
    ['a b%', 'query', 'a%20b%25'],
    [{ q: 'search', ids: [1, 2] }, 'query', '(ids:List(1,2),q:search)'],
    [{ a: undefined, b: 'x' }, 'query', '(b:x)'],
    [{ '10': 'x', '9': 'y' }, 'query', '(10:x,9:y)'],
    [12345678901234567890n, 'query', '12345678901234567890'],
    [Number.NaN, 'query', 'NaN'],
    [Number.POSITIVE_INFINITY, 'query', 'Infinity'],
    [Number.NEGATIVE_INFINITY, 'query', '-Infinity'],
    [false, 'path', 'false'],
    [1.5, 'query', '1.5'],
    [1e21, 'query', '1e%2B21'],
    [1e21, 'path', '1e+21'],
    [-0.5, 'query', '-0.5'],
    ['urn:li:person:(a,b)', 'path', 'urn%3Ali%3Aperson%3A%28a%2Cb%29'],
  ] as const)('%s in %s → %s', (value, context, expected) => {
    expect(encode(value as RestliValue, { context: context as Context })).toBe(expected);
  });

  test('keys are sorted by UTF-16 code units, not by locale', () => {
    expect(
      encode({ b: 1, a: 2, B: 3, $params: { z: 'y' }, _: 4, '': 5, é: 6, '😛': 7, '\uff01': 8 }),
    ).toBe("('':5,$params:(z:y),B:3,_:4,a:2,b:1,%C3%A9:6,%F0%9F%98%9B:7,%EF%BC%81:8)");
  });

  test('a map key __proto__ is written like any key', () => {
    expect(encode(JSON.parse('{"__proto__":"x"}'))).toBe('(__proto__:x)');
  });

  test('objects without a prototype are maps', () => {
    const o = Object.create(null);
    o.a = 'b';
    expect(encode(o)).toBe('(a:b)');
  });
});

describe('bad values name their path and say what is wrong', () => {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = { back: cycle };
  // One object under two keys is no cycle: the error is the real one further on.
  const shared = { s: 1 };
  test.each([
    [null, 'UNSUPPORTED_VALUE', '$', 'null is not encodable'],
    [{ a: [1, 2, null] }, 'UNSUPPORTED_VALUE', '$.a[2]', 'null is not encodable'],
    [{ a: [1, 2, { b: () => 1 }] }, 'UNSUPPORTED_VALUE', '$.a[2].b', 'function is not encodable'],
    [{ 'x y': Symbol('s') }, 'UNSUPPORTED_VALUE', '$["x y"]', 'symbol is not encodable'],
    [[new Date(0)], 'UNSUPPORTED_VALUE', '$[0]', 'a Date is not a plain object or array'],
    [new Map(), 'UNSUPPORTED_VALUE', '$', 'a Map is not a plain object or array'],
    [undefined, 'UNSUPPORTED_VALUE', '$', 'undefined is not encodable'],
    [[undefined], 'UNSUPPORTED_VALUE', '$[0]', 'undefined is not encodable'],
    [[1, [2, [3, null]]], 'UNSUPPORTED_VALUE', '$[1][1][1]', 'null is not encodable'],
    [cycle, 'CIRCULAR_VALUE', '$.self.back', 'circular reference'],
    [{ a: shared, b: shared, c: null }, 'UNSUPPORTED_VALUE', '$.c', 'null is not encodable'],
    [[shared, shared, [shared, null]], 'UNSUPPORTED_VALUE', '$[2][1]', 'null is not encodable'],
    // A map entry that is undefined is left out, so the error is the next one.
    [{ a: undefined, b: null }, 'UNSUPPORTED_VALUE', '$.b', 'null is not encodable'],
    [
      { a: 'ok', b: ['x\ud800y'] },
      'LONE_SURROGATE',
      '$.b[0]',
      'lone surrogate at index 1 of a string',
    ],
    [{ '\udc00': 'v' }, 'LONE_SURROGATE', '$["\\udc00"]', 'lone surrogate at index 0 of a string'],
  ] as const)('%# → %s at %s', (value, code, path, reason) => {
    for (const context of ['query', 'path', 'body'] as const) {
      try {
        encode(value as unknown as RestliValue, { context });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RestliEncodeError);
        expect((error as RestliEncodeError).code).toBe(code);
        expect((error as RestliEncodeError).path).toBe(path);
        expect((error as RestliEncodeError).reason).toBe(reason);
        expect((error as Error).message).toBe(`${reason} at ${path}`);
      }
    }
  });

  test.each([
    [
      'an unknown context',
      { context: 'header' },
      "options.context must be 'query', 'path' or 'body', not the string \"header\"",
    ],
    [
      'an inherited name as context',
      { context: 'toString' },
      "options.context must be 'query', 'path' or 'body', not the string \"toString\"",
    ],
    [
      'a string maxDepth',
      { maxDepth: '3' },
      'options.maxDepth must be a number, not the string "3"',
    ],
  ])('%s is INVALID_ARGUMENT', (_what, options, reason) => {
    try {
      encode('a', options as never);
      expect.unreachable();
    } catch (error) {
      expect((error as RestliEncodeError).code).toBe('INVALID_ARGUMENT');
      expect((error as RestliEncodeError).reason).toBe(reason);
    }
  });
});

describe('sortedKeys: UTF-16 code unit order at every size', () => {
  // Small records take an insertion sort, large ones Array#sort: both must give this order.
  const shuffled = (n: number) =>
    Array.from({ length: n }, (_, i) => `k${String((i * 7919) % n).padStart(3, '0')}`);
  test.each([0, 1, 2, 3, 31, 32, 33, 100])('%i keys', (n) => {
    const names = shuffled(n);
    const record = Object.fromEntries(names.map((k) => [k, 1]));
    const expected = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sortedKeys(record)).toEqual(expected);
    expect(encode(record)).toBe(n === 0 ? '()' : `(${expected.map((k) => `${k}:1`).join(',')})`);
  });

  test('keys already in order, in reverse order, and with a surrogate pair', () => {
    expect(sortedKeys({ a: 1, b: 1, c: 1 })).toEqual(['a', 'b', 'c']);
    expect(sortedKeys({ c: 1, b: 1, a: 1 })).toEqual(['a', 'b', 'c']);
    // U+1F600 is D83D DE00 in UTF-16, below U+FF5E; a code point order would say otherwise.
    expect(sortedKeys({ '\uff5e': 1, '\u{1f600}': 1, z: 1 })).toEqual(['z', '\u{1f600}', '\uff5e']);
  });
});

describe('depth', () => {
  const nest = (levels: number, list: boolean): unknown => {
    let v: unknown = 'x';
    for (let i = 0; i < levels; i++) v = list ? [v] : { a: v };
    return v;
  };

  test('256 levels encode by default, 257 do not', () => {
    expect(encode(nest(256, true) as RestliValue)).toBe(
      `${'List('.repeat(256)}x${')'.repeat(256)}`,
    );
    expect(() => encode(nest(257, false) as RestliValue)).toThrowError(
      expect.objectContaining({ code: 'DEPTH_EXCEEDED' }),
    );
  });

  test.skipIf(mutationRun).each([true, false])(
    'a million levels (list: %s) is a clean DEPTH error',
    (list) => {
      const deep = nest(1_000_000, list) as RestliValue;
      for (const maxDepth of [undefined, 2_000_000]) {
        try {
          encode(deep, { maxDepth });
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(RestliEncodeError);
          expect((error as RestliEncodeError).code).toBe('DEPTH_EXCEEDED');
        }
      }
    },
  );

  test.each([true, false])(
    'deeper than the call stack but within maxDepth (list: %s): DEPTH_EXCEEDED at $, said so',
    (list) => {
      const error = thrown(
        () => encode(nest(100_000, list) as RestliValue, { maxDepth: 1e9 }),
        RestliEncodeError,
      );
      expect(error.code).toBe('DEPTH_EXCEEDED');
      expect(error.path).toBe('$');
      expect(error.reason).toBe('nesting too deep for the call stack');
    },
  );

  test('maxDepth names the first value below the limit', () => {
    const error = thrown(() => encode({ a: { b: [1] } }, { maxDepth: 2 }), RestliEncodeError);
    expect(error.code).toBe('DEPTH_EXCEEDED');
    expect(error.path).toBe('$.a.b');
    expect(error.reason).toBe('nesting deeper than maxDepth 2');
    expect(encode({ a: { b: 1 } }, { maxDepth: 2 })).toBe('(a:(b:1))');
  });

  test('lists count as levels too', () => {
    const error = thrown(() => encode([[[1]]], { maxDepth: 2 }), RestliEncodeError);
    expect(error.code).toBe('DEPTH_EXCEEDED');
    expect(error.path).toBe('$[0][0]');
    expect(error.reason).toBe('nesting deeper than maxDepth 2');
    expect(encode([[1]], { maxDepth: 2 })).toBe('List(List(1))');
  });
});
