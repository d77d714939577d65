import { describe, expect, test } from 'vitest';
import { RestliEncodeError, RestliError, RestliSyntaxError } from '../../src/errors.ts';
import type { MaskTree } from '../../src/wire/mask.ts';
import {
  decodeQuery,
  decodeQueryDetailed,
  decodeQueryParams,
  encodeQuery,
  maskText,
  type QueryParams,
  withoutProjections,
} from '../../src/wire/query.ts';
import { asDecoded } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';
import { fromJava, vectorsOf } from '../helpers/vectors.ts';

const PROJECTIONS = ['fields', 'metadataFields', 'pagingFields'];

/** What decoding gives back for params: leaves as strings, projections as mask trees. */
function decodedParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = PROJECTIONS.includes(k) ? v : asDecoded(v);
  return out;
}

describe('query-v2 vectors', () => {
  test.each(vectorsOf('query-v2').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const params = fromJava(v.input) as QueryParams;
      const text = encodeQuery(params);
      expect([v.expected, v.equivalentOutput]).toContain(text);
      // Every name round-trips, the empty name (written `''`) included (docs/decisions.md).
      expect(decodeQuery(text)).toEqual(decodedParams(params as Record<string, unknown>));
    },
  );
});

describe('query-v1 vectors', () => {
  test.each(vectorsOf('query-v1').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const params = fromJava(v.input) as QueryParams;
      const expected = v.expectedRawQuery ?? (v.expected as string);
      const text = encodeQuery(params, { version: '1.0.0' });
      expect(text).toBe(expected);
    },
  );
});

/** The trees of the raw projection texts in the parse-v2-query vectors (spec f.2). */
const MASK_TREES: Record<string, MaskTree> = {
  // A 2.0 projection is not percent-decoded (spec f.4): the name keeps its escape.
  'a%2Cb:(c)': { 'a%2Cb': { c: 1 } },
  x: { x: 1 },
};

describe('parse-v2-query vectors', () => {
  test.each(vectorsOf('parse-v2-query').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const expected = { ...(v.expected as Record<string, unknown>) };
      // We return projections as mask trees; the reference keeps the raw text, whose tree is
      // written here by hand.
      for (const p of PROJECTIONS) {
        const text = expected[p];
        if (typeof text !== 'string') continue;
        expect(MASK_TREES[text], `no mask tree written for ${text}`).toBeDefined();
        expected[p] = MASK_TREES[text];
      }
      const actual =
        typeof v.input === 'string'
          ? decodeQuery(v.input)
          : decodeQueryParams(v.input as Record<string, string[]>);
      expect(actual).toEqual(expected);
    },
  );
});

/**
 * Code and offset (into the whole query) of each error vector, read off the Java message: a
 * repeated name points at its second occurrence; `(column N)` and `at index N` count from the
 * start of the value (`x=` is 2 characters); URLDecoder's `Error at index N in: "zz"` counts from
 * the first hex digit of the escape; an empty value ends at the end of the input.
 */
const QUERY_ERRORS: Record<string, [code: string, offset: number]> = {
  'a=1&a=2': ['REPEATED_PARAM', 4],
  'x=%28a:b%29': ['TRAILING_TOKENS', 2 + 4],
  'x=': ['UNEXPECTED_END', 2],
  x: ['UNEXPECTED_END', 1],
  'a%zz=1': ['MALFORMED_ESCAPE', 2 + 0],
  'a=(b:%zz)': ['MALFORMED_ESCAPE', 2 + 4],
};

describe('parse-v2-query-error vectors', () => {
  test.each(vectorsOf('parse-v2-query-error').map((v) => [v.input as string, v] as const))(
    '%s',
    (input, v) => {
      const e = thrown(() => decodeQuery(input));
      expect(e).toBeInstanceOf(RestliSyntaxError);
      expect(e.reason).toBe((v.expected as { error: string }).error);
      expect(QUERY_ERRORS[input], `no expected code and offset for ${input}`).toBeDefined();
      const [code, offset] = QUERY_ERRORS[input]!;
      expect({ code: e.code, offset: e.offset }).toEqual({ code, offset });
    },
  );
});

describe('by hand', () => {
  test('v1 decoding says which leaves came from one value', () => {
    const { params, singleValued } = decodeQueryDetailed('ids=1&q=x&a.b=2&c=1&c=2', {
      version: '1.0.0',
    });
    expect(params).toEqual({ ids: '1', q: 'x', a: { b: '2' }, c: ['1', '2'] });
    expect(singleValued.sort()).toEqual(['a.b', 'ids', 'q']);
  });

  test('projections in every form', () => {
    const tree: MaskTree = { id: 1, name: { first: 1 } };
    for (const fields of [tree, ['id', 'name.first'], 'name:(first),id']) {
      const text = encodeQuery({ fields, q: 'x' });
      expect(decodeQuery(text)).toEqual({ fields: tree, q: 'x' });
      expect(
        decodeQuery(encodeQuery({ fields, q: 'x' }, { version: '1.0.0' }), { version: '1.0.0' }),
      ).toEqual({ fields: tree, q: 'x' });
    }
  });

  test('a value error names the parameter and points into the whole query', () => {
    try {
      decodeQuery('q=ok&x=(a:b');
      expect.unreachable();
    } catch (error) {
      const e = error as RestliSyntaxError;
      expect(e.code).toBe('UNEXPECTED_END');
      expect(e.offset).toBe(11);
      expect(e.reason).toBe("error while parsing query param 'x'\nunexpected end of input");
    }
  });

  test('an encode error is rooted at the parameter', () => {
    expect(() => encodeQuery({ q: 'x', ids: [1, null as never] })).toThrowError(
      expect.objectContaining({ path: '$.ids[1]' }),
    );
  });

  test('undefined parameters are omitted; names are escaped in 2.0 and ~-escaped in 1.0', () => {
    expect(encodeQuery({ a: undefined, 'x:y': 1, '': 'e' })).toBe("''=e&x%3Ay=1");
    expect(encodeQuery({ 'a.b': 'x', a: undefined }, { version: '1.0.0' })).toBe('a~2Eb=x');
  });
});

/**
 * What the mutation run of query.ts found untested (docs/mutation.md), each expectation from the
 * spec (sections i and e) or written out by hand.
 */
describe('the rest of query.ts', () => {
  test('2.0 names are sorted by their escaped text (spec i.2), whatever order they came in', () => {
    expect(encodeQuery({ a: 1, é: 2, Z: 3, '%': 4, z: 5 })).toBe('%25=4&%C3%A9=2&Z=3&a=1&z=5');
    expect(encodeQuery({ z: 1, y: 2, b: 3, a: 4 })).toBe('a=4&b=3&y=2&z=1');
  });

  test("2.0 names and values are escaped for a query; the empty name is written `''`", () => {
    expect(encodeQuery({ '': 1, 'a b': 2, q: 'x y', 'c(': ')' })).toBe(
      "''=1&a%20b=2&c%28=%29&q=x%20y",
    );
  });

  test('1.0 leaves undefined parameters out, projections too', () => {
    expect(encodeQuery({ a: undefined, b: 1 }, { version: '1.0.0' })).toBe('b=1');
    expect(encodeQuery({ fields: undefined, b: 1 }, { version: '1.0.0' })).toBe('b=1');
    expect(encodeQuery({ fields: undefined, b: 1 })).toBe('b=1');
  });

  test('a 2.0 projection whose text the query would escape is refused, naming the character', () => {
    const error = thrown(() => encodeQuery({ fields: ['é'] }), RestliEncodeError);
    expect(error.code).toBe('INVALID_MASK');
    expect(error.reason).toBe(
      'a 2.0 server reads projections without percent-decoding, so "é" (written "%C3") would change the field name; protocol 1.0 can send it',
    );
    expect(error.path).toBe('$.fields');
    const space = thrown(() => encodeQuery({ q: 1, fields: 'ab,c d' }), RestliEncodeError);
    expect(space.reason).toContain('so " " (written "%20") would change');
  });

  test('a projection that is no mask: the argument error as it is, in both versions', () => {
    for (const version of ['1.0.0', '2.0.0'] as const) {
      const error = thrown(() => encodeQuery({ fields: 42 as never }, { version }), RestliError);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toBe(
        'maskText: value must be a mask string, tree or list of paths, not the number 42',
      );
    }
    expect(maskText('a,b')).toBe('a,b');
    expect(maskText(['b', 'a'])).toBe('a,b');
    expect(maskText({ b: 1, a: 0 })).toBe('-a,b');
  });

  test('a bad mask tree is an encode error rooted at the projection', () => {
    const error = thrown(
      () => encodeQuery({ fields: { a: { b: true } } as never }),
      RestliEncodeError,
    );
    expect([error.code, error.path]).toEqual(['INVALID_MASK', '$.fields["a"]["b"]']);
  });

  test('the version is checked, with the function named', () => {
    const encoding = thrown(
      () => encodeQuery({ a: 1 }, { version: '3.0.0' as never }),
      RestliError,
    );
    expect([encoding.code, encoding.message]).toEqual([
      'INVALID_VERSION',
      'encodeQuery: unsupported protocol version 3.0.0',
    ]);
    const decoding = thrown(() => decodeQuery('a=1', { version: '3.0.0' as never }), RestliError);
    expect([decoding.code, decoding.message]).toEqual([
      'INVALID_VERSION',
      'decodeQuery: unsupported protocol version 3.0.0',
    ]);
  });

  test('2.0 decoding: a piece with an empty name is ignored, as the reference does', () => {
    expect(decodeQuery('=1&a=2')).toEqual({ a: '2' });
    expect(decodeQuery("''=1&a=2")).toEqual({ '': '1', a: '2' });
  });

  test('2.0 names: escapes checked, offsets into the whole query, the UTF-8 policy applied', () => {
    const error = thrown(() => decodeQuery('x=1&a%zz=1'));
    expect([error.code, error.offset, error.input]).toEqual(['MALFORMED_ESCAPE', 6, 'x=1&a%zz=1']);
    expect(decodeQuery('a%FF=1', { invalidUtf8: 'replace' })).toEqual({ 'a\uFFFD': '1' });
    expect(thrown(() => decodeQuery('a%FF=1')).code).toBe('INVALID_UTF8');
  });

  test('a value error names the parameter, except the percent-decoding errors (as the reference)', () => {
    const grammar = thrown(() => decodeQuery('a=(b'));
    expect([grammar.code, grammar.reason, grammar.offset]).toEqual([
      'UNEXPECTED_END',
      "error while parsing query param 'a'\nunexpected end of input",
      4,
    ]);
    const utf8 = thrown(() => decodeQuery('a=%FF'));
    expect([utf8.code, utf8.reason, utf8.offset]).toEqual([
      'INVALID_UTF8',
      'Percent-encoded octets at index 0 are not valid UTF-8',
      2,
    ]);
    const malformed = thrown(() => decodeQuery('a=%zz'));
    expect([malformed.code, malformed.reason, malformed.offset]).toEqual([
      'MALFORMED_ESCAPE',
      "Malformed percent-encoded octet at index 1, invalid hexadecimal digit 'z'",
      3,
    ]);
  });

  test('detailed decoding: 2.0 has no single-valued leaves; 1.0 lists them, projections aside', () => {
    expect(decodeQueryDetailed('a=1')).toEqual({ params: { a: '1' }, singleValued: [] });
    expect(decodeQueryDetailed('fields=a&ids=1', { version: '1.0.0' })).toEqual({
      params: { ids: '1', fields: { a: 1 } },
      singleValued: ['ids'],
    });
  });

  test('a 1.0 mask error points into the raw query, through the escapes of its value', () => {
    const v1 = { version: '1.0.0' } as const;
    // The mask `a,)b` fails at its `)` (offset 2); in the query that `)` is the `%29` at 15.
    for (const [query, offset] of [
      ['x=1&fields=a%2C%29b', 15],
      ['x=1&fi%65lds=a%2C%29b', 17],
      ['fields=a%2C%29b&x=1', 11],
    ] as const) {
      const error = thrown(() => decodeQuery(query, v1));
      expect([error.code, error.offset, error.input]).toEqual([
        'UNMATCHED_MASK_NESTING',
        offset,
        query,
      ]);
    }
  });

  test('decodeQueryParams: one raw value per name, checked', () => {
    // No value at all reads as the empty value, which the 2.0 grammar refuses (UNEXPECTED_END).
    const empty = thrown(() => decodeQueryParams({ a: [] }));
    expect([empty.code, empty.reason, empty.offset]).toEqual([
      'UNEXPECTED_END',
      "error while parsing query param 'a'\nunexpected end of input",
      0,
    ]);
    const repeated = thrown(() => decodeQueryParams({ a: ['x', 'y'] }));
    expect([repeated.code, repeated.reason, repeated.input, repeated.offset]).toEqual([
      'REPEATED_PARAM',
      'unexpected repeated query param in URI: a',
      'a',
      0,
    ]);
    for (const wrong of ['x', [1], ['x', 2]]) {
      const error = thrown(() => decodeQueryParams({ a: wrong as never }), RestliError);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(
        /^decodeQueryParams: multimap\["a"\] must be a list of strings, not /,
      );
    }
  });

  test('withoutProjections keeps the plain parameters', () => {
    expect(
      withoutProjections({
        fields: { a: 1 },
        q: 'x',
        metadataFields: {},
        pagingFields: {},
        n: '1',
      }),
    ).toEqual({ q: 'x', n: '1' });
    const error = thrown(() => withoutProjections(42 as never), RestliError);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^withoutProjections: params must be /);
  });
});
