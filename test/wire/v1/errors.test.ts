/**
 * What the v1 writers and reader refuse, and how they say it: the writers' errors with code, path
 * and reason, the argument checks, the reader's depth and conflict errors with their offsets in
 * the raw query, and the edges of the `~` codec and the name segments. Written for what the
 * mutation run of src/wire/v1/ found untested (docs/mutation.md). Every expected value is a
 * literal worked out from the spec (e.1–e.4) or the documented messages, never computed by the
 * library.
 */
import { describe, expect, test } from 'vitest';
import { RestliEncodeError, RestliError } from '../../../src/errors.ts';
import type { RestliValue } from '../../../src/types.ts';
import {
  dataMapToQueryString,
  encodeQueryV1,
  flattenV1,
  type V1Params,
} from '../../../src/wire/v1/flatten.ts';
import { formDecode } from '../../../src/wire/v1/form.ts';
import { parseNameSegment } from '../../../src/wire/v1/segment.ts';
import { createAsciiHexCodec, unescapeNameSegment } from '../../../src/wire/v1/tilde.ts';
import { decodeQueryV1, unflattenV1 } from '../../../src/wire/v1/unflatten.ts';
import { thrown } from '../../helpers/errors.ts';

const deep = (n: number): RestliValue => {
  let value: RestliValue = 'x';
  for (let i = 0; i < n; i++) value = { k: value };
  return value;
};

const circular: Record<string, unknown> = {};
circular.self = { again: circular };

describe('the writers name what they refuse: code, path and reason', () => {
  test.each([
    [{ a: 'x\ud800' }, {}, 'LONE_SURROGATE', '$.a', 'lone surrogate at index 1 of a string'],
    [
      { a: { 'k\udc00': 1 } },
      {},
      'LONE_SURROGATE',
      '$.a["k\\udc00"]',
      'lone surrogate at index 1 of a key',
    ],
    [{ '': 'x' }, {}, 'EMPTY_V1_KEY', '$[""]', 'an empty key cannot be written in a v1 name'],
    [
      { a: [['x'], ['y']] },
      {},
      'NESTED_V1_LIST',
      '$.a[0]',
      'a list directly inside a list cannot be written in v1',
    ],
    [{ a: null }, {}, 'UNSUPPORTED_VALUE', '$.a', 'null is not encodable in v1'],
    [{ a: () => 1 }, {}, 'UNSUPPORTED_VALUE', '$.a', 'function is not encodable'],
    [{ a: [Symbol('s')] }, {}, 'UNSUPPORTED_VALUE', '$.a[0]', 'symbol is not encodable'],
    [{ a: circular }, {}, 'CIRCULAR_VALUE', '$.a.self.again', 'circular reference'],
    [
      { a: deep(3) },
      { maxDepth: 2 },
      'DEPTH_EXCEEDED',
      '$.a.k.k',
      'nesting deeper than maxDepth 2',
    ],
    [
      { fields: { a: 1 } },
      {},
      'UNSUPPORTED_VALUE',
      '$.fields',
      'projection parameter fields must be a mask string',
    ],
    // Java's form for lists in a root list (e.1) holds leaves only: null among them is refused
    // as a value, at its own index; a map among them makes the list unwritable.
    [{ a: [['x', null]] }, {}, 'UNSUPPORTED_VALUE', '$.a[0][1]', 'null is not encodable in v1'],
    [
      { a: [[{ b: 'x' }, 'y']] },
      {},
      'NESTED_V1_LIST',
      '$.a[0]',
      'a list directly inside a list cannot be written in v1',
    ],
    [
      { a: [['x', 'y'], [{ b: 'z' }]] },
      {},
      'NESTED_V1_LIST',
      '$.a[0]',
      'a list directly inside a list cannot be written in v1',
    ],
  ] as [Record<string, unknown>, { maxDepth?: number }, string, string, string][])(
    '%o (%o) is %s at %s: %s',
    (params, options, code, path, reason) => {
      for (const write of [flattenV1, encodeQueryV1]) {
        const error = thrown(() => write(params as V1Params, options), RestliEncodeError);
        expect([error.code, error.path, error.reason]).toEqual([code, path, reason]);
      }
      const error = thrown(
        () => dataMapToQueryString(params as V1Params, 'none', options),
        RestliEncodeError,
      );
      expect([error.code, error.path, error.reason]).toEqual([code, path, reason]);
    },
  );

  test('a stack overflow is DEPTH_EXCEEDED at the root', () => {
    const error = thrown(
      () => encodeQueryV1({ a: deep(200_000) }, { maxDepth: 1e9 }),
      RestliEncodeError,
    );
    expect([error.code, error.path, error.reason]).toEqual([
      'DEPTH_EXCEEDED',
      '$',
      'nesting too deep for the call stack',
    ]);
  });

  test.each([
    [
      { 'a=b': 'x' },
      'UNWRITABLE_V1_KEY',
      '$["a=b"]',
      'a name with & or = cannot be written in an unescaped v1 key',
    ],
    [
      { a: 'x&b=y' },
      'UNWRITABLE_V1_KEY',
      '$["a"]',
      'a value with = after & cannot be written in an unescaped v1 key: it would read as another field',
    ],
  ] as [V1Params, string, string, string][])(
    'unescaped complex-key string: %o is %s at %s',
    (params, code, path, reason) => {
      const error = thrown(() => dataMapToQueryString(params), RestliEncodeError);
      expect([error.code, error.path, error.reason]).toEqual([code, path, reason]);
    },
  );
});

describe('the writers: what they write (e.1)', () => {
  test('Java form for a root list of lists of leaves: the indexed name repeated (e.1)', () => {
    expect(encodeQueryV1({ a: [['x', 'y'], 'z'] })).toBe('a%5B0%5D=x&a%5B0%5D=y&a%5B1%5D=z');
  });
});

describe('argument checks name the argument (INVALID_ARGUMENT)', () => {
  test.each([
    [
      'flattenV1 options',
      () => flattenV1({}, 7 as never),
      'flattenV1: options must be a plain object or undefined, not ',
    ],
    [
      'dataMapToQueryString escaping',
      () => dataMapToQueryString({ a: 'x' }, 'plain' as never),
      "dataMapToQueryString: escaping must be 'none' or 'url', not ",
    ],
    [
      'formDecode options',
      () => formDecode('a', 7 as never),
      'formDecode: options must be a plain object or undefined, not ',
    ],
    [
      // Checked before the fast path for text without `%`, so that it is checked always.
      'formDecode options.invalidUtf8, on text with nothing to decode',
      () => formDecode('a', { invalidUtf8: 'bogus' as never }),
      "options.invalidUtf8 must be 'error' or 'replace', not ",
    ],
    [
      'decodeQueryV1 options',
      () => decodeQueryV1('a', 7 as never),
      'decodeQueryV1: options must be a plain object or undefined, not ',
    ],
    [
      'unflattenV1 name not a string',
      () => unflattenV1(new Map([[1, ['x']]]) as never),
      'unflattenV1: multimap must be a Map of names to lists of strings, not ',
    ],
    [
      'unflattenV1 values not a list',
      () => unflattenV1(new Map([['a', 'x']]) as never),
      'unflattenV1: multimap must be a Map of names to lists of strings, not ',
    ],
    [
      'unflattenV1 options',
      () => unflattenV1(new Map(), 7 as never),
      'unflattenV1: options must be a plain object or undefined, not ',
    ],
    [
      'createAsciiHexCodec reserved a string',
      () => createAsciiHexCodec('~', 'ab' as never),
      'createAsciiHexCodec: reserved must be a list of characters, not ',
    ],
    [
      'createAsciiHexCodec reserved not all strings',
      () => createAsciiHexCodec('~', ['.', 5 as never]),
      'createAsciiHexCodec: reserved must be a list of characters, not ',
    ],
    [
      'createAsciiHexCodec errorCode',
      () => createAsciiHexCodec('~', [], 5 as never),
      'createAsciiHexCodec: errorCode must be a string, not ',
    ],
  ] as [string, () => unknown, string][])('%s', (_what, f, start) => {
    const error = thrown(f, RestliError);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.reason.slice(0, start.length)).toBe(start);
  });
});

describe('the ~ codec: edges', () => {
  test('a codec decodes with INVALID_HEX_ESCAPE unless told otherwise', () => {
    const error = thrown(() => createAsciiHexCodec('~', ['.']).decode('a~zz'));
    expect([error.code, error.offset]).toEqual(['INVALID_HEX_ESCAPE', 1]);
  });

  test('U+00FF is the last character two hex digits hold', () => {
    expect(createAsciiHexCodec('~', ['\u00ff']).encode('a\u00ffb')).toBe('a~FFb');
    const error = thrown(() => createAsciiHexCodec('~', ['亀']), RestliError);
    expect([error.code, error.reason]).toEqual([
      'INVALID_CODEC',
      'ASCII hex codec characters must be single characters below U+0100: "亀"',
    ]);
  });

  test('a zero digit is a digit; one bad digit of two is an error at the ~', () => {
    expect(unescapeNameSegment('~30~0a')).toBe('0\n');
    for (const bad of ['~2z', '~z2']) {
      const error = thrown(() => unescapeNameSegment(bad));
      expect([error.code, error.offset, error.reason]).toEqual([
        'INVALID_V1_NAME_ESCAPE',
        0,
        `${bad} - Failed to decode escaped char at offset 0`,
      ]);
    }
  });
});

describe('segment reasons', () => {
  test.each([
    ['', 'EMPTY_V1_SEGMENT', 0, 'empty segment in a v1 parameter name'],
    ['a]', 'MISSING_V1_BRACKET', 1, "Path segment parsing error.  '[' expected but not found: a]"],
  ])('%j is %s at %d: %s', (segment, code, offset, reason) => {
    const error = thrown(() => parseNameSegment(segment));
    expect([error.code, error.offset, error.reason]).toEqual([code, offset, reason]);
  });
});

describe('the v1 reader: code, offset into the raw query, reason (e.4)', () => {
  // Java HashMap order (String.hashCode, 16 buckets), worked out by hand: `x.h` (bucket 3) is
  // read before `x` (bucket 8); `a[0]` (bucket 10) before `a[0].h` (bucket 14).
  test.each([
    // The second occurrence of three.
    [
      'a.b=1&a.b=2&a.b=3',
      {},
      'MULTIPLE_V1_COMPLEX_VALUES',
      6,
      'Multiple values of complex query parameter are not supported',
    ],
    // A repeated name after a dotted name built its map: the first occurrence of the name.
    ['x.h=1&x=1&x=2', {}, 'CONFLICTING_V1_KEY', 6, 'Conflicting references to key x'],
    // An indexed leaf, then a map under the same index.
    ['a[0]=1&a[0].h=2', {}, 'CONFLICTING_V1_KEY', 7, 'Conflicting references to key: a[0]'],
    ['...=1', {}, 'EMPTY_V1_SEGMENT', 0, 'Empty segment in parameter name: ...'],
    ['q=1&a..b=1', {}, 'EMPTY_V1_SEGMENT', 6, 'Empty segment in parameter name: a..b'],
    // The dot that takes the name over the limit (the third of `a.b.c.d`).
    ['a.b.c.d=1', { maxDepth: 2 }, 'DEPTH_EXCEEDED', 5, 'nesting deeper than maxDepth 2'],
    // One dot, but two indexes: the segment that takes it over (`b[0]`).
    ['a[0].b[0]=1', { maxDepth: 2 }, 'DEPTH_EXCEEDED', 5, 'nesting deeper than maxDepth 2'],
  ] as [string, { maxDepth?: number }, string, number, string][])(
    '%s (%o) is %s at %d: %s',
    (query, options, code, offset, reason) => {
      const error = thrown(() => decodeQueryV1(query, options));
      expect([error.code, error.offset, error.reason, error.input]).toEqual([
        code,
        offset,
        reason,
        query,
      ]);
    },
  );

  test('a trailing dot is not a level of depth', () => {
    expect(decodeQueryV1('a.b.=1', { maxDepth: 1 })).toEqual({ a: { b: '1' } });
  });
});
