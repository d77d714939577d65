import { describe, expect, test } from 'vitest';
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
