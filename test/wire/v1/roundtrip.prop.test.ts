import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliEncodeError, RestliError } from '../../../src/errors.ts';
import {
  dataMapToQueryString,
  encodeQueryV1,
  flattenV1,
  PROJECTION_PARAMS,
  type V1Params,
} from '../../../src/wire/v1/flatten.ts';
import { escapeNameSegment, unescapeNameSegment } from '../../../src/wire/v1/tilde.ts';
import {
  decodeQueryV1,
  decodeQueryV1Detailed,
  unflattenV1,
} from '../../../src/wire/v1/unflatten.ts';
import { leaf, loneSurrogateString, trickyString } from '../../helpers/arbitraries.ts';
import { runs } from '../../helpers/linear.ts';
import {
  referenceFlattenV1,
  referenceFormDecode,
  referenceUrlEncoder,
} from '../../helpers/reference.ts';
import { expectedSingleValued, normalizeV1 } from './normalize.ts';

/** Keys biased to what v1 names and queries treat specially. */
const v1Key = fc
  .oneof(
    { weight: 4, arbitrary: trickyString },
    fc.constantFrom(
      '__proto__',
      'constructor',
      '$params',
      'a.b',
      'x[0]',
      '[1]',
      '~2E',
      'a~',
      '%5B',
      'a+b c',
      'é',
      '😛',
      'k=v&w',
    ),
  )
  .filter((key) => key !== '' && !PROJECTION_PARAMS.has(key));

/**
 * Values v1 can write: leaves, maps, lists of leaves and lists of maps. (Lists of lists, and root
 * lists mixing leaves with containers, have no v1 form that reads back; see normalizeV1.)
 */
const v1 = fc.letrec<{ value: unknown; map: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    fc.array(leaf, { maxLength: 4 }),
    fc.array(tie('map'), { maxLength: 3 }),
    tie('map'),
  ),
  map: fc.dictionary(v1Key, tie('value'), { maxKeys: 4 }),
}));

const v1Params = fc.dictionary(v1Key, v1.value, { maxKeys: 5 });

describe('round trip through the v1 query', () => {
  test.prop([v1Params], { numRuns: runs(1500) })(
    'decodeQueryV1(encodeQueryV1(p)) is p with exactly the v1 losses',
    (params) => {
      const expected = normalizeV1(params);
      fc.pre(expected !== undefined);
      const query = encodeQueryV1(params as V1Params);
      const decoded = decodeQueryV1Detailed(query);
      expect(decoded.params).toEqual(expected);
      expect(decoded.singleValued).toEqual(expectedSingleValued(expected!, params));
    },
  );

  test.prop([v1Params], { numRuns: runs(500) })(
    'the query holds only the v1 query set and %XX escapes, pairs sorted by name',
    (params) => {
      const query = encodeQueryV1(params as V1Params);
      expect(query).toMatch(/^(?:[A-Za-z0-9!$'()*,\-./:;?@_~&=]|%[0-9A-F]{2})*$/);
      const names =
        query === ''
          ? []
          : query.split('&').map((pair) => referenceFormDecode(pair.split('=')[0]!));
      expect(names).toEqual([...names].sort());
    },
  );

  test.prop([v1Params], { numRuns: runs(500) })(
    'flattenV1 is the flattening of spec e.1, in the order of e.3',
    (params) => {
      expect([...flattenV1(params as V1Params)]).toEqual(referenceFlattenV1(params));
    },
  );

  test.prop([v1Params], { numRuns: runs(500) })(
    'the complex-key string is the flattened pairs, values URLEncoder-escaped on request',
    (params) => {
      // Expected pairs from the independent reference flattener, not from flattenV1.
      const pairs = referenceFlattenV1(params).flatMap(([name, values]) =>
        values.map((value) => [name, value] as const),
      );
      // Unescaped, what the reader would split differently is refused (docs/decisions.md).
      const ambiguous = pairs.some(([name, value]) => /[&=]/.test(name) || /&.*=/s.test(value));
      if (ambiguous) {
        expect(() => dataMapToQueryString(params as V1Params)).toThrowError(
          expect.objectContaining({ code: 'UNWRITABLE_V1_KEY' }),
        );
      } else {
        expect(dataMapToQueryString(params as V1Params)).toBe(
          pairs.map(([name, value]) => `${name}=${value}`).join('&'),
        );
      }
      // With URL escaping, names have exactly `% & = +` escaped, which the reader decodes.
      const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
      expect(dataMapToQueryString(params as V1Params, 'url')).toBe(
        pairs
          .map(([name, value]) => `${name.replace(/[%&=+]/g, hex)}=${referenceUrlEncoder(value)}`)
          .join('&'),
      );
    },
  );

  test.prop([trickyString])(
    'name segments: unescape(escape(s)) is s, and no . [ ] is left',
    (s) => {
      const escaped = escapeNameSegment(s);
      expect(escaped).not.toMatch(/[.[\]]/);
      expect(unescapeNameSegment(escaped)).toBe(s);
    },
  );
});

describe('arbitrary input', () => {
  const piece = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '&',
        '=',
        '.',
        '[',
        ']',
        '~',
        '%',
        '%2',
        '%zz',
        '%5B',
        '%5D',
        '%2E',
        '%E9',
        '%C3%A9',
        '%-1',
        '%+1',
        '~2E',
        '~z',
        '+',
        ' ',
        '0',
        '1',
        '-1',
        '01',
        'a',
        'b',
        '__proto__',
        'é',
        '😛',
        '\ud800',
      ),
    },
    trickyString,
  );
  const query = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

  test.prop([query], { numRuns: runs(3000) })(
    'decodeQueryV1 returns or throws a RestliError',
    (q) => {
      try {
        const params = decodeQueryV1(q);
        expect(typeof params).toBe('object');
      } catch (error) {
        expect(error).toBeInstanceOf(RestliError);
        const { offset, input } = error as RestliError;
        expect(input).toBe(q);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(q.length);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  test.prop(
    [fc.array(fc.tuple(query, fc.array(trickyString, { maxLength: 3 })), { maxLength: 6 })],
    {
      numRuns: runs(1000),
    },
  )('unflattenV1 returns or throws a RestliError', (entries) => {
    try {
      unflattenV1(new Map(entries));
    } catch (error) {
      expect(error).toBeInstanceOf(RestliError);
    }
  });

  test.prop(
    [fc.dictionary(trickyString, fc.oneof(fc.anything(), loneSurrogateString, fc.constant(null)))],
    {
      numRuns: runs(1000),
    },
  )('the writers return or throw a RestliEncodeError', (params) => {
    for (const write of [encodeQueryV1, dataMapToQueryString]) {
      try {
        expect(typeof write(params as V1Params)).toBe('string');
      } catch (error) {
        expect(error).toBeInstanceOf(RestliEncodeError);
      }
    }
  });

  test.prop([
    fc.integer({ min: 257, max: 5000 }),
    fc.constantFrom('a.', 'a[0].', '%61%2E', 'x~2E.'),
  ])('a depth bomb is DEPTH_EXCEEDED', (n, unit) => {
    expect(() => decodeQueryV1(`${unit.repeat(n)}b=1`)).toThrow(
      expect.objectContaining({ code: 'DEPTH_EXCEEDED' }),
    );
  });
});
