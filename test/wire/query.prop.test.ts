import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import { buildUrl, parseUrl } from '../../src/http/url.ts';
import { decodeKey, encodeKey, type KeyContext } from '../../src/wire/keys.ts';
import { decodeMask, encodeMask, type MaskTree } from '../../src/wire/mask.ts';
import { decodeQuery, encodeQuery, type QueryParams } from '../../src/wire/query.ts';
import { asDecoded, leaf, restliValue, trickyString, wireString } from '../helpers/arbitraries.ts';
import { runs } from '../helpers/linear.ts';
import { normalizeV1 } from './v1/normalize.ts';

const name = trickyString.filter(
  (s) => s !== '' && !['fields', 'metadataFields', 'pagingFields'].includes(s),
);

describe('query strings', () => {
  test.prop([fc.dictionary(name, restliValue, { maxKeys: 5 })], { numRuns: runs(500) })(
    '2.0: decodeQuery(encodeQuery(p)) is p with leaves as strings',
    (params) => {
      expect(decodeQuery(encodeQuery(params as QueryParams))).toEqual(asDecoded(params));
    },
  );

  // What protocol 1.0 can write: no lists of lists, no empty keys.
  const v1Value = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      { weight: 3, arbitrary: leaf },
      fc.array(fc.oneof(leaf, fc.dictionary(name, tie('value'), { maxKeys: 3 })), { maxLength: 3 }),
      fc.dictionary(name, tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  const v1Params = fc
    .dictionary(name, v1Value, { maxKeys: 5 })
    .filter((p) =>
      Object.values(p).every(
        (v) =>
          !Array.isArray(v) ||
          v.every((e) => typeof e !== 'object') ||
          v.every((e) => typeof e === 'object'),
      ),
    );

  test.prop([v1Params], { numRuns: runs(500) })(
    '1.0 and 2.0 encodings of the same params decode to the same data, modulo the v1 losses',
    (params) => {
      const expected = normalizeV1(params as Record<string, unknown>);
      fc.pre(expected !== undefined);
      const viaV1 = decodeQuery(encodeQuery(params as QueryParams, { version: '1.0.0' }), {
        version: '1.0.0',
      });
      expect(viaV1).toEqual(expected);
      const viaV2 = decodeQuery(encodeQuery(params as QueryParams));
      expect(normalizeV1(viaV2 as Record<string, unknown>)).toEqual(expected);
    },
  );
});

describe('keys', () => {
  const part = fc.oneof(
    trickyString.filter((s) => s !== ''),
    fc.integer(),
    fc.boolean(),
  );
  const compound = fc.dictionary(
    trickyString.filter((s) => s !== ''),
    part,
    { minKeys: 1, maxKeys: 4 },
  );

  test.prop(
    [
      compound,
      fc.constantFrom<KeyContext>('path', 'query', 'header', 'body'),
      fc.constantFrom('1.0.0', '2.0.0'),
    ],
    { numRuns: runs(500) },
  )('compound keys round-trip in every place and version', (key, context, version) => {
    const options = { kind: 'compound' as const, version: version as '1.0.0' | '2.0.0', context };
    expect(decodeKey(encodeKey(key, options), options)).toEqual(asDecoded(key));
  });

  const complex = fc.record({
    fields: fc.dictionary(
      trickyString.filter((s) => s !== '' && s !== '$params'),
      restliValue,
      { minKeys: 1, maxKeys: 3 },
    ),
    params: fc.dictionary(
      trickyString.filter((s) => s !== ''),
      restliValue,
      { maxKeys: 2 },
    ),
  });

  test.prop([complex, fc.constantFrom<KeyContext>('path', 'query', 'body')], {
    numRuns: runs(300),
  })('2.0 complex keys with $params round-trip', ({ fields, params }, context) => {
    const key = { ...fields, $params: params };
    const options = { kind: 'complex' as const, context };
    expect(decodeKey(encodeKey(key as never, options), options)).toEqual(asDecoded(key));
  });

  test.prop([
    fc.oneof(
      trickyString.filter((s) => s !== ''),
      fc.integer(),
    ),
    fc.constantFrom('1.0.0', '2.0.0'),
  ])('primitive keys round-trip in a path', (key, version) => {
    const options = { version: version as '1.0.0' | '2.0.0', context: 'path' as const };
    expect(decodeKey(encodeKey(key, options), options)).toBe(String(key));
  });
});

describe('masks', () => {
  const field = fc
    .stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$*.-]{0,6}$/)
    .filter((s) => !['$start', '$count'].includes(s) && !s.startsWith('-'));
  const tree = fc.letrec<{ tree: MaskTree }>((tie) => ({
    tree: fc.dictionary(
      field,
      fc.oneof({ depthSize: 'small' }, fc.constantFrom<0 | 1>(0, 1), tie('tree')),
      { maxKeys: 4 },
    ),
  })).tree;

  test.prop([tree], { numRuns: runs(500) })('decodeMask(encodeMask(t)) is t', (t) => {
    expect(decodeMask(encodeMask(t))).toEqual(t);
  });

  test.prop([fc.oneof(wireString(12), trickyString)], { numRuns: runs(2000) })(
    'decodeMask throws only RestliError',
    (text) => {
      try {
        decodeMask(text);
      } catch (error) {
        expect(error).toBeInstanceOf(RestliError);
      }
    },
  );
});

describe('request URLs', () => {
  const id = fc.oneof(
    trickyString.filter((s) => s !== ''),
    fc.integer({ min: 0 }),
  );
  test.prop(
    [
      fc.uniqueArray(id, { minLength: 2, maxLength: 5, selector: String }),
      fc.constantFrom('1.0.0', '2.0.0'),
      fc.dictionary(name, leaf, { maxKeys: 3 }),
    ],
    { numRuns: runs(300) },
  )('buildUrl → parseUrl gives the ids and params back', (ids, version, params) => {
    fc.pre(!('ids' in params) && !('q' in params));
    const v = version as '1.0.0' | '2.0.0';
    const url = buildUrl(
      { method: 'batch_get', resource: 'people', ids, params },
      { version: v, base: 'https://h/v2/' },
    );
    const parsed = parseUrl(url, {
      version: v,
      resource: { path: 'people', keyKind: 'primitive' },
    });
    expect(parsed.method).toBe('batch_get');
    expect([...(parsed.ids ?? [])].map(String).sort()).toEqual(ids.map(String).sort());
    expect(parsed.params).toEqual(asDecoded(params));
    expect(parsed.base).toBe('https://h/v2/');
  });
});
