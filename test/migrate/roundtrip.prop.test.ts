/**
 * Translation round trips over biased arbitraries (issue 8): v1 → v2 → v1 and v2 → v1 → v2 give
 * the same URL back, or the translation refuses with a RestliError, or a leg carries a warning
 * naming what was lost.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import { buildUrl, type RestliRequest } from '../../src/http/url.ts';
import { type ConvertResult, convertUrl } from '../../src/migrate/convert.ts';
import type { Restspec } from '../../src/migrate/idl.ts';
import { decodeQuery, encodeQuery } from '../../src/wire/query.ts';
import { restliValue, trickyString } from '../helpers/arbitraries.ts';
import { runs } from '../helpers/linear.ts';

/** Parameter names: tricky ones, `__proto__`, and none of the reserved names. */
const paramName = fc
  .oneof(trickyString, fc.constantFrom('__proto__', 'constructor', 'a.b', 'x[0]', 'c~'))
  .filter(
    (n) =>
      !['ids', 'q', 'bq', 'action', 'fields', 'metadataFields', 'pagingFields', ''].includes(n),
  );

const primitiveKey = fc.oneof(trickyString, fc.nat());
const compoundKey = fc.dictionary(
  trickyString.filter((s) => s !== ''),
  fc.oneof(trickyString, fc.nat()),
  { minKeys: 1, maxKeys: 3 },
);

/** Requests on the widgets resources; `keys` picks the key kinds the ids and key may have. */
const requestWith = (key: fc.Arbitrary<unknown>): fc.Arbitrary<RestliRequest> =>
  fc.oneof(
    fc.record({
      method: fc.constant('get' as const),
      resource: fc.constant('widgets/{w}/members'),
      pathKeys: fc.record({ w: primitiveKey }),
      id: key,
      params: fc.dictionary(paramName, restliValue, { maxKeys: 3 }),
    }),
    fc.record({
      method: fc.constant('batch_get' as const),
      resource: fc.constant('widgets'),
      ids: fc.uniqueArray(key, {
        minLength: 1,
        maxLength: 3,
        selector: (k) => JSON.stringify(k),
      }),
      params: fc.dictionary(paramName, restliValue, { maxKeys: 3 }),
    }),
    fc.record({
      method: fc.constant('finder' as const),
      resource: fc.constant('widgets'),
      finder: fc.constant('search'),
      params: fc.dictionary(paramName, restliValue, { maxKeys: 4 }),
    }),
  ) as fc.Arbitrary<RestliRequest>;

const anyKey = fc.oneof(primitiveKey, compoundKey);

const widgets: Restspec = {
  name: 'widgets',
  path: '/widgets',
  collection: {
    identifier: { name: 'w', type: 'string' },
    entity: {
      subresources: [
        {
          name: 'members',
          path: '/widgets/{w}/members',
          collection: { identifier: { name: 'm', type: 'string' } },
        },
      ],
    },
  },
};

/** The URL of `r` in `version`, or undefined when the library refuses to write it. */
function built(r: RestliRequest, version: '1.0.0' | '2.0.0'): string | undefined {
  try {
    return buildUrl(r, { version, base: '/rest/' });
  } catch (error) {
    if (error instanceof RestliError) return undefined;
    throw error;
  }
}

/** The translation, or undefined when it refuses with a RestliError. */
function converted(
  url: string,
  from: '1.0.0' | '2.0.0',
  resources?: Restspec,
  to: '1.0.0' | '2.0.0' = from === '1.0.0' ? '2.0.0' : '1.0.0',
): ConvertResult | undefined {
  try {
    return convertUrl(url, { from, to, ...(resources ? { resources } : {}) });
  } catch (error) {
    if (error instanceof RestliError) return undefined;
    throw error;
  }
}

/**
 * A 2.0 URL with its `ids` in one order. Batch ids are a set (docs/decisions.md): 1.0 writes them
 * sorted, and Java's 2.0 client in its hash set's order, so their order is not data.
 */
function idsAsSet(url: string, version: '1.0.0' | '2.0.0'): string {
  if (version !== '2.0.0' || !url.includes('?')) return url;
  const at = url.indexOf('?');
  const params = decodeQuery(url.slice(at + 1));
  if (!Array.isArray(params.ids)) return url;
  const ids = [...params.ids].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return `${url.slice(0, at)}?${encodeQuery({ ...params, ids } as never)}`;
}

function expectBackOrWarned(
  start: string,
  version: '1.0.0' | '2.0.0',
  legs: ConvertResult[],
): void {
  const back = legs[legs.length - 1]!.url;
  if (idsAsSet(back, version) === idsAsSet(start, version)) return;
  const warnings = legs.flatMap((l) => l.warnings);
  expect(
    warnings.length,
    `${start} → ${legs.map((l) => l.url).join(' → ')} changed silently`,
  ).toBeGreaterThan(0);
  for (const w of warnings) expect(typeof w.where).toBe('string');
}

describe.each([
  // Without an IDL any key may come; with one, the keys are the strings it declares.
  ['without an IDL', undefined, requestWith(anyKey)],
  ['with an IDL', widgets, requestWith(primitiveKey)],
] as const)('%s', (_name, resources, request) => {
  prop.prop([request], { numRuns: runs(300) })('v1 → v2 → v1', (r) => {
    const v1 = built(r, '1.0.0');
    fc.pre(v1 !== undefined);
    // The round trip starts from canonical 1.0 text: what a 1.0 reader gives back as written
    // (the 1.0 writer's own lapses, such as a nested list of lists, are not translation's).
    const same = converted(v1!, '1.0.0', resources, '1.0.0');
    fc.pre(same?.url === v1);
    const up = converted(v1!, '1.0.0', resources);
    // What the 1.0 writer puts out but its reader rejects is the writer's business, not translation's.
    fc.pre(up !== undefined);
    const down = converted(up!.url, '2.0.0', resources);
    if (down === undefined) return; // refused, with a RestliError
    expectBackOrWarned(v1!, '1.0.0', [up!, down]);
  });

  prop.prop([request], { numRuns: runs(300) })('v2 → v1 → v2', (r) => {
    const v2 = built(r, '2.0.0');
    fc.pre(v2 !== undefined);
    const down = converted(v2!, '2.0.0', resources);
    if (down === undefined) return; // refused, with a RestliError
    const up = converted(down.url, '1.0.0', resources);
    expect(up, `${v2} → ${down.url} is not readable as 1.0`).toBeDefined();
    expectBackOrWarned(v2!, '2.0.0', [down, up!]);
  });
});
