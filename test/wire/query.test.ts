import { describe, expect, test } from 'vitest';
import { RestliSyntaxError } from '../../src/errors.ts';
import type { MaskTree } from '../../src/wire/mask.ts';
import {
  decodeQuery,
  decodeQueryDetailed,
  decodeQueryParams,
  encodeQuery,
  type QueryParams,
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
