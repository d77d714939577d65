import { readFileSync } from 'node:fs';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import { buildUrl } from '../../src/http/url.ts';
import { convertUrl } from '../../src/migrate/convert.ts';
import { detectVersion } from '../../src/migrate/detect.ts';
import type { Restspec, RestspecParameter, SchemaType } from '../../src/migrate/idl.ts';
import { decodeQuery } from '../../src/wire/query.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';
import { runs } from '../helpers/linear.ts';
import { expectSameUrl, keyOf, type VectorRequest } from '../helpers/requests.ts';
import { type Vector, vectorsOf } from '../helpers/vectors.ts';
import { expectConversion } from './conversion.ts';
import { ARRAY_OF_STRINGS, assumedScalar } from './expected.ts';
import { pairs } from './idls.ts';

/** A schema that describes `value`: arrays and records from the value's own shape. */
function schemaOf(value: unknown): SchemaType {
  if (Array.isArray(value)) {
    // Records in a list may differ in their fields (batch finder criteria): merge them.
    const records = value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    if (records.length > 0)
      return { type: 'array', items: schemaOf(Object.assign({}, ...records)) };
    return { type: 'array', items: value.length > 0 ? schemaOf(value[0]) : 'string' };
  }
  if (value !== null && typeof value === 'object' && !('$long' in value)) {
    return {
      type: 'record',
      name: 'R',
      fields: Object.entries(value).map(([name, v]) => ({ name, type: schemaOf(v) })),
    };
  }
  return 'string';
}

/** A type as restspecs write it: a primitive's name, or an inline schema as JSON text. */
const json = (schema: SchemaType): string =>
  typeof schema === 'string' ? schema : JSON.stringify(schema);

/**
 * A restspec for a request-uri vector: the template as the resource path, key kinds and record
 * fields from the vector's keys, and the parameters' types from their values, all required.
 */
function restspecOf(input: VectorRequest): Restspec {
  const method = input.method.toLowerCase();
  const parameters: RestspecParameter[] = Object.entries(input.params ?? {}).map(
    ([name, value]) => ({
      name,
      type: json(schemaOf(value)),
    }),
  );
  const operations = {
    methods: [{ method, parameters }],
    finders: typeof input.params?.q === 'string' ? [{ name: input.params.q, parameters }] : [],
    batchFinders:
      typeof input.params?.bq === 'string'
        ? [{ name: input.params.bq, parameters, batchParam: 'criteria' }]
        : [],
    actions:
      typeof input.params?.action === 'string' ? [{ name: input.params.action, parameters }] : [],
  };
  const sample = input.id ?? input.ids?.[0];
  const { kind, key } =
    sample === undefined ? { kind: 'primitive', key: undefined } : keyOf(sample);
  const template = input.template.replace(/^\//, '');
  const identifierOf = (k: string, value: unknown) => {
    if (k !== 'complex') return { type: 'string' };
    const { $params, ...fields } = value as Record<string, unknown>;
    return {
      type: JSON.stringify(schemaOf(fields)),
      params: JSON.stringify(schemaOf($params ?? {})),
    };
  };
  let spec: Restspec =
    kind === 'compound'
      ? {
          name: 'r',
          path: `/${template}`,
          association: {
            identifier: 'key',
            assocKeys: Object.keys(key as object).map((n) => ({ name: n, type: 'string' })),
            ...operations,
          },
        }
      : {
          name: 'r',
          path: `/${template}`,
          collection: { identifier: { name: 'key', ...identifierOf(kind, key) }, ...operations },
        };
  // Nest it under its parents so that their key kinds are known, innermost first.
  for (const [name, k] of Object.entries(input.pathKeys ?? {}).reverse()) {
    const parent = keyOf(k);
    const path = `/${template.slice(0, template.indexOf(`{${name}}`) - 1)}`;
    spec =
      parent.kind === 'compound'
        ? {
            name,
            path,
            association: { identifier: name, assocKeys: [], entity: { subresources: [spec] } },
          }
        : {
            name,
            path,
            collection: {
              identifier: { name, ...identifierOf(parent.kind, parent.key) },
              entity: { subresources: [spec] },
            },
          };
  }
  return spec;
}

/** The vector pairs: the same request in both versions. */
function vectorPairs(): [Vector, Vector][] {
  const v2 = vectorsOf('request-uri-v2');
  return vectorsOf('request-uri-v1').map((v1, i) => [v1, v2[i]!]);
}

describe('request-uri vector pairs as translations, with their resource as IDL', () => {
  test.each(vectorPairs().map(([a, b], i) => [`${i} ${a.source}`, a, b] as const))(
    '%s',
    (_n, v1, v2) => {
      const input = v1.input as VectorRequest;
      expect(JSON.stringify({ ...input, version: '' })).toBe(
        JSON.stringify({ ...(v2.input as VectorRequest), version: '' }),
      );
      const resources = [restspecOf(input)];
      const up = convertUrl(v1.expected as string, { from: '1.0.0', to: '2.0.0', resources });
      // An empty primitive key leaves no trace in a 1.0 path (spec d.1): nothing can restore it.
      if (input.id !== '') expectSameUrl(up.url, v2);
      expect(up.warnings).toEqual([]);
      const down = convertUrl(v2.expected as string, { from: '2.0.0', to: '1.0.0', resources });
      // 2.0 → 1.0 can only lose what 1.0 cannot say (empty containers, the empty key), and says so.
      if (down.warnings.length === 0) expectSameUrl(down.url, v1);
      else
        expect(down.warnings.map((w) => w.code)).toSatisfy((codes: string[]) =>
          codes.every((c) => ['EMPTY_CONTAINER_DROPPED', 'EMPTY_KEY_DROPPED'].includes(c)),
        );
    },
  );
});

describe('without an IDL', () => {
  test.each([
    ['/people?ids=1&ids=2', '2.0.0', '/people?ids=List(1,2)', []],
    ['/people?ids=List(1,2)', '1.0.0', '/people?ids=1&ids=2', []],
    ['/people/3?count=10', '2.0.0', '/people/3?count=10', []],
    ['/people/a=1&b=2', '2.0.0', '/people/(a:1,b:2)', ['KEY_KIND_GUESSED']],
    [
      '/people?q=search&tags=x',
      '2.0.0',
      '/people?q=search&tags=x',
      ['SINGLE_VALUE_ASSUMED_SCALAR'],
    ],
    ['/people?q=search&e', '2.0.0', "/people?e=''&q=search", ['SINGLE_VALUE_ASSUMED_SCALAR']],
    [
      '/people?q=s&l=List()&m=()',
      '1.0.0',
      '/people?q=s',
      ['EMPTY_CONTAINER_DROPPED', 'EMPTY_CONTAINER_DROPPED'],
    ],
    [
      'https://api.linkedin.com/v2/people/(id:ABC123)/certifications/42#top',
      '1.0.0',
      'https://api.linkedin.com/v2/people/id=ABC123/certifications/42#top',
      ['KEY_KIND_GUESSED'],
    ],
    [
      '/resource?q=myFinder&param=(aList:List(foo,bar,baz),anObject:(aField:1,anotherField:value))',
      '1.0.0',
      '/resource?param.aList%5B0%5D=foo&param.aList%5B1%5D=bar&param.aList%5B2%5D=baz&param.anObject.aField=1&param.anObject.anotherField=value&q=myFinder',
      [],
    ],
  ] as const)('%s → %s', (url, to, expected, codes) => {
    const result = convertUrl(url, { to });
    expect(result.url).toBe(expected);
    expect(result.warnings.map((w) => w.code)).toEqual(codes);
  });

  test('a URL that is not valid in its version is a syntax error pointing into it', () => {
    expect(() => convertUrl('/people?ids=List(1,2', { from: '2.0.0', to: '1.0.0' })).toThrowError(
      expect.objectContaining({ code: 'UNEXPECTED_END', offset: 20 }),
    );
  });
});

test('a detected version that cannot read the URL gives way to the one that can, with a warning', () => {
  const r = convertUrl('/people?ids=List(1,2', { to: '2.0.0' });
  expect(r.from).toBe('1.0.0');
  expect(r.url).toBe('/people?ids=List(List%281%2C2)');
  expect(r.warnings.map((w) => w.code)).toEqual(['VERSION_GUESSED']);
  // Neither reads this one: the error is the detected version's.
  expect(() => convertUrl('/people?ids=List(1,2&a=%zz', { to: '2.0.0' })).toThrowError(
    expect.objectContaining({ code: 'UNEXPECTED_END' }),
  );
});

describe('a detected version gives way only when none of its marks holds up', () => {
  // [url, code, offset]: a mark that reads in its version (`ids=List(1,2)`, the key segment
  // `(a:1)`) makes the URL a broken URL of that version, reported with the 2.0 parse error.
  test.each([
    ['/people?ids=List(1,2)&q=(a:b', 'UNEXPECTED_END', 28],
    ['/people?ids=List(1,2)&x=List(3', 'UNEXPECTED_END', 30],
    ['/people/(a:1)?q=(a:b', 'UNEXPECTED_END', 20],
    ['/people?x=(a:1)&y=a:b)', 'TRAILING_TOKENS', 19],
  ] as const)('%s is a 2.0 error %s at %d, in both directions', (url, code, offset) => {
    for (const to of ['1.0.0', '2.0.0'] as const) {
      expect(() => convertUrl(url, { to })).toThrowError(expect.objectContaining({ code, offset }));
    }
  });

  const scalar = 'SINGLE_VALUE_ASSUMED_SCALAR';
  test.each([
    // [url, converted to 2.0, warnings]: no 2.0 mark reads on its own, so the 1.0 reading stands.
    ['/people?ids=List(1,2', '/people?ids=List(List%281%2C2)', []],
    ['/people?x=List(1,2&y=(a:b', '/people?x=List%281%2C2&y=%28a%3Ab', [scalar, scalar]],
  ])('%s is read as 1.0, with VERSION_GUESSED', (url, expected, more) => {
    const r = convertUrl(url, { to: '2.0.0' });
    expect(r.from).toBe('1.0.0');
    expect(r.url).toBe(expected);
    expect(r.warnings.map((w) => w.code)).toEqual(['VERSION_GUESSED', ...more]);
  });

  test('marks of both versions that both servers read: converted with VERSION_GUESSED', () => {
    const r = convertUrl('/p?a.b=1&c=List(1)', { to: '1.0.0' });
    expect(r.from).toBe('2.0.0');
    expect(r.warnings.map((w) => w.code)).toContain('VERSION_GUESSED');
  });

  test('what the guess says: the warning and the evidence, in full', () => {
    const fallback = convertUrl('/people?ids=List(1,2', { to: '2.0.0' });
    expect(fallback.warnings).toEqual([
      {
        code: 'VERSION_GUESSED',
        where: 'ids=List(1,2',
        message: 'read as 1.0.0: its marks say 2.0.0, but only a 1.0.0 server reads the query',
      },
    ]);
    expect(fallback.detection).toEqual({
      version: '1.0.0',
      evidence: [
        { version: '2.0.0', reason: 'a List(…) value', where: 'ids' },
        { version: '1.0.0', reason: 'only a 1.0.0 server reads the query', where: 'ids=List(1,2' },
      ],
    });
    const both = convertUrl('/p?a.b=1&c=List(1)', { to: '1.0.0' });
    expect(both.url).toBe('/p?a~2Eb=1&c=1');
    expect(both.warnings[0]).toEqual({
      code: 'VERSION_GUESSED',
      where: 'a.b=1&c=List(1)',
      message: 'read as 2.0.0: it has marks of both versions and both servers read it',
    });
    expect(both.detection).toEqual({
      version: '2.0.0',
      evidence: [
        { version: '1.0.0', reason: 'a dotted parameter name', where: 'a.b' },
        { version: '2.0.0', reason: 'a List(…) value', where: 'c' },
      ],
      ambiguous: true,
    });
  });
});

/** A `greetings` collection of string keys with a `search` finder taking `parameters`. */
function greetingsIdl(
  parameters: RestspecParameter[],
  entity: object = { path: '/greetings/{greetingsId}' },
): Restspec {
  return {
    name: 'greetings',
    path: '/greetings',
    collection: {
      identifier: { name: 'greetingsId', type: 'string' },
      supports: ['get', 'batch_get'],
      finders: [{ name: 'search', parameters }],
      entity,
    },
  } as Restspec;
}

describe('with an IDL, the ambiguities of spec e.5 are settled', () => {
  const greetings = greetingsIdl(
    [
      { name: 'tags', type: ARRAY_OF_STRINGS },
      { name: 'tone', type: 'string' },
    ],
    {
      path: '/greetings/{greetingsId}',
      subresources: [
        {
          name: 'replies',
          path: '/greetings/{greetingsId}/replies',
          association: {
            identifier: 'repliesId',
            assocKeys: [
              { name: 'a', type: 'string' },
              { name: 'b', type: 'long' },
            ],
          },
        },
      ],
    },
  );

  test('a one-value array is a List, a scalar stays a scalar, no warnings', () => {
    const r = convertUrl('/greetings?q=search&tags=x&tone=warm', {
      to: '2.0.0',
      resources: [greetings],
    });
    expect(r.url).toBe('/greetings?q=search&tags=List(x)&tone=warm');
    expect(r.warnings).toEqual([]);
  });

  test('a string key containing = stays a string', () => {
    const r = convertUrl('/greetings/a%3Db?x', {
      to: '2.0.0',
      from: '1.0.0',
      resources: [greetings],
    });
    expect(r.url.startsWith('/greetings/a=b?')).toBe(true);
    const r2 = convertUrl('/greetings?ids=a%3Db&ids=c', { to: '2.0.0', resources: [greetings] });
    expect(r2.url).toBe('/greetings?ids=List(a%3Db,c)');
    expect(r2.warnings).toEqual([]);
  });

  test('sub-resources are found by path, with the parent key kind', () => {
    const r = convertUrl('/v2/greetings/hello%20world/replies/a=1&b=2', {
      to: '2.0.0',
      resources: [greetings],
    });
    expect(r.url).toBe('/v2/greetings/hello%20world/replies/(a:1,b:2)');
    expect(r.warnings).toEqual([]);
  });
});

describe('detectVersion', () => {
  test.each([
    ['/people?ids=List(1,2)', '2.0.0'],
    ['/people?ids=1&ids=2', '1.0.0'],
    ['/people/3?count=10', 'either'],
    ['/people/(a:1)', '2.0.0'],
    ['/people/a=1&b=2', '1.0.0'],
    ['/p?a.b=1', '1.0.0'],
    ['/p?a[0]=1', '1.0.0'],
    ["/p?a=''", '2.0.0'],
    ['/p?a', '1.0.0'],
  ])('%s is %s', (url, version) => {
    expect(detectVersion(url).version).toBe(version);
  });

  // What 1.0 writes for a string may be 2.0 text too. A 2.0 server requires a List(…) for ids
  // (spec i.3), so `ids=()` is 1.0 only; where both servers read the query, the detection names
  // its guess as such (`ambiguous`), never confidently.
  test.each([
    // [url, version, ambiguous]
    ['/people?ids=()', '1.0.0', false],
    ['/people?ids=(a:b)', '1.0.0', false],
    ['/people?ids=()&l9=gX%F0%94%90%8C', '1.0.0', false],
    ['/people?ids=List(1,2)', '2.0.0', true],
    ['/people?q_LH6_=List(%E1%9C%8E%2541)', '2.0.0', true],
    ['/people?x=(a:b)', '2.0.0', true],
    ['/p?a.b=1&c=List(1)', '2.0.0', true],
    ['/people?ids=1&ids=2', '1.0.0', false],
    ['/people?ids=List(1,2', '1.0.0', false],
    ['/people/3?count=10', 'either', false],
  ] as const)('%s is %s, ambiguous: %s', (url, version, ambiguous) => {
    const detection = detectVersion(url);
    expect(detection.version).toBe(version);
    expect(detection.ambiguous ?? false).toBe(ambiguous);
  });
});

/** Request parameters both versions can write: plain names, non-empty strings. */
const name = fc
  .stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,6}$/)
  .filter((n) => !['ids', 'q', 'bq', 'action', 'fields'].includes(n));
const text = trickyString.filter((s) => s !== '');
const value = fc.oneof(
  text,
  fc.array(text, { minLength: 2, maxLength: 3 }),
  fc.dictionary(name, text, { minKeys: 1, maxKeys: 2 }),
);

describe('round trips', () => {
  prop.prop(
    [
      fc.dictionary(name, value, { maxKeys: 4 }),
      fc.uniqueArray(fc.oneof(text, fc.nat()), { minLength: 2, maxLength: 4, selector: String }),
    ],
    { numRuns: runs(300) },
  )('v1 → v2 → v1 gives the same URL back (canonical v1 in, canonical v1 out)', (params, ids) => {
    const v1 = buildUrl(
      { method: 'batch_get', resource: 'people', ids, params: params as never },
      { version: '1.0.0', base: '/rest/' },
    );
    const v2 = convertUrl(v1, {
      from: '1.0.0',
      to: '2.0.0',
      resources: [
        {
          name: 'people',
          path: '/people',
          collection: { identifier: { name: 'id', type: 'string' } },
        },
      ],
    });
    const back = convertUrl(v2.url, { from: '2.0.0', to: '1.0.0' });
    expect(back.url).toBe(v1);
    expect(detectVersion(v2.url).version).not.toBe('1.0.0');
  });
});

describe('a realistic IDL (test/fixtures/idl), as a snapshot and as a bare restspec', () => {
  const load = (file: string) =>
    JSON.parse(readFileSync(new URL(`../fixtures/idl/${file}`, import.meta.url), 'utf8'));
  const snapshot = load('com.example.members.snapshot.json');
  const restspec = load('com.example.members.restspec.json');
  const key = '$params.version=1&id=7&tags=a';

  test.each([
    [
      '/v2/members?q=search&keywords=x&industries=4&titles=cto&facets.geo=us&filter.field=a&filter.values=b',
      '/v2/members?facets=(geo:us)&filter=(field:a,values:List(b))&industries=List(4)&keywords=x&q=search&titles=List(cto)',
      '/v2/members?facets=(geo:us)&filter=(field:a,values:b)&industries=4&keywords=x&q=search&titles=cto',
      '/v2/members?facets.geo=us&filter.field=a&filter.values%5B0%5D=b&industries=4&keywords=x&q=search&titles=cto',
    ],
    [
      `/v2/members/${key}`,
      '/v2/members/($params:(version:1),id:7,tags:List(a))',
      '/v2/members/($params:(version:1),id:7,tags:a)',
      `/v2/members/$params.version=1&id=7&tags=a`,
    ],
    [
      '/v2/members?ids[0].$params.version=1&ids[0].id=7&ids[0].tags=a&ids[1].id=8&ids[1].tags[0]=b&ids[1].tags[1]=c',
      '/v2/members?ids=List(($params:(version:1),id:7,tags:List(a)),(id:8,tags:List(b,c)))',
      '/v2/members?ids=List(($params:(version:1),id:7,tags:a),(id:8,tags:List(b,c)))',
      `/v2/members?ids%5B0%5D.$params.version=1&ids%5B0%5D.id=7&ids%5B0%5D.tags%5B0%5D=a&ids%5B1%5D.id=8&ids%5B1%5D.tags%5B0%5D=b&ids%5B1%5D.tags%5B1%5D=c`,
    ],
    [
      `/v2/members/${key}/connections/from=x&to=2`,
      '/v2/members/($params:(version:1),id:7,tags:List(a))/connections/(from:x,to:2)',
      '/v2/members/($params:(version:1),id:7,tags:a)/connections/(from:x,to:2)',
      `/v2/members/$params.version=1&id=7&tags=a/connections/from=x&to=2`,
    ],
    [
      `/v2/members/${key}/connections/from=x?q=recent&since=3`,
      '/v2/members/($params:(version:1),id:7,tags:List(a))/connections/(from:x)?q=recent&since=3',
      '/v2/members/($params:(version:1),id:7,tags:a)/connections/(from:x)?q=recent&since=3',
      `/v2/members/$params.version=1&id=7&tags=a/connections/from=x?q=recent&since=3`,
    ],
    [
      `/v2/members/${key}/posts/urn%3Ali%3Apost%3A1`,
      '/v2/members/($params:(version:1),id:7,tags:List(a))/posts/urn%3Ali%3Apost%3A1',
      '/v2/members/($params:(version:1),id:7,tags:a)/posts/urn%3Ali%3Apost%3A1',
      `/v2/members/$params.version=1&id=7&tags=a/posts/urn%3Ali%3Apost%3A1`,
    ],
    [
      '/v2/members?bq=byCriteria&criteria[0].field=a&criteria[0].values[0]=b',
      '/v2/members?bq=byCriteria&criteria=List((field:a,values:List(b)))',
      '/v2/members?bq=byCriteria&criteria=List((field:a,values:List(b)))',
      '/v2/members?bq=byCriteria&criteria%5B0%5D.field=a&criteria%5B0%5D.values%5B0%5D=b',
    ],
  ])('%s', (v1, withIdl, withoutIdl, canonicalV1) => {
    const settled = convertUrl(v1, { to: '2.0.0', resources: [snapshot] });
    expect(settled.url).toBe(withIdl);
    expect(settled.warnings).toEqual([]);
    const guessed = convertUrl(v1, { to: '2.0.0' });
    expect(guessed.url).toBe(withoutIdl);
    // Where the IDL changed the result, the run without it said it was guessing.
    if (withoutIdl !== withIdl) expect(guessed.warnings.length).toBeGreaterThan(0);
    // Back to 1.0 with the IDL, and 1.0 to 1.0, give the canonical 1.0 URL (spec c: root arrays
    // as repeated or single names, nested ones indexed, `[…]` as `%5B…%5D`; a key's fields at
    // its root).
    const back = convertUrl(withIdl, { to: '1.0.0', resources: [snapshot] });
    expect(back.url).toBe(canonicalV1);
    expect(back.warnings).toEqual([]);
    expect(convertUrl(v1, { to: '1.0.0', from: '1.0.0', resources: [snapshot] }).url).toBe(
      canonicalV1,
    );
  });

  test('a bare restspec knows the inline array types but not the named ones', () => {
    const r = convertUrl('/v2/members?q=search&keywords=x&industries=4&titles=cto', {
      to: '2.0.0',
      resources: [restspec],
    });
    expect(r.url).toBe('/v2/members?industries=List(4)&keywords=x&q=search&titles=cto');
    expect(r.warnings.map((w) => w.where)).toEqual(['titles']);
  });

  test('a path that no loaded IDL knows is reported', () => {
    const r = convertUrl('/v2/other?ids=1&ids=2', { to: '2.0.0', resources: [snapshot] });
    expect(r.url).toBe('/v2/other?ids=List(1,2)');
    expect(r.warnings.map((w) => w.code)).toEqual(['RESOURCE_NOT_FOUND']);
  });
});

describe('the LinkedIn doc examples, translated both ways', () => {
  // The third column is the 1.0 URL as the Java client writes it: index brackets are `%5B…%5D`
  // on the wire (spec e.1), which the docs show unescaped.
  test.each([
    ['/people?ids=1&ids=2&ids=3', '/people?ids=List(1,2,3)', '/people?ids=1&ids=2&ids=3'],
    [
      '/people?ids[0].$params.a=value0A&ids[0].$params.b=value0B&ids[1].$params.a=value1A&ids[1].$params.b=value1B&ids[2].$params.a=value2A&ids[2].$params.b=value2B',
      '/people?ids=List(($params:(a:value0A,b:value0B)),($params:(a:value1A,b:value1B)),($params:(a:value2A,b:value2B)))',
      '/people?ids%5B0%5D.$params.a=value0A&ids%5B0%5D.$params.b=value0B&ids%5B1%5D.$params.a=value1A&ids%5B1%5D.$params.b=value1B&ids%5B2%5D.$params.a=value2A&ids%5B2%5D.$params.b=value2B',
    ],
    [
      '/resource?q=myFinder&param.aList[0]=foo&param.aList[1]=bar&param.aList[2]=baz&param.anObject.aField=1&param.anObject.anotherField=value',
      '/resource?param=(aList:List(foo,bar,baz),anObject:(aField:1,anotherField:value))&q=myFinder',
      '/resource?param.aList%5B0%5D=foo&param.aList%5B1%5D=bar&param.aList%5B2%5D=baz&param.anObject.aField=1&param.anObject.anotherField=value&q=myFinder',
    ],
    [
      '/v2/people/id=ABC123/certifications',
      '/v2/people/(id:ABC123)/certifications',
      '/v2/people/id=ABC123/certifications',
    ],
    [
      '/v2/people/id=ABC123/certifications/42',
      '/v2/people/(id:ABC123)/certifications/42',
      '/v2/people/id=ABC123/certifications/42',
    ],
    [
      '/v2/endorsement/urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29',
      '/v2/endorsement/urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29',
      '/v2/endorsement/urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29',
    ],
  ])('%s ⇄ %s', (v1, v2, javaV1) => {
    expect(convertUrl(v1, { to: '2.0.0', from: '1.0.0' }).url).toBe(v2);
    expect(convertUrl(v2, { to: '1.0.0', from: '2.0.0' }).url).toBe(javaV1);
  });

  test('a 1.0 URN key with a tuple, written raw, is one string key in 2.0', () => {
    expect(
      convertUrl('/v2/endorsement/urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)', {
        to: '2.0.0',
        from: '1.0.0',
        resources: [
          {
            name: 'endorsement',
            path: '/endorsement',
            collection: { identifier: { name: 'id', type: 'string' } },
          },
        ],
      }).url,
    ).toBe(
      '/v2/endorsement/urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29',
    );
  });
});

describe('detection against the version a URL was built in', () => {
  prop.prop(
    [
      fc.dictionary(name, value, { maxKeys: 4 }),
      fc.uniqueArray(fc.oneof(text, fc.nat()), { maxLength: 3, selector: String }),
    ],
    { numRuns: runs(500) },
  )('a URL built in one version is never detected as the other', (params, ids) => {
    // One text is truly both: a 1.0 string of two apostrophes is written `''`, which is 2.0's
    // empty string (2.0 escapes every `'`). Detection reads the 2.0 marker; that case is tested
    // by hand in the detectVersion table.
    fc.pre(!JSON.stringify([params, ids]).includes("''"));
    const request = {
      method: 'batch_get' as const,
      resource: 'people',
      params: params as never,
      ...(ids.length > 0 ? { ids } : {}),
    };
    const v1 = buildUrl(request, { version: '1.0.0' });
    const v2 = buildUrl(request, { version: '2.0.0' });
    // A detection is never confidently wrong: where the marks point to the other version (a 1.0
    // string `List(a)` is written as 2.0 writes the list), both servers read the query and the
    // detection says it is ambiguous.
    for (const [url, built, other] of [
      [v1, '1.0.0', '2.0.0'],
      [v2, '2.0.0', '1.0.0'],
    ] as const) {
      const detection = detectVersion(url);
      if (detection.version !== other) continue;
      expect(detection.ambiguous).toBe(true);
      const query = url.slice(url.indexOf('?') + 1);
      expect(() => decodeQuery(query, { version: built })).not.toThrow();
      expect(() => decodeQuery(query, { version: other })).not.toThrow();
    }
    // 'either' only for text both versions would write for some request.
    if (detectVersion(v1).version === 'either')
      expect(convertUrl(v1, { from: '1.0.0', to: '1.0.0' }).url).toBe(v1);
  });
});

describe('options, checked before any work', () => {
  test.each([
    [
      () => convertUrl(42 as never, { to: '2.0.0' }),
      'INVALID_ARGUMENT',
      'url must be a string, not the number 42',
    ],
    [
      () => convertUrl('/a', 42 as never),
      'INVALID_ARGUMENT',
      'options must be an object, not the number 42',
    ],
    [
      () => convertUrl('/a', [] as never),
      'INVALID_ARGUMENT',
      'options must be an object, not an array',
    ],
    [
      () => convertUrl('/a', null as never),
      'INVALID_ARGUMENT',
      'options must be an object, not null',
    ],
    [
      () => convertUrl('/a', { to: '2.0.0', maxLength: '5' as never }),
      'INVALID_ARGUMENT',
      'options.maxLength must be a number, not the string "5"',
    ],
    [
      () => convertUrl('/a', { to: '3.0.0' as never }),
      'INVALID_VERSION',
      'unsupported target version 3.0.0',
    ],
    [
      () => convertUrl('/a', {} as never),
      'INVALID_VERSION',
      'unsupported target version undefined',
    ],
    [
      () => convertUrl('/a', { to: '2.0.0', from: '0.1' as never }),
      'INVALID_VERSION',
      'unsupported source version 0.1',
    ],
    [
      () => convertUrl('/a', { to: '2.0.0', httpMethod: 5 as never }),
      'INVALID_ARGUMENT',
      'options.httpMethod must be a string, not the number 5',
    ],
  ])('%s: %s', (run, code, message) => {
    const error = thrown(run, RestliError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test('a valid from and httpMethod are taken', () => {
    expect(convertUrl('/a', { to: '2.0.0', from: '1.0.0', httpMethod: 'get' })).toEqual({
      url: '/a',
      from: '1.0.0',
      to: '2.0.0',
      warnings: [],
    });
  });
});

describe('with an IDL, the HTTP verb and the form of the URL choose the method', () => {
  // Each method declares its own array parameter: in the translation only the chosen method's
  // parameter is a List; when no method can be told (no verb, a POST without a key, a verb
  // Rest.li has no method for), every method's parameters apply.
  const ARRAY = '{ "type" : "array", "items" : "string" }';
  const PARAMS: Record<string, string> = {
    get: 'g',
    batch_get: 'bg',
    get_all: 'ga',
    update: 'u',
    batch_update: 'bu',
    delete: 'd',
    batch_delete: 'bd',
    partial_update: 'pu',
    batch_partial_update: 'bpu',
  };
  const items: Restspec = {
    name: 'items',
    path: '/items',
    collection: {
      identifier: { name: 'id', type: 'string' },
      supports: Object.keys(PARAMS),
      methods: Object.entries(PARAMS).map(([method, name]) => ({
        method,
        parameters: [{ name, type: ARRAY }],
      })),
      entity: { path: '/items/{id}' },
    },
  } as Restspec;
  const settings: Restspec = {
    name: 'settings',
    path: '/settings',
    simple: {
      supports: ['get', 'update'],
      methods: [
        { method: 'get', parameters: [{ name: 'g', type: ARRAY }] },
        { method: 'update', parameters: [{ name: 'u', type: ARRAY }] },
      ],
      entity: { path: '/settings' },
    },
  } as Restspec;
  const query = Object.values(PARAMS)
    .map((name) => `${name}=1`)
    .join('&');

  test.each([
    ['GET', '/items/k', 'get'],
    ['GET', '/items?ids=a&ids=b', 'batch_get'],
    ['GET', '/items', 'get_all'],
    ['get', '/items/k', 'get'],
    ['PUT', '/items/k', 'update'],
    ['PUT', '/items?ids=a&ids=b', 'batch_update'],
    ['DELETE', '/items/k', 'delete'],
    ['DELETE', '/items?ids=a&ids=b', 'batch_delete'],
    ['POST', '/items/k', 'partial_update'],
    ['POST', '/items?ids=a&ids=b', 'batch_partial_update'],
    ['POST', '/items', undefined],
    ['PATCH', '/items/k', undefined],
    [undefined, '/items/k', undefined],
    ['GET', '/settings', 'get'],
    ['PUT', '/settings', 'update'],
  ] as const)('%s %s: %s', (verb, path, method) => {
    const url = `${path}${path.includes('?') ? '&' : '?'}${query}`;
    const { url: out } = convertUrl(url, {
      to: '2.0.0',
      from: '1.0.0',
      resources: [items, settings],
      ...(verb ? { httpMethod: verb } : {}),
    });
    const lists = Object.values(PARAMS).filter(
      (name) => out.includes(`&${name}=List(1)`) || out.includes(`?${name}=List(1)`),
    );
    expect(lists).toEqual(method === undefined ? Object.values(PARAMS) : [PARAMS[method]]);
  });
});

describe('what convertUrl reports besides the URL', () => {
  test("a key's guessed kind is worth a warning only when the version changes", () => {
    const guessed = {
      code: 'KEY_KIND_GUESSED',
      message: 'read as a compound key from its form; without an IDL it could also be a string key',
    };
    expect(convertUrl('/people/a=1&b=2', { to: '1.0.0', from: '1.0.0' }).warnings).toEqual([]);
    expect(convertUrl('/people/(a:1,b:2)', { to: '2.0.0', from: '2.0.0' }).warnings).toEqual([]);
    expect(convertUrl('/people/a=1&b=2', { to: '2.0.0', from: '1.0.0' }).warnings).toEqual([
      { ...guessed, where: 'a=1&b=2' },
    ]);
    expect(convertUrl('/people/(a:1,b:2)', { to: '1.0.0', from: '2.0.0' }).warnings).toEqual([
      { ...guessed, where: '(a:1,b:2)' },
    ]);
  });

  test('a path no loaded IDL matches: a warning naming it, and the heuristics', () => {
    const items: Restspec = {
      name: 'items',
      path: '/items',
      collection: {
        identifier: { name: 'id', type: 'string' },
        supports: ['get'],
        entity: { path: '/items/{id}' },
      },
    };
    expect(convertUrl('/nope/1', { to: '2.0.0', resources: [items] }).warnings).toEqual([
      {
        code: 'RESOURCE_NOT_FOUND',
        where: '/nope/1',
        message: 'no loaded IDL matches this path; heuristics apply',
      },
    ]);
  });

  test('the `?` stays when the query was empty, and goes when only ignored pieces were there', () => {
    expect(convertUrl('/a?', { to: '2.0.0' }).url).toBe('/a?');
    expect(convertUrl('/a?=1', { to: '2.0.0' }).url).toBe('/a');
    expect(convertUrl('/a', { to: '2.0.0' }).url).toBe('/a');
  });

  test('the detection is reported when the source version was detected, not when given', () => {
    expect(convertUrl('/a?ids=List(1)', { to: '1.0.0' })).toEqual({
      url: '/a?ids=1',
      from: '2.0.0',
      to: '1.0.0',
      warnings: [],
      detection: {
        version: '2.0.0',
        evidence: [{ version: '2.0.0', reason: 'a List(…) value', where: 'ids' }],
      },
    });
    expect('detection' in convertUrl('/a?ids=List(1)', { to: '1.0.0', from: '2.0.0' })).toBe(false);
  });
});

describe('keys without an IDL', () => {
  test.each([
    // A plain segment is a string key: nothing to say.
    ['/people/abc', '1.0.0', '2.0.0', '/people/abc', []],
    [
      '/people/a=1&b=2',
      '1.0.0',
      '2.0.0',
      '/people/(a:1,b:2)',
      [
        {
          code: 'KEY_KIND_GUESSED',
          where: 'a=1&b=2',
          message:
            'read as a compound key from its form; without an IDL it could also be a string key',
        },
      ],
    ],
    // The form of a compound key, but not one (a part without `=`): a string key, said so.
    [
      '/people/a=1&b',
      '1.0.0',
      '2.0.0',
      '/people/a=1&b',
      [
        {
          code: 'KEY_KIND_GUESSED',
          where: 'a=1&b',
          message:
            'read as a string key: its form suggests a compound key, but it does not read as one',
        },
      ],
    ],
    // The 2.0 empty key `''` is the empty string: as the last 1.0 segment it vanishes.
    [
      "/people/''",
      '2.0.0',
      '1.0.0',
      '/people',
      [
        {
          code: 'EMPTY_KEY_DROPPED',
          where: "''",
          message: 'an empty last key has no 1.0 path form: its segment vanishes',
        },
      ],
    ],
    ["/people/''/x", '2.0.0', '1.0.0', '/people//x', []],
    // The last key is the last non-empty segment: a trailing `/` does not save it.
    [
      "/people/''/",
      '2.0.0',
      '1.0.0',
      '/people/',
      [
        {
          code: 'EMPTY_KEY_DROPPED',
          where: "''",
          message: 'an empty last key has no 1.0 path form: its segment vanishes',
        },
      ],
    ],
    // Two apostrophes escaped are a two-apostrophe key, not the empty one.
    ['/people/%27%27', '2.0.0', '1.0.0', '/people/%27%27', []],
    // 1.0 to 1.0: the empty key keeps its form, and its kind needs no warning.
    ['/a//b', '1.0.0', '1.0.0', '/a//b', []],
  ] as const)('%s from %s to %s is %s', (url, from, to, expected, warnings) => {
    expectConversion(url, { from, to }, expected, warnings);
  });
});

describe('batch ids, with and without an IDL', () => {
  const items: Restspec = {
    name: 'items',
    path: '/items',
    collection: {
      identifier: { name: 'id', type: 'string' },
      supports: ['batch_get'],
      entity: { path: '/items/{id}' },
    },
  };
  const compoundGuess = (id: string) => ({
    code: 'KEY_KIND_GUESSED',
    where: 'ids',
    message: `id '${id}' read as a compound key; without an IDL it could be a string`,
  });
  const mapWritten = {
    code: 'KEY_KIND_GUESSED',
    where: 'ids',
    message: 'a map id written as a 1.0 compound key; a complex key would be flattened instead',
  };

  test.each([
    // 1.0 -> 2.0. Without an IDL, an id in the form of a compound key is read as one, said so.
    [
      '/items?ids=a%3D1%26b%3D2&ids=c',
      '1.0.0',
      undefined,
      '/items?ids=List((a:1,b:2),c)',
      [compoundGuess('a=1&b=2')],
    ],
    // The form, but not a compound key (a part without `=`): a string id.
    ['/items?ids=a%3D1%26b&ids=c', '1.0.0', undefined, '/items?ids=List(a%3D1%26b,c)', []],
    // The IDL says string keys: the same id stays a string, nothing to say.
    ['/items?ids=a%3D1%26b%3D2&ids=c', '1.0.0', items, '/items?ids=List(a%3D1%26b%3D2,c)', []],
    ['/pairs?ids=a%3Dx%26b%3D2', '1.0.0', pairs, '/pairs?ids=List((a:x,b:2))', []],
    ['/items?ids=x', '1.0.0', undefined, '/items?ids=List(x)', []],
    // 2.0 -> 1.0. A map id without an IDL is written as a compound key, said so; with $params
    // or a nested value it is a complex key, flattened.
    [
      '/items?ids=List((a:1,b:2),c)',
      '2.0.0',
      undefined,
      '/items?ids=a%3D1%26b%3D2&ids=c',
      [mapWritten],
    ],
    ['/pairs?ids=List((a:x,b:2))', '2.0.0', pairs, '/pairs?ids=a%3Dx%26b%3D2', []],
    [
      '/items?ids=List(($params:(x:1),a:1))',
      '2.0.0',
      undefined,
      '/items?ids%5B0%5D.$params.x=1&ids%5B0%5D.a=1',
      [],
    ],
    ['/items?ids=List((a:(b:1)))', '2.0.0', undefined, '/items?ids%5B0%5D.a.b=1', []],
  ] as const)('%s from %s', (url, from, idl, expected, warnings) => {
    const to = from === '1.0.0' ? '2.0.0' : '1.0.0';
    expectConversion(url, { from, to, ...(idl ? { resources: [idl] } : {}) }, expected, warnings);
  });

  test('an id the IDL declares compound but which is not one is an error at the id in the URL', () => {
    const error = thrown(() =>
      convertUrl('/pairs?ids=a%3D1%26b', { from: '1.0.0', to: '2.0.0', resources: [pairs] }),
    );
    // The part `b` is decoded offset 4 of the id, raw offset 8; the id starts at offset 11.
    expect([error.code, error.reason, error.input, error.offset]).toEqual([
      'INVALID_KEY_FORMAT',
      "Bad key format 'a=1&b' (in the id 'a%3D1%26b')",
      '/pairs?ids=a%3D1%26b',
      19,
    ]);
  });
});

describe('which path segments are keys without an IDL', () => {
  const emptyKey = {
    code: 'KEY_KIND_GUESSED',
    where: '',
    message: 'an empty 1.0 path segment read as the empty string key',
  };
  test.each([
    // Empty paths, and a trailing `/`, have no keys.
    ['//', '1.0.0', '//', []],
    ['/', '1.0.0', '/', []],
    ['/a//', '1.0.0', '/a//', []],
    // An empty 1.0 segment between two others is the Java client's empty string key.
    ['/a//b', '1.0.0', "/a/''/b", [emptyKey]],
    ['a//b', '1.0.0', "a/''/b", [emptyKey]],
    // In 2.0 the empty key is `''`: an empty segment is only an empty segment.
    ['/a//b', '2.0.0', '/a//b', []],
    // Plain words stay; anything else is a key, rewritten for the target version.
    ['/a/b.c-d_e', '1.0.0', '/a/b.c-d_e', []],
    ['/a/b+c', '1.0.0', '/a/b%20c', []],
    ['/a/b%20c/', '1.0.0', '/a/b%20c/', []],
  ] as const)('%s from %s is %s', (url, from, expected, warnings) => {
    expectConversion(url, { from, to: from === '1.0.0' ? '2.0.0' : '1.0.0' }, expected, warnings);
  });
});

describe('the query, with the operation known', () => {
  const greetings = greetingsIdl([
    { name: 'tags', type: ARRAY_OF_STRINGS },
    { name: 'tone', type: 'string' },
    { name: 'opts', type: '{ "type" : "map", "values" : "string" }' },
    { name: 'maybe', type: ARRAY_OF_STRINGS, optional: true },
  ]);

  test('1.0 writes nothing for an empty list or map: a required one that is absent was empty', () => {
    const url = '/greetings?q=search&tone=warm';
    const resources = [greetings];
    expect(convertUrl(url, { from: '1.0.0', to: '2.0.0', resources }).url).toBe(
      '/greetings?opts=()&q=search&tags=List()&tone=warm',
    );
    // From 2.0 an absent parameter is absent: nothing is added.
    expect(convertUrl(url, { from: '2.0.0', to: '2.0.0', resources }).url).toBe(url);
    expect(convertUrl(url, { from: '2.0.0', to: '1.0.0', resources }).url).toBe(url);
  });

  test('2.0 -> 1.0: batch ids and values 1.0 cannot write are refused, others pass', () => {
    const refuse = (url: string, message: string) => {
      const error = thrown(() => convertUrl(url, { from: '2.0.0', to: '1.0.0' }), RestliError);
      expect([error.code, error.message]).toEqual(['UNTRANSLATABLE', message]);
    };
    refuse(
      '/a?ids=List(List(1))',
      "'ids' is a list of lists: protocol 1.0 writes it in a form no 1.0 server reads",
    );
    refuse(
      '/a?x=List(List(1))',
      "'x' is a list of lists: protocol 1.0 writes it in a form no 1.0 server reads",
    );
    for (const ids of ['List(a,(b:(c:1)))', 'List((b:(c:1)),a)']) {
      refuse(
        `/a?ids=${ids}`,
        "'ids' mixes plain and map keys: protocol 1.0 writes them in a form no 1.0 server reads",
      );
    }
    // Reading 2.0 as 2.0 nothing is refused.
    expect(convertUrl('/a?ids=List(a,(b:(c:1)))', { from: '2.0.0', to: '2.0.0' }).url).toBe(
      '/a?ids=List(a,(b:(c:1)))',
    );
    // A lone id, a projection and a complex id with a list pass.
    expect(convertUrl('/a?ids=x', { from: '2.0.0', to: '1.0.0' }).url).toBe('/a?ids=x');
    expect(convertUrl('/a?fields=a,b:(c)&x=1', { from: '2.0.0', to: '1.0.0' }).url).toBe(
      '/a?fields=a,b:(c)&x=1',
    );
    expect(convertUrl('/a?ids=List((a:List(1)))', { from: '2.0.0', to: '1.0.0' }).url).toBe(
      '/a?ids%5B0%5D.a%5B0%5D=1',
    );
  });
});

describe('what the translation loses, in full', () => {
  test('2.0 -> 1.0: order, one-element lists and empty containers at the root', () => {
    const r = convertUrl('/a?x=List(b,a)&y=List(1)&z=List()&w=()&n=(k:List())', {
      from: '2.0.0',
      to: '1.0.0',
    });
    expect(r.url).toBe('/a?x=a&x=b&y=1');
    expect(r.warnings).toEqual([
      {
        code: 'LIST_ORDER_CHANGED',
        where: 'x',
        message: "1.0 writes the values of 'x' sorted: their order is lost",
      },
      {
        code: 'ONE_ELEMENT_LIST',
        where: 'y',
        message:
          "1.0 writes a one-element list 'y' like a scalar; without an IDL it reads back as one",
      },
      {
        code: 'EMPTY_CONTAINER_DROPPED',
        where: 'z',
        message: '1.0 writes nothing for an empty list',
      },
      {
        code: 'EMPTY_CONTAINER_DROPPED',
        where: 'w',
        message: '1.0 writes nothing for an empty map',
      },
      {
        code: 'EMPTY_CONTAINER_DROPPED',
        where: 'n.k',
        message: '1.0 writes nothing for an empty list',
      },
    ]);
    // Below the root 1.0 indexes list elements: their order survives.
    const nested = convertUrl('/a?x=(s:List(b,a))', { from: '2.0.0', to: '1.0.0' });
    expect(nested.url).toBe('/a?x.s%5B0%5D=b&x.s%5B1%5D=a');
    expect(nested.warnings).toEqual([]);
  });

  test('1.0 -> 2.0: single values kept as scalars, said so; indexed ones are lists', () => {
    const r = convertUrl('/a?x=1&y[0]=2&z.q=3', { from: '1.0.0', to: '2.0.0' });
    expect(r.url).toBe('/a?x=1&y=List(2)&z=(q:3)');
    expect(r.warnings).toEqual([assumedScalar('x'), assumedScalar('z.q')]);
    // Batch ids are a list whatever their count.
    expect(convertUrl('/a?ids=1', { from: '1.0.0', to: '2.0.0' })).toMatchObject({
      url: '/a?ids=List(1)',
      warnings: [],
    });
  });

  test('1.0 -> 2.0: a complex key guessed without an IDL keeps its scalars, said so', () => {
    const r = convertUrl('/people/a.b=1&c=2', { from: '1.0.0', to: '2.0.0' });
    expect(r.url).toBe('/people/(a:(b:1),c:2)');
    expect(r.warnings).toEqual([
      {
        code: 'KEY_KIND_GUESSED',
        where: 'a.b=1&c=2',
        message:
          'read as a complex key from its form; without an IDL it could also be a string key',
      },
      {
        code: 'SINGLE_VALUE_ASSUMED_SCALAR',
        where: 'a.b=1&c=2',
        message:
          'a 1.0 complex key writes one-element lists as scalars; without an IDL they stay scalars',
      },
    ]);
  });
});

describe('1.0 single values against the types an IDL declares', () => {
  const record = (name: string) =>
    `{ "type" : "record", "name" : "${name}", "fields" : [ { "name" : "a", "type" : { "type" : "array", "items" : "string" } }, { "name" : "n", "type" : "int" } ] }`;
  const things: Restspec = {
    name: 'things',
    path: '/things',
    collection: {
      identifier: { name: 'id', type: 'string' },
      supports: [],
      finders: [
        {
          name: 'f',
          parameters: [
            { name: 'p', type: record('P') },
            {
              name: 'm',
              type: '{ "type" : "map", "values" : { "type" : "array", "items" : "string" } }',
            },
            { name: 'r', type: `{ "type" : "array", "items" : ${record('R')} }` },
            { name: 's', type: 'string' },
          ],
        },
      ],
      entity: { path: '/things/{id}' },
    },
  } as Restspec;

  test.each([
    // Arrays found through record fields, map values and array items become lists.
    [
      '/things?q=f&p.a=1&p.n=2&m.k=3&r[0].a=4&s=5',
      '/things?m=(k:List(3))&p=(a:List(1),n:2)&q=f&r=List((a:List(4)))&s=5',
      [],
    ],
    // A field or parameter the IDL does not declare is assumed scalar, said so.
    ['/things?q=f&p.z=1', '/things?m=()&p=(z:1)&q=f&r=List()', [assumedScalar('p.z')]],
    ['/things?q=f&x=1', '/things?m=()&p=()&q=f&r=List()&x=1', [assumedScalar('x')]],
  ] as const)('%s', (url, expected, warnings) => {
    const r = convertUrl(url, { from: '1.0.0', to: '2.0.0', resources: [things] });
    expect(r.url).toBe(expected);
    expect(r.warnings).toEqual(warnings);
  });

  test('parameters that are scalars in every resource need no warning, at the root only', () => {
    const r = convertUrl(
      '/a?start=0&count=10&altkey=x&$returnEntity=true&$fillInDefaults=true&q=s&bq=b&action=x&other=1&x.start=1',
      { from: '1.0.0', to: '2.0.0' },
    );
    expect(r.url).toBe(
      '/a?$fillInDefaults=true&$returnEntity=true&action=x&altkey=x&bq=b&count=10&other=1&q=s&start=0&x=(start:1)',
    );
    expect(r.warnings).toEqual([assumedScalar('other'), assumedScalar('x.start')]);
  });
});
