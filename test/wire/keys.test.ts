import { describe, expect, test } from 'vitest';
import { RestliEncodeError, RestliError } from '../../src/errors.ts';
import {
  type CompoundKey,
  decodeKey,
  encodeKey,
  inferKeyKind,
  type Key,
  type KeyContext,
  type KeyKind,
  type KeyOptions,
} from '../../src/wire/keys.ts';
import { asDecoded } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';
import { referenceUrlEscape } from '../helpers/reference.ts';
import { keyOf } from '../helpers/requests.ts';
import { fromJava, vectorsOf } from '../helpers/vectors.ts';

interface JavaKey {
  keyType: 'simple' | 'compound' | 'complex';
  key: unknown;
  params?: Record<string, unknown> | null;
  full?: boolean;
  version: '1.0.0' | '2.0.0';
  use?: string;
}

/** Where the vector's function writes: `use`, or the context plus `full`. */
function contextOf(v: { context: string | null; input: JavaKey }): {
  context: KeyContext;
  full?: boolean;
} {
  const use = v.input.use ?? '';
  if (use.startsWith('encodeKeyForUri')) return { context: 'path' };
  if (use === 'encodeKeyForHeader') return { context: 'header' };
  if (use.startsWith('encodeKeyForBody'))
    return { context: 'body', full: use.includes('full=true') };
  // The reference's keyToString: a full key is a request-body key, a not-full one a response key.
  return { context: 'body', full: v.input.full !== false };
}

describe.each(['key-v1', 'key-v2'])('%s vectors (Java reference)', (kind) => {
  test.each(vectorsOf(kind).map((v) => [`${v.source} ${JSON.stringify(v.input)}`, v] as const))(
    '%s',
    (_name, v) => {
      const input = v.input as JavaKey;
      const { key, kind: keyKind } = keyOf(input);
      const { context, full } = contextOf({ context: v.context, input });
      const options = { kind: keyKind, version: input.version, context, full };
      // encodeKeyForUri returns the segment before the URI builder's contextual path escaping;
      // encodeKey returns the final URL text, so the expectation gets that layer too (from the
      // spec's table, written independently in the test helpers).
      const expected =
        context === 'path' ? referenceUrlEscape(v.expected as string, 'path') : v.expected;
      const text = encodeKey(key, options);
      expect(text).toBe(expected);
      // And back: the key, with leaves as strings (and without $params where it was dropped).
      const dropsParams = context === 'header' || (context === 'body' && full === false);
      const { $params: _p, ...withoutParams } =
        typeof key === 'object' ? (key as Record<string, unknown>) : { $params: undefined };
      const original = typeof key === 'object' ? (dropsParams ? withoutParams : key) : key;
      // v1 writes a one-element list like a scalar, and a v2 path key is not grammar-decoded.
      const lossy = input.version === '1.0.0' && JSON.stringify(original).match(/\["[^"]*"\]/);
      const emptyPrimitive = keyKind === 'primitive' && original === '';
      // A Java v1 server rejects an empty compound-key part (`c=`), so we do too (spec d.2).
      const emptyV1Part =
        input.version === '1.0.0' &&
        keyKind === 'compound' &&
        Object.values(key as object).includes('');
      if (!lossy && !emptyPrimitive && !emptyV1Part) {
        expect(decodeKey(text, options)).toEqual(asDecoded(original));
      }
    },
  );
});

describe('keys by hand', () => {
  test.each([
    [
      { a: 'x,y', b: '(1)', c: '', d: 'x y', e: 'p&q=r' },
      'compound',
      '2.0.0',
      'path',
      "(a:x%2Cy,b:%281%29,c:'',d:x%20y,e:p&q=r)",
    ],
    [
      { a: 'x,y', b: '(1)', c: '', d: 'x y', e: 'p&q=r' },
      'compound',
      '2.0.0',
      'header',
      "(a:x%2Cy,b:%281%29,c:'',d:x y,e:p&q=r)",
    ],
    [{ part1: 1, part2: 2 }, 'compound', '1.0.0', 'query', 'part1%3D1%26part2%3D2'],
    [
      { ampersand: '&', equals: '=' },
      'compound',
      '1.0.0',
      'query',
      'ampersand%3D%2526%26equals%3D%253D',
    ],
    ['', 'primitive', '2.0.0', 'path', "''"],
    ['', 'primitive', '1.0.0', 'path', ''],
    ['', 'primitive', '2.0.0', 'header', ''],
    [12345678901234567890n, 'primitive', '2.0.0', 'path', '12345678901234567890'],
  ] as const)('%s %s %s %s → %s', (key, kind, version, context, expected) => {
    const options = { kind: kind as KeyKind, version, context: context as KeyContext };
    expect(encodeKey(key as Key, options)).toBe(expected);
  });

  test('v1 compound keys: the legacy syntax and bad formats', () => {
    expect(decodeKey('a:1;b:2', { kind: 'compound', version: '1.0.0' })).toEqual({
      a: '1',
      b: '2',
    });
    expect(decodeKey('a=x+y&b=p%26q', { kind: 'compound', version: '1.0.0' })).toEqual({
      a: 'x y',
      b: 'p&q',
    });
    expect(() => decodeKey('a=1&b', { kind: 'compound', version: '1.0.0' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_KEY_FORMAT', reason: "Bad key format 'a=1&b'" }),
    );
    // An empty part is what the Java client writes for an empty string (issue 9).
    expect(decodeKey('a=1&c=', { kind: 'compound', version: '1.0.0' })).toEqual({ a: '1', c: '' });
    expect(() => decodeKey('a=1&c:', { kind: 'compound', version: '1.0.0' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_KEY_FORMAT' }),
    );
  });

  test('a v2 compound key must be a map', () => {
    expect(() => decodeKey('List(a)', { kind: 'compound' })).toThrowError(
      expect.objectContaining({
        code: 'INVALID_COMPOUND_KEY',
        reason: "input 'List(a)' is not a valid CompoundKey",
      }),
    );
  });

  test('a v2 primitive path key is plain percent-decoding', () => {
    expect(decodeKey('a%20b%2Fc+d')).toBe('a b/c+d');
    expect(
      decodeKey('urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29'),
    ).toBe('urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)');
    expect(decodeKey('a+b%2Fc', { version: '1.0.0' })).toBe('a b/c');
  });
});

describe('the kind of a key the caller does not name', () => {
  test.each([
    [42, 'primitive'],
    ['a', 'primitive'],
    ['', 'primitive'],
    [10n, 'primitive'],
    [false, 'primitive'],
    [null, 'primitive'],
    [{ a: 1, b: 'x' }, 'compound'],
    [{}, 'compound'],
    // null and undefined parts are not nested values (encodeKey refuses or skips them).
    [{ a: null }, 'compound'],
    [{ a: undefined }, 'compound'],
    [{ a: 1, $params: {} }, 'complex'],
    [{ $params: 1 }, 'complex'],
    [{ a: { b: 1 } }, 'complex'],
    [{ a: 1, b: [1] }, 'complex'],
  ] as const)('inferKeyKind(%s) is %s', (key, kind) => {
    expect(inferKeyKind(key)).toBe(kind);
  });

  test.each([
    [{ memberId: 1, groupId: 2 }, {}, '(groupId:2,memberId:1)'],
    [{ memberId: 1, groupId: 2 }, { version: '1.0.0' }, 'groupId=2&memberId=1'],
    [{ id: 1, $params: { v: 'x' } }, { context: 'header' }, '(id:1)'],
    [{ id: 1, $params: { v: 'x' } }, {}, '($params:(v:x),id:1)'],
    [{ id: 1, $params: { v: 'x' } }, { version: '1.0.0' }, '$params.v=x&id=1'],
    [{ a: { b: 'c d' } }, { version: '1.0.0', context: 'query' }, 'a.b%3Dc%2Bd'],
    ['a b', { version: '1.0.0' }, 'a+b'],
    ['a b', {}, 'a%20b'],
  ] as const)('encodeKey(%j, %j) without a kind is %s', (key, options, expected) => {
    expect(encodeKey(key as Key, options as KeyOptions)).toBe(expected);
  });

  test('no options at all: a 2.0 path key of the inferred kind', () => {
    expect(encodeKey({ memberId: 1, groupId: 2 })).toBe('(groupId:2,memberId:1)');
    expect(encodeKey({ id: 1, $params: { v: 'x' } })).toBe('($params:(v:x),id:1)');
    expect(encodeKey('a b')).toBe('a%20b');
    expect(encodeKey(true)).toBe('true');
    expect(decodeKey('a%20b')).toBe('a b');
  });
});

describe('keys by hand: the rest of the spec', () => {
  test.each([
    // Booleans are primitive keys (spec d.1), written as Java's toString writes them.
    [true, {}, 'true'],
    [false, { version: '1.0.0' }, 'false'],
    [false, { context: 'query' }, 'false'],
    // Negative zero is Java's -0.0 (docs/decisions.md), raw in a header and in 1.0 too.
    [-0, {}, '-0.0'],
    [-0, { context: 'header' }, '-0.0'],
    [-0, { version: '1.0.0' }, '-0.0'],
    [{ a: -0 }, { kind: 'compound', version: '1.0.0' }, 'a=-0.0'],
    // An undefined compound part is left out, as a map entry is.
    [{ a: 1, b: undefined }, { kind: 'compound' }, '(a:1)'],
    [{ a: 1, b: undefined }, { kind: 'compound', version: '1.0.0' }, 'a=1'],
    // A 2.0 compound key in a query is a query value: URL-escaped for a query (d.2, d.4).
    [{ a: 'x y' }, { kind: 'compound', context: 'query' }, '(a:x%20y)'],
    [{ a: 'x y' }, { kind: 'compound', context: 'header' }, '(a:x y)'],
    // A v1 primitive batch id is a query value: UriComponent QUERY_PARAM, not URLEncoder (d.5).
    ['a b', { version: '1.0.0', context: 'query' }, 'a%20b'],
    ['a b', { version: '1.0.0', context: 'path' }, 'a+b'],
    // `full` is read in a body only: paths and queries always carry $params (d.3).
    [{ id: 1, $params: { v: 'x' } }, { context: 'path', full: false }, '($params:(v:x),id:1)'],
    [{ id: 1, $params: { v: 'x' } }, { context: 'query', full: false }, '($params:(v:x),id:1)'],
    [{ id: 1, $params: { v: 'x' } }, { context: 'body', full: false }, '(id:1)'],
    [{ id: 1, $params: { v: 'x' } }, { context: 'body' }, '($params:(v:x),id:1)'],
  ] as const)('encodeKey(%j, %j) is %s', (key, options, expected) => {
    expect(encodeKey(key as Key, options as KeyOptions)).toBe(expected);
  });

  test.each([
    [
      () => encodeKey({ a: 1 }, { kind: 'primitive' }),
      'UNSUPPORTED_VALUE',
      'object is not a primitive key value',
      '$',
    ],
    [
      () => encodeKey({ a: null } as never, { kind: 'compound' }),
      'UNSUPPORTED_VALUE',
      'null is not a primitive key value',
      '$.a',
    ],
    [
      () => encodeKey({ a: 1, b: { c: 2 } } as never, { kind: 'compound' }),
      'UNSUPPORTED_VALUE',
      'object is not a primitive key value',
      '$.b',
    ],
    [
      () => encodeKey('abc', { kind: 'compound' }),
      'INVALID_KEY',
      'a compound key must be a plain object',
      '$',
    ],
    [
      () => encodeKey(5, { kind: 'complex' }),
      'INVALID_KEY',
      'a complex key must be a plain object',
      '$',
    ],
  ])('%s: %s, %s at %s', (run, code, reason, path) => {
    const error = thrown(run, RestliEncodeError);
    expect(error.code).toBe(code);
    expect(error.reason).toBe(reason);
    expect(error.path).toBe(path);
    expect(error.message).toBe(`${reason} at ${path}`);
  });

  test.each([
    [
      () => encodeKey(null as never),
      'INVALID_ARGUMENT',
      'encodeKey: key must be a string, number, bigint, boolean or plain object, not null',
    ],
    [
      () => encodeKey('a', { kind: 'simple' as never }),
      'INVALID_ARGUMENT',
      `encodeKey: options.kind must be 'primitive', 'compound' or 'complex', not the string "simple"`,
    ],
    [
      () => decodeKey('a', { context: 'url' as never }),
      'INVALID_ARGUMENT',
      `decodeKey: options.context must be 'path', 'query', 'header' or 'body', not the string "url"`,
    ],
    [
      () => encodeKey('a', { version: '3.0.0' as never }),
      'INVALID_VERSION',
      'encodeKey: unsupported protocol version 3.0.0',
    ],
    [
      () => encodeKey('a', { full: 'yes' as never }),
      'INVALID_ARGUMENT',
      'encodeKey: options.full must be a boolean, not the string "yes"',
    ],
  ])('%s: %s', (run, code, message) => {
    const error = thrown(run, RestliError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test.each([
    ['abc', 'compound', "input 'abc' is not a valid CompoundKey"],
    ['List(a)', 'compound', "input 'List(a)' is not a valid CompoundKey"],
    ['List(a)', 'complex', "input 'List(a)' is not a valid ComplexKey"],
    ["''", 'complex', "input '''' is not a valid ComplexKey"],
  ] as const)('decodeKey(%j, %s): a v2 key of parts must be a map', (text, kind, reason) => {
    const error = thrown(() => decodeKey(text, { kind }));
    expect(error.code).toBe('INVALID_COMPOUND_KEY');
    expect(error.reason).toBe(reason);
    expect(error.offset).toBe(0);
  });

  test('the limits reach every reader', () => {
    const replace = { invalidUtf8: 'replace' } as const;
    expect(decodeKey('a%FF', { version: '1.0.0', ...replace })).toBe('a\uFFFD');
    expect(decodeKey('a%FF', replace)).toBe('a\uFFFD');
    expect(decodeKey('(a:%FF)', { kind: 'compound', ...replace })).toEqual({ a: '\uFFFD' });
    expect(
      decodeKey('a%3D%FF', { kind: 'compound', version: '1.0.0', context: 'query', ...replace }),
    ).toEqual({ a: '\uFFFD' });
    expect(decodeKey('a=%FF', { kind: 'complex', version: '1.0.0', ...replace })).toEqual({
      a: '\uFFFD',
    });
    expect(thrown(() => decodeKey('(a:1)', { kind: 'compound', maxDepth: 0 })).code).toBe(
      'DEPTH_EXCEEDED',
    );
    for (const context of ['path', 'body'] as const) {
      const error = thrown(() =>
        decodeKey('a.b.c=1', { kind: 'complex', version: '1.0.0', context, maxDepth: 1 }),
      );
      expect([error.code, error.offset]).toEqual(['DEPTH_EXCEEDED', 3]);
    }
    expect(decodeKey('a.b.c=1', { kind: 'complex', version: '1.0.0', maxDepth: 2 })).toEqual({
      a: { b: { c: '1' } },
    });
  });

  // The offset is the first character that is no hex digit, as everywhere (decode's convention).
  test('v1 complex keys: offsets of a bad escape in the whole key', () => {
    const name = thrown(() => decodeKey('b=1&%zz=1', { kind: 'complex', version: '1.0.0' }));
    expect([name.code, name.offset, name.input]).toEqual(['MALFORMED_ESCAPE', 5, 'b=1&%zz=1']);
    const value = thrown(() => decodeKey('b=1&a=%zz', { kind: 'complex', version: '1.0.0' }));
    expect([value.code, value.offset, value.input]).toEqual(['MALFORMED_ESCAPE', 7, 'b=1&a=%zz']);
  });

  test('v1 complex keys in a request body: raw pairs, a piece without `=` has an empty value', () => {
    const body = { kind: 'complex', version: '1.0.0', context: 'body' } as const;
    expect(decodeKey('a&b=1', body)).toEqual({ a: '', b: '1' });
    // After the first pair, a piece without `=` is the rest of the previous value (`v&w`).
    expect(decodeKey('a=v&w&b=1', body)).toEqual({ a: 'v&w', b: '1' });
  });

  test('v1 compound keys: both syntaxes tried, as the Java server does (spec d.2)', () => {
    const v1 = { kind: 'compound', version: '1.0.0' } as const;
    // Only the legacy reading parses: one part named `a=b=c`.
    expect(decodeKey('a=b=c:d', v1)).toEqual({ 'a=b=c': 'd' });
    // Both parse with one part each: the modern reading wins a tie.
    expect(decodeKey('a=x:y', v1)).toEqual({ a: 'x:y' });
    // Both parse: the one with more parts wins.
    expect(decodeKey('a=1&b=2:3', v1)).toEqual({ a: '1', b: '2:3' });
    expect(decodeKey('a:1;b:2=3', v1)).toEqual({ a: '1', b: '2=3' });
    // Java's split drops trailing empty pieces.
    expect(decodeKey('a=1&&', v1)).toEqual({ a: '1' });
    expect(decodeKey('a:1;', v1)).toEqual({ a: '1' });
    // Bad escapes are reported at their offset in the key, in either syntax.
    const modern = thrown(() => decodeKey('a=1&b=%zz', v1));
    expect([modern.code, modern.offset]).toEqual(['MALFORMED_ESCAPE', 7]);
    const legacy = thrown(() => decodeKey('a:1;b:%zz', v1));
    expect([legacy.code, legacy.offset]).toEqual(['MALFORMED_ESCAPE', 7]);
    const legacyName = thrown(() => decodeKey('a:1;%zz:1', v1));
    expect([legacyName.code, legacyName.offset]).toEqual(['MALFORMED_ESCAPE', 5]);
  });
});

describe("v1 compound keys are trimmed as Java's server trims them (docs/decisions.md)", () => {
  // ArgumentUtils.parseCompoundKey: `urlString.trim()` before the split, `simpleKey.trim()` before
  // each part is split and URL-decoded. String.trim takes every character up to U+0020.
  const v1 = { kind: 'compound', version: '1.0.0' } as const;
  test.each([
    [' a=1&b=2 ', { a: '1', b: '2' }],
    ['a=1 & b=2', { a: '1', b: '2' }],
    ['\ta=1&b=2\u0000', { a: '1', b: '2' }],
    [' a:1;b:2 ', { a: '1', b: '2' }],
    // The key is trimmed before the split, so the trailing piece is empty and dropped.
    ['a=1&b=2& ', { a: '1', b: '2' }],
    ['   ', {}],
    // Escaped spaces are decoded after the trim: they are data.
    ['a=+1+&b=%202%20', { a: ' 1 ', b: ' 2 ' }],
    // Only a part's edges are trimmed, not the name or value inside it.
    ['a = 1', { 'a ': ' 1' }],
    // U+00A0 is above U+0020: Java keeps it.
    ['\u00a0a=1', { '\u00a0a': '1' }],
  ])('%j', (text, key) => {
    expect(decodeKey(text, v1)).toEqual(key);
  });

  test('in a query the value is URL-decoded first, so an escaped space at its edge is trimmed', () => {
    expect(decodeKey('a%3D1%26b%3D2%20', { ...v1, context: 'query' })).toEqual({ a: '1', b: '2' });
  });

  test.each([
    // A part of white space only is a bad part, reported where it starts.
    ['a=1& &b=2', 'INVALID_KEY_FORMAT', 4],
    // A part without `=` is reported where its text starts, after the white space.
    ['a=1&  b', 'INVALID_KEY_FORMAT', 6],
    // Escapes are reported where they are in the untrimmed text.
    [' a=%zz', 'MALFORMED_ESCAPE', 4],
    ['a=1&  b=%zz', 'MALFORMED_ESCAPE', 9],
  ])('%j is %s at %i', (text, code, offset) => {
    const error = thrown(() => decodeKey(text, v1));
    expect([error.code, error.offset]).toEqual([code, offset]);
  });
});

describe('compound-key-datamap vectors', () => {
  const [toDataMap, appendEnum, readOnly] = vectorsOf('compound-key-datamap');

  test('a compound key is the map of its parts: what the 2.0 encoder writes', () => {
    const parts = fromJava(toDataMap!.input) as CompoundKey;
    const text = encodeKey(parts, { kind: 'compound' });
    expect(text).toBe('(bar:1,baz:7,foo:foo-value)');
    // The map the reference keeps is the vector's expectation (leaves as strings once decoded).
    expect(decodeKey(text, { kind: 'compound' })).toEqual(asDecoded(fromJava(toDataMap!.expected)));
  });

  test("an enum part is written as the enum's string form", () => {
    const { javaToString } = (appendEnum!.input as { foo: { javaToString: string } }).foo;
    const text = encodeKey({ foo: javaToString }, { kind: 'compound' });
    expect(text).toBe('(foo:action)');
    expect(decodeKey(text, { kind: 'compound' })).toEqual(appendEnum!.expected);
  });

  test('keys are not changed by encoding (Java makes them read-only; we never mutate them)', () => {
    expect(readOnly!.expected).toEqual({ error: 'UnsupportedOperationException' });
    // Every write to the key or its parts throws, as it does on Java's read-only map.
    const readOnlyView = <T extends object>(target: T): T =>
      new Proxy(target, {
        set: () => {
          throw new Error('UnsupportedOperationException: set');
        },
        defineProperty: () => {
          throw new Error('UnsupportedOperationException: defineProperty');
        },
        deleteProperty: () => {
          throw new Error('UnsupportedOperationException: delete');
        },
        setPrototypeOf: () => {
          throw new Error('UnsupportedOperationException: setPrototypeOf');
        },
      });
    const { then: _then, ...parts } = fromJava(readOnly!.input) as Record<string, unknown>;
    const key = readOnlyView(parts) as CompoundKey;
    for (const version of ['1.0.0', '2.0.0'] as const) {
      for (const context of ['path', 'query', 'header', 'body'] as const) {
        expect(() => encodeKey(key, { kind: 'compound', version, context })).not.toThrow();
      }
    }
    expect(encodeKey(key, { kind: 'compound', version: '1.0.0' })).toBe(
      'bar=1&baz=7&foo=foo-value',
    );
  });
});
