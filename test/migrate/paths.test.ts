/**
 * Path segments and keys in translation (spec d, e.5; docs/decisions.md), with and without an IDL:
 * which segments are keys, whether a key is a parent key or the entity key (which decides the
 * Rest.li method, and so which parameters the IDL declares), the kind a key is read as, and the
 * source version taken when none is given. Expected URLs and warnings are worked out by hand from
 * the spec's escaping tables (b.2, b.3) and key forms (d.1–d.4).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type ConvertWarning, convertUrl } from '../../src/migrate/convert.ts';
import type { Restspec } from '../../src/migrate/idl.ts';
import { expectConversion } from './conversion.ts';
import { ARRAY_OF_STRINGS, assumedScalar, guessedKind, V1, V2 } from './expected.ts';

const guessedCompound = (where: string) => guessedKind('compound', where);

describe('with an IDL, the template says which segments are keys, and of what kind', () => {
  // A template that begins with a placeholder (a tenant before the resource name): that segment
  // is a key, read in the source version and written in the target one (spec d.4).
  const tenantThings: Restspec = {
    name: 'things',
    path: '/{tenant}/things',
    collection: { identifier: { name: 'thingsId', type: 'string' } },
  };
  // A template that names the resource's own key (its entity path given as the path): that
  // placeholder has the key's declared kind.
  const ownKey: Restspec = {
    name: 'items',
    path: '/items/{itemsId}',
    collection: { identifier: { name: 'itemsId', type: 'string' } },
  };
  // test/fixtures/idl: `members` (a complex key whose `tags` field is an array) with `posts`
  // under it (a collection keyed by a URN string).
  const members = JSON.parse(
    readFileSync(
      new URL('../fixtures/idl/com.example.members.snapshot.json', import.meta.url),
      'utf8',
    ),
  );
  // An actions set declares no key: a segment after its path is read by its form (spec e.5).
  const tools: Restspec = {
    name: 'tools',
    path: '/tools',
    actionsSet: { actions: [{ name: 'run' }] },
  };

  test.each([
    // [what, url, idl, translated 1.0 → 2.0, warnings]
    // After a base path (`/v2`), a complex parent key takes its record's shape (one `tags` is a
    // List), the entity key its own kind; a trailing `/` is no key (spec d.3, d.4).
    [
      'a parent key has its own kind and shape',
      '/v2/members/$params.version=1&id=7&tags=a/posts/urn%3Ali%3Apost%3A1/',
      members,
      '/v2/members/($params:(version:1),id:7,tags:List(a))/posts/urn%3Ali%3Apost%3A1/',
      [],
    ],
    // `+` is a space in a 1.0 key (d.1), `%20` in a 2.0 path.
    ['a leading placeholder is a key', '/a+b/things/c+d', tenantThings, '/a%20b/things/c%20d', []],
    // A string key keeps `=` and `&`, which a 2.0 path writes raw (b.2).
    ['the own key placeholder is a string key', '/items/a=1&b=2', ownKey, '/items/a=1&b=2', []],
    [
      'a key after a keyless resource is guessed',
      '/tools/a=1&b=2?action=run',
      tools,
      '/tools/(a:1,b:2)?action=run',
      [guessedCompound('a=1&b=2')],
    ],
  ] as const)('%s: %s', (_what, url, idl, expected, warnings) => {
    expectConversion(url, { from: V1, to: V2, resources: [idl] }, expected, warnings);
  });
});

describe('with an IDL, a parent key is not the entity key: the method, and its parameters', () => {
  // `replies` under `greetings`: GET with its own key is `get`, without it `get_all`, whatever
  // parent key the path holds (spec d.4, i.1). Each method declares its own array parameter, so
  // the one written as a List(…) names the method the IDL lookup chose.
  const greetings: Restspec = {
    name: 'greetings',
    path: '/greetings',
    collection: {
      identifier: { name: 'greetingsId', type: 'string' },
      entity: {
        path: '/greetings/{greetingsId}',
        subresources: [
          {
            name: 'replies',
            path: '/greetings/{greetingsId}/replies',
            collection: {
              identifier: { name: 'repliesId', type: 'string' },
              supports: ['get', 'get_all'],
              methods: [
                { method: 'get', parameters: [{ name: 'g', type: ARRAY_OF_STRINGS }] },
                { method: 'get_all', parameters: [{ name: 'ga', type: ARRAY_OF_STRINGS }] },
              ],
            },
          },
        ],
      },
    },
  };

  test.each([
    // [url, translated, warnings]
    ['/greetings/k/replies?g=1&ga=1', '/greetings/k/replies?g=1&ga=List(1)', [assumedScalar('g')]],
    [
      '/greetings/k/replies/r?g=1&ga=1',
      '/greetings/k/replies/r?g=List(1)&ga=1',
      [assumedScalar('ga')],
    ],
  ] as const)('GET %s is %s', (url, expected, warnings) => {
    const options = { from: V1, to: V2, resources: [greetings], httpMethod: 'GET' } as const;
    expectConversion(url, options, expected, warnings);
  });
});

describe('keys without an IDL: the kind the form suggests, and the fallbacks', () => {
  test.each([
    // [url, translated 1.0 → 2.0, warnings]
    // No `=`: a string key, never tried as anything else, though `a:1` is a legacy compound key
    // (d.2). `:` is escaped in a 2.0 path (b.2).
    ['/people/a:1', '/people/a%3A1', []],
    // A dotted name suggests a complex key, which `a.b` beside `a` is not, and `c` without `=`
    // is no compound key part: a string key, said so.
    [
      '/people/a.b=1&a=2&c',
      '/people/a.b=1&a=2&c',
      [
        {
          code: 'KEY_KIND_GUESSED',
          where: 'a.b=1&a=2&c',
          message:
            'read as a string key: its form suggests a complex key, but it does not read as one',
        },
      ],
    ],
  ] as const)('%s is %s', (url, expected, warnings) => {
    expectConversion(url, { from: V1, to: V2 }, expected, warnings);
  });
});

describe('the source version, when none is given', () => {
  test.each([
    // A URL that reads the same in both versions is taken as written in the other one.
    ['/people/3?count=10', V1, V2],
    ['/people/3?count=10', V2, V1],
  ] as const)('%s to %s is read as %s', (url, to, from) => {
    const result = convertUrl(url, { to });
    expect([result.url, result.from, result.warnings]).toEqual([url, from, []]);
  });

  test('a query with a 1.0 mark that only a 2.0 server reads is read as 2.0, said so', () => {
    const result = convertUrl('/p?a[x]=1', { to: V2 });
    expect(result.from).toBe(V2);
    expect(result.url).toBe('/p?a%5Bx%5D=1');
    expect(result.warnings).toEqual([
      {
        code: 'VERSION_GUESSED',
        where: 'a[x]=1',
        message: 'read as 2.0.0: its marks say 1.0.0, but only a 2.0.0 server reads the query',
      },
    ]);
  });
});

test('only the guesses about the other version go unsaid when the version stays: a path no IDL knows does not', () => {
  const items: Restspec = {
    name: 'items',
    path: '/items',
    collection: { identifier: { name: 'id', type: 'string' } },
  };
  const result = convertUrl('/nope/(a:1)', { from: V2, to: V2, resources: [items] });
  expect(result.url).toBe('/nope/(a:1)');
  expect(result.warnings).toEqual([
    {
      code: 'RESOURCE_NOT_FOUND',
      where: '/nope/(a:1)',
      message: 'no loaded IDL matches this path; heuristics apply',
    },
  ]);
});

describe('the path and the query around an IDL match (found by the mutation check)', () => {
  const items: Restspec = {
    name: 'items',
    path: '/items',
    collection: {
      identifier: { name: 'id', type: 'string' },
      supports: ['get'],
      methods: [{ method: 'get', parameters: [{ name: 'g', type: ARRAY_OF_STRINGS }] }],
    },
  };
  const tenant: Restspec = {
    name: 'things',
    path: '/{tenant}/things',
    collection: { identifier: { name: 'thingsId', type: 'string' } },
  };
  const only: Restspec = {
    name: 'r',
    path: '/{id}',
    collection: { identifier: { name: 'id', type: 'string' } },
  };
  const notFound = (path: string): ConvertWarning => ({
    code: 'RESOURCE_NOT_FOUND',
    where: path,
    message: 'no loaded IDL matches this path; heuristics apply',
  });

  test.each([
    // A required list absent from 1.0 was empty (spec e.5): 2.0 writes `List()`, with or
    // without a `?` in the source, before a fragment.
    ['/items/k', items, '/items/k?g=List()', []],
    ['/items/k?', items, '/items/k?g=List()', []],
    ['/items/k#f', items, '/items/k?g=List()#f', []],
    // The text before an absolute path's `/` is no segment: a template starting with a
    // placeholder does not match it (it was written `''`, before the `/`, changing the host).
    ['/things/x', tenant, '/things/x', [notFound('/things/x')]],
    ['http://h/things/x', tenant, 'http://h/things/x', [notFound('/things/x')]],
    ['http://h', only, 'http://h', [notFound('')]],
    ['http://h/x', only, 'http://h/x', []],
  ] as [string, Restspec, string, ConvertWarning[]][])('%s', (url, idl, expected, warnings) => {
    expectConversion(
      url,
      { from: V1, to: V2, resources: [idl], httpMethod: 'GET' },
      expected,
      warnings,
    );
  });
});
