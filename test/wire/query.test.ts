import { describe, expect, test } from 'vitest';
import { RestliSyntaxError } from '../../src/errors.ts';
import { decodeMask, type MaskTree } from '../../src/wire/mask.ts';
import {
  decodeQuery,
  decodeQueryDetailed,
  decodeQueryParams,
  encodeQuery,
  type QueryParams,
} from '../../src/wire/query.ts';
import { asDecoded } from '../helpers/arbitraries.ts';
import { fromJava, vectorsOf } from '../helpers/vectors.ts';

const PROJECTIONS = ['fields', 'metadataFields', 'pagingFields'];

/** Queries compared with projection siblings as sets (Java writes hash-map order). */
function sameQuery(actual: string, expected: string): void {
  const split = (q: string) =>
    Object.fromEntries(
      q.split('&').map((p) => {
        const [n, v = ''] = p.split(/=(.*)/s);
        return [n, PROJECTIONS.includes(n!) ? decodeMask(v) : v];
      }),
    );
  expect(actual.split('&').map((p) => p.split('=')[0])).toEqual(
    expected.split('&').map((p) => p.split('=')[0]),
  );
  expect(split(actual)).toEqual(split(expected));
}

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
      if (text !== v.expected && text !== v.equivalentOutput) sameQuery(text, v.expected as string);
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
      if (text !== expected) sameQuery(text, expected);
    },
  );
});

describe('parse-v2-query vectors', () => {
  test.each(vectorsOf('parse-v2-query').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const expected = { ...(v.expected as Record<string, unknown>) };
      // We return projections as mask trees, parsed from the raw text the reference keeps.
      for (const p of PROJECTIONS)
        if (typeof expected[p] === 'string') expected[p] = decodeMask(expected[p] as string);
      const actual =
        typeof v.input === 'string'
          ? decodeQuery(v.input)
          : decodeQueryParams(v.input as Record<string, string[]>);
      expect(actual).toEqual(expected);
    },
  );
});

describe('parse-v2-query-error vectors', () => {
  test.each(vectorsOf('parse-v2-query-error').map((v) => [v.input as string, v] as const))(
    '%s',
    (input, v) => {
      try {
        decodeQuery(input);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RestliSyntaxError);
        const e = error as RestliSyntaxError;
        expect(e.reason).toBe((v.expected as { error: string }).error);
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset).toBeLessThanOrEqual(input.length);
      }
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
