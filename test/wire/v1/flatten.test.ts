import { describe, expect, test } from 'vitest';
import { RestliEncodeError } from '../../../src/errors.ts';
import type { RestliValue } from '../../../src/types.ts';
import {
  dataMapToQueryString,
  encodeQueryV1,
  flattenV1,
  PROJECTION_PARAMS,
  type V1Params,
} from '../../../src/wire/v1/flatten.ts';
import { decodeQueryV1 } from '../../../src/wire/v1/unflatten.ts';
import { referenceFormDecode } from '../../helpers/reference.ts';
import { fromJava, vectorsOf } from '../../helpers/vectors.ts';
import { normalizeV1 } from './normalize.ts';

/**
 * Mask trees belong to the projection module; the few vectors that hold one only need the mask
 * text, written here in the tree's own order (`{a:1,b:{c:1}}` → `a,b:(c)`).
 */
function maskText(tree: Record<string, unknown>): string {
  return Object.entries(tree)
    .map(([key, value]) =>
      value === 1
        ? key
        : value === 0
          ? `-${key}`
          : `${key}:(${maskText(value as Record<string, unknown>)})`,
    )
    .join(',');
}

/** Vector params as our API takes them: `$long` leaves as bigints, mask trees as mask text. */
function paramsOf(input: unknown): V1Params {
  const params = fromJava(input) as Record<string, unknown>;
  for (const name of PROJECTION_PARAMS) {
    const mask = params[name];
    if (mask !== undefined && typeof mask === 'object') {
      params[name] = maskText(mask as Record<string, unknown>);
    }
  }
  return params as V1Params;
}

function encodeError(f: () => unknown): RestliEncodeError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(RestliEncodeError);
    return error as RestliEncodeError;
  }
  return expect.unreachable('no error');
}

describe('encode-v1-multimap vectors: name → values before URL escaping', () => {
  test.each(vectorsOf('encode-v1-multimap').map((v) => [v.input, v.expected] as const))(
    '%j',
    (input, expected) => {
      const multimap = flattenV1(paramsOf(input));
      expect(Object.fromEntries(multimap)).toEqual(expected);
      expect([...multimap.keys()]).toEqual(Object.keys(expected as object).sort());
    },
  );
});

describe('encode-v1-string vectors: the v1 complex-key string', () => {
  test.each(vectorsOf('encode-v1-string').map((v) => [v.input, v.expected] as const))(
    '%j → %j',
    (input, expected) => {
      const { $escaping, params } = input as { $escaping?: 'none' | 'url'; params?: unknown };
      if ($escaping === undefined) {
        expect(dataMapToQueryString(paramsOf(input))).toBe(expected);
      } else {
        expect(dataMapToQueryString(paramsOf(params), $escaping)).toBe(expected);
      }
    },
  );
});

describe('query-v1 vectors: the raw v1 query', () => {
  const cases = vectorsOf('query-v1').map((v) => {
    const raw = v.expectedRawQuery ?? (v.expected as string);
    const decoded = v.expectedRawQuery === undefined ? (v.expectedDecoded ?? raw) : v.expected;
    return [v.input, raw, decoded as string] as const;
  });

  test.each(cases)('%j → %s', (input, raw) => {
    expect(encodeQueryV1(paramsOf(input))).toBe(raw);
  });

  test.each(cases)('%j: the query decodes to %s', (_input, raw, decoded) => {
    const pieces = raw
      .split('&')
      .map((piece) => piece.split('=').map((part) => referenceFormDecode(part)));
    expect(pieces.map((piece) => piece.join('=')).join('&')).toBe(decoded === '' ? '' : decoded);
  });

  test.each(cases)('%j reads back with v1 losses only', (input, raw) => {
    const params = paramsOf(input) as Record<string, unknown>;
    const listOfLists = Object.values(params).some(
      (value) => Array.isArray(value) && value.some(Array.isArray),
    );
    if (listOfLists) {
      // e.5: a list of lists at the root is written, but no v1 server can read it.
      expect(() => decodeQueryV1(raw)).toThrow('Multiple values of indexed query parameter');
    } else {
      expect(decodeQueryV1(raw)).toEqual(normalizeV1(params));
    }
  });
});

describe('flattening (e.1)', () => {
  test.each([
    [{ ids: ['1', '2', '3'] }, 'ids=1&ids=2&ids=3'],
    [{ a: { b: ['x', 'y'] } }, 'a.b%5B0%5D=x&a.b%5B1%5D=y'],
    [{ a: [{ b: 'x' }, { b: 'y' }] }, 'a%5B0%5D.b=x&a%5B1%5D.b=y'],
    [
      { testParam: { id: 123, message: 'ParamMessage' } },
      'testParam.id=123&testParam.message=ParamMessage',
    ],
    [{ a: '' }, 'a'],
    [{ a: [] }, ''],
    [{ a: {} }, ''],
    [{ a: { b: {}, c: [] } }, ''],
    [{ a: ['x'] }, 'a=x'],
    [{ a: ['', 'x'] }, 'a&a=x'],
    [{ a: { b: [''] } }, 'a.b%5B0%5D'],
    // Java writes `a~2Eb=x&a~2Eb=y`, which its reader takes as the name `a~2Eb` (a repeated name
    // is not ~-decoded): a root list under an escaped name is indexed instead, and reads back.
    [{ 'a.b': ['x', 'y'] }, 'a~2Eb%5B0%5D=x&a~2Eb%5B1%5D=y'],
    [{ 'a~': ['x'] }, 'a~7E%5B0%5D=x'],
    // Java writes `a=x&a%5B1%5D.b=y`, which its reader rejects (conflicting key): indexed.
    [{ a: ['x', { b: 'y' }] }, 'a%5B0%5D=x&a%5B1%5D.b=y'],
    [{ a: undefined, b: { c: undefined, d: 1 } }, 'b.d=1'],
    [{ 'x y': 'p%q', é: '😛' }, 'x%20y=p%25q&%C3%A9=%F0%9F%98%9B'],
    [{ B: 1, _: 2, a: 3, $params: 4 }, '$params=4&B=1&_=2&a=3'],
    // Negative zero is written as Java writes it (`-0.0`), so that it reads back as itself.
    [{ n: [1.5, -0, 1e21, Number.NaN, 12n, false] }, 'n=-0.0&n=1.5&n=12&n=1e%2B21&n=NaN&n=false'],
    [
      { fields: 'a,b:(c)', pagingFields: '$start,$count', x: 'y' },
      'fields=a,b:(c)&pagingFields=$start,$count&x=y',
    ],
    [{ fields: 'a%2C' }, 'fields=a%252C'],
  ] as [V1Params, string][])('%o → %s', (params, query) => {
    expect(encodeQueryV1(params)).toBe(query);
  });

  test('names sort by UTF-16 code units, values of a name as strings', () => {
    const multimap = flattenV1({
      b: ['9', '10', '1', 'B', 'b'],
      a: '1',
      '\u{1F600}': 'x',
      '\uFFFF': 'y',
    });
    expect([...multimap.keys()]).toEqual(['a', 'b', '\u{1F600}', '\uFFFF']);
    expect(multimap.get('b')).toEqual(['1', '10', '9', 'B', 'b']);
  });

  test('the complex-key string escapes values only, with URLEncoder', () => {
    const key = { $params: { id: 10 }, id: 1, 'f n': 'x y', e: '', list: ['1'] };
    expect(dataMapToQueryString(key)).toBe('$params.id=10&e=&f n=x y&id=1&list=1');
    expect(dataMapToQueryString(key, 'url')).toBe('$params.id=10&e=&f n=x+y&id=1&list=1');
    expect(dataMapToQueryString({ 'a.b': { 'c~': '~!*' } }, 'url')).toBe('a~2Eb.c~7E=%7E%21*');
  });

  test('__proto__ and constructor are ordinary keys', () => {
    const params = JSON.parse('{"__proto__":{"x":"1"},"constructor":"c"}') as V1Params;
    expect(encodeQueryV1(params)).toBe('__proto__.x=1&constructor=c');
  });
});

describe('what v1 cannot write', () => {
  const circular: Record<string, unknown> = {};
  circular.self = { again: circular };
  const deep = (n: number): RestliValue => {
    let value: RestliValue = 'x';
    for (let i = 0; i < n; i++) value = { k: value };
    return value;
  };

  test.each([
    [{ a: null }, 'UNSUPPORTED_VALUE', '$.a'],
    // `a[0][1]` reads back as the key `a[0]`: Java writes it, nothing reads it back.
    [{ a: [{ b: [['x', 'y']] }] }, 'NESTED_V1_LIST', '$.a[0].b[0]'],
    [{ a: [['x'], ['y']] }, 'NESTED_V1_LIST', '$.a[0]'],
    [{ a: { b: [1, null] } }, 'UNSUPPORTED_VALUE', '$.a.b[1]'],
    [{ a: [undefined] }, 'UNSUPPORTED_VALUE', '$.a[0]'],
    [{ a: () => 1 }, 'UNSUPPORTED_VALUE', '$.a'],
    [{ a: new Date(0) }, 'UNSUPPORTED_VALUE', '$.a'],
    [{ a: Symbol('s') }, 'UNSUPPORTED_VALUE', '$.a'],
    [{ fields: { a: 1 } }, 'UNSUPPORTED_VALUE', '$.fields'],
    [{ a: 'x\ud800' }, 'LONE_SURROGATE', '$.a'],
    [{ a: { 'k\udc00': 1 } }, 'LONE_SURROGATE', '$.a["k\\udc00"]'],
    [{ a: ['ok', '\udfff'] }, 'LONE_SURROGATE', '$.a[1]'],
    [{ '': 'x' }, 'EMPTY_V1_KEY', '$[""]'],
    [{ a: { '': 'x' } }, 'EMPTY_V1_KEY', '$.a[""]'],
    [{ a: circular }, 'CIRCULAR_VALUE', '$.a.self.again'],
    [{ a: deep(257) }, 'DEPTH_EXCEEDED', `$.a${'.k'.repeat(256)}`],
  ] as [Record<string, unknown>, string, string][])('%o is %s at %s', (params, code, path) => {
    for (const write of [flattenV1, encodeQueryV1, dataMapToQueryString]) {
      const error = encodeError(() => write(params as V1Params));
      expect(error.code).toBe(code);
      expect(error.path).toBe(path);
    }
  });

  test('maxDepth counts the lists and maps inside a parameter value', () => {
    expect(encodeQueryV1({ a: deep(256) })).toBe(`a${'.k'.repeat(256)}=x`);
    expect(encodeQueryV1({ a: deep(2) }, { maxDepth: 2 })).toBe('a.k.k=x');
    expect(encodeError(() => encodeQueryV1({ a: deep(3) }, { maxDepth: 2 })).code).toBe(
      'DEPTH_EXCEEDED',
    );
    expect(encodeError(() => encodeQueryV1({ a: [{ b: [{ c: 1 }] }] }, { maxDepth: 2 })).code).toBe(
      'DEPTH_EXCEEDED',
    );
  });

  test('a raised maxDepth ends in a clean error, not a stack overflow', () => {
    const error = encodeError(() => encodeQueryV1({ a: deep(200_000) }, { maxDepth: 1e9 }));
    expect(error.code).toBe('DEPTH_EXCEEDED');
  });

  test('params must be a plain object (INVALID_ARGUMENT, naming the parameter)', () => {
    for (const bad of [null, [], 'x', new Map(), new Date(0), 7]) {
      expect(() => flattenV1(bad as unknown as V1Params)).toThrowError(
        expect.objectContaining({
          code: 'INVALID_ARGUMENT',
          message: expect.stringContaining('params'),
        }),
      );
    }
  });
});
