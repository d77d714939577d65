/**
 * Query parameters, batch ids and complex keys in translation (convertUrl, spec d.3, d.5, e.1,
 * e.5; docs/decisions.md, "Translation"): which kind each batch id is read as, with and without
 * an IDL; what a 1.0 complex key's scalars say; which parameter types settle a 1.0 single value;
 * and that the losses of protocol 1.0 are checked, and reported, only when 2.0 is translated to
 * 1.0. Every expected URL and warning is worked out by hand from those rules.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RestliSyntaxError } from '../../src/errors.ts';
import type { ProtocolVersionText } from '../../src/internal/version-text.ts';
import { type ConvertWarning, convertUrl } from '../../src/migrate/convert.ts';
import type { Restspec } from '../../src/migrate/idl.ts';
import { thrown } from '../helpers/errors.ts';
import { expectConversion } from './conversion.ts';
import { ARRAY_OF_STRINGS, assumedScalar, guessedKind, V1, V2 } from './expected.ts';
import { pairs } from './idls.ts';

/** The members snapshot: a complex key `{ id: long, tags: string[] }` with `$params`. */
const members = JSON.parse(
  readFileSync(
    new URL('../fixtures/idl/com.example.members.snapshot.json', import.meta.url),
    'utf8',
  ),
);

/** A simple resource: no key at all. */
const settings = {
  name: 'settings',
  path: '/settings',
  simple: { supports: ['get'], entity: { path: '/settings' } },
} as Restspec;

/** A collection whose `get_all` takes the array `tags`. */
const items = {
  name: 'items',
  path: '/items',
  collection: {
    identifier: { name: 'id', type: 'string' },
    supports: ['get_all'],
    methods: [{ method: 'get_all', parameters: [{ name: 'tags', type: ARRAY_OF_STRINGS }] }],
    entity: { path: '/items/{id}' },
  },
} as Restspec;

/** A collection whose finder `f` takes `r`, a list of records whose field `a` is an array. */
const things = {
  name: 'things',
  path: '/things',
  collection: {
    identifier: { name: 'id', type: 'string' },
    supports: [],
    finders: [
      {
        name: 'f',
        parameters: [
          {
            name: 'r',
            type: `{ "type" : "array", "items" : { "type" : "record", "name" : "R", "fields" : [ { "name" : "a", "type" : ${ARRAY_OF_STRINGS} } ] } }`,
            optional: true,
          },
        ],
      },
    ],
    entity: { path: '/things/{id}' },
  },
} as Restspec;

type Row = readonly [
  url: string,
  from: ProtocolVersionText,
  to: ProtocolVersionText,
  idl: Restspec | undefined,
  expected: string,
  warnings: readonly ConvertWarning[],
];

function check(...[url, from, to, idl, expected, warnings]: Row): void {
  expectConversion(url, { from, to, ...(idl ? { resources: [idl] } : {}) }, expected, warnings);
}

const guessedComplex = (where: string) => guessedKind('complex', where);

describe('batch ids, by the kind of key the resource has (spec d.5)', () => {
  test.each([
    ['List(x)', 'x', 'x'],
    // Written to 1.0, this one would be the compound key {a: x, b: 2} for a 1.0 server.
    ['List(a%3Dx%26b%3D2)', 'a=x&b=2', 'a%3Dx%26b%3D2'],
  ])('a 2.0 string id where the IDL declares a compound key is refused: ids=%s', (ids, id, raw) => {
    for (const to of [V1, V2] as const) {
      const url = `/pairs?ids=${ids}`;
      const error = thrown(
        () => convertUrl(url, { from: V2, to, resources: [pairs] }),
        RestliSyntaxError,
      );
      // At the id in the URL: `/pairs?ids=List(` is 16 characters.
      expect([error.code, error.reason, error.input, error.offset]).toEqual([
        'INVALID_COMPOUND_KEY',
        `input '${id}' is not a valid CompoundKey (in the id '${raw}')`,
        url,
        16,
      ]);
    }
  });

  test.each([
    // A simple resource has no key to declare a kind: the id stays what it reads as, a string.
    ['/settings?ids=x', V1, V2, settings, '/settings?ids=List(x)', []],
    // A 1.0 id written as a map is the map: with an association IDL, the compound key (a:x,b:2),
    // which 1.0 writes as the text `a=x&b=2` escaped once more (spec d.5).
    ['/pairs?ids[0].a=x&ids[0].b=2', V1, V2, pairs, '/pairs?ids=List((a:x,b:2))', []],
    ['/pairs?ids[0].a=x&ids[0].b=2', V1, V1, pairs, '/pairs?ids=a%3Dx%26b%3D2', []],
    // `$params` makes a map id a complex key, whatever its value: flattened as a list of maps.
    [
      '/a?ids=List(($params:x,a:1))',
      V2,
      V1,
      undefined,
      '/a?ids%5B0%5D.$params=x&ids%5B0%5D.a=1',
      [],
    ],
    // Inside a complex id 1.0 drops an empty list: the warning names it by its index in `ids`.
    [
      '/a?ids=List((a:List(),b:1))',
      V2,
      V1,
      undefined,
      '/a?ids%5B0%5D.b=1',
      [
        {
          code: 'EMPTY_CONTAINER_DROPPED',
          where: 'ids[0].a',
          message: '1.0 writes nothing for an empty list',
        },
      ],
    ],
  ] as const satisfies readonly Row[])('%s from %s to %s', check);
});

describe("a 1.0 complex key's scalars without an IDL (spec d.3, e.1)", () => {
  test.each([
    // Only a field at the key's root can be a one-element list written as a scalar: below the
    // root 1.0 indexes list elements (`a.b[0]=1`), so `a.b=1` is a scalar, nothing to say.
    ['/people/a.b=1', V1, V2, undefined, '/people/(a:(b:1))', [guessedComplex('a.b=1')]],
    // `$params` is the params record, never a list.
    [
      '/people/$params=x&a.b=1',
      V1,
      V2,
      undefined,
      '/people/($params:x,a:(b:1))',
      [guessedComplex('$params=x&a.b=1')],
    ],
  ] as const satisfies readonly Row[])('%s from %s to %s', check);
});

describe('the losses of 1.0 are checked from 2.0 to 1.0 only (docs/decisions.md)', () => {
  test.each([
    // 2.0 to 2.0 keeps a complex key's list as it is, in its order.
    ['/people/(a:List(b,a))', V2, V2, undefined, '/people/(a:List(b,a))', []],
    // 1.0 to 1.0: the key as the Java 1.0 client writes it, values sorted (spec e.3).
    [
      '/v2/members/$params.version=1&id=7&tags=b&tags=a',
      V1,
      V1,
      members,
      '/v2/members/$params.version=1&id=7&tags=a&tags=b',
      [],
    ],
    // 1.0 to 1.0: repeated values sorted, a one-element list as its one value (spec e.1, e.3;
    // a 1.0 server takes a scalar for a one-element list, spec i.3).
    ['/a?x=b&x=a&y[0]=2', V1, V1, undefined, '/a?x=a&x=b&y=2', []],
    // A projection is a mask, copied as its text (spec f.4): its empty sub-mask is no empty map.
    ['/a?fields=a:()&x=1', V2, V1, undefined, '/a?fields=a:()&x=1', []],
    // Equal values in a row are in order: nothing is lost by sorting them.
    ['/a?x=List(a,a)', V2, V1, undefined, '/a?x=a&x=a', []],
    // The empty string is a value, not an empty container: nothing is dropped.
    ["/a?x=''", V2, V1, undefined, '/a?x', []],
  ] as const satisfies readonly Row[])('%s from %s to %s', check);

  test('a compound key with a list part has no form in either version: refused at the key', () => {
    // The key starts at offset 7 of the URL; the part is named in the reason.
    for (const to of [V1, V2] as const) {
      const error = thrown(
        () => convertUrl('/pairs/(a:List(List(x)),b:2)', { from: V2, to, resources: [pairs] }),
        RestliSyntaxError,
      );
      expect([error.code, error.offset, error.reason]).toEqual([
        'UNSUPPORTED_VALUE',
        7,
        "object is not a primitive key value at $.a of the key '(a:List(List(x)),b:2)'",
      ]);
    }
  });
});

describe('an error in one of the ids is placed at that id in the URL', () => {
  // Offsets: `/pairs?` is 7 characters; each row's comment says where the caret goes.
  test.each([
    // 2.0 to 1.0: a compound id with a list part has no 1.0 form; at the element of List(…).
    [
      '/pairs?ids=List((a:x,b:1),(a:List(List(x)),b:2))',
      V2,
      V1,
      [
        'UNSUPPORTED_VALUE',
        26,
        "object is not a primitive key value at $.a of the id '(a:List(List(x)),b:2)'",
      ],
    ],
    // A 2.0 string id where the IDL declares a compound key: at the string.
    [
      '/pairs?x=1&ids=List(abc,(a:x,b:2))',
      V2,
      V1,
      ['INVALID_COMPOUND_KEY', 20, "input 'abc' is not a valid CompoundKey (in the id 'abc')"],
    ],
    // 1.0: each id is a piece of its own; a bad escape inside the second one, at its `z`.
    [
      '/pairs?x=1&ids=a%3Dx%26b%3D2&ids=a%3D%25zz',
      V1,
      V2,
      [
        'MALFORMED_ESCAPE',
        40,
        'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz" (in the id \'a%3D%25zz\')',
      ],
    ],
    // A 2.0 `ids` that is no List(…): the whole value is the id.
    [
      '/pairs?ids=abc',
      V2,
      V1,
      ['INVALID_COMPOUND_KEY', 11, "input 'abc' is not a valid CompoundKey (in the id 'abc')"],
    ],
    // A 1.0 id written as a map: at the name of its first piece.
    [
      '/pairs?x=1&ids[0].a[0]=x&ids[0].b=2',
      V1,
      V1,
      [
        'UNSUPPORTED_VALUE',
        11,
        "object is not a primitive key value at $.a of the id 'ids[0].a[0]'",
      ],
    ],
    // 1.0: a part without its value, at the part (decoded offset 4 is raw offset 8 of the id).
    [
      '/pairs?ids=a%3Dx%26b',
      V1,
      V2,
      ['INVALID_KEY_FORMAT', 19, "Bad key format 'a=x&b' (in the id 'a%3Dx%26b')"],
    ],
  ] as const)('%s from %s to %s', (url, from, to, [code, offset, reason]) => {
    const error = thrown(
      () => convertUrl(url, { from, to, resources: [pairs] }),
      RestliSyntaxError,
    );
    expect([error.code, error.offset, error.reason, error.input]).toEqual([
      code,
      offset,
      reason,
      url,
    ]);
  });
});

describe('1.0 single values, by the parameters the operation declares (spec e.5)', () => {
  test.each([
    // `q` names a finder only as a string: a map `q` leaves the method's parameters in force,
    // and `get_all` declares `tags` an array.
    ['/items?q.x=1&tags=a', V1, V2, items, '/items?q=(x:1)&tags=List(a)', [assumedScalar('q.x')]],
    // `count`, `start` … are scalars at the root only: a field below them is guessed, said so.
    ['/a?count.x=1', V1, V2, undefined, '/a?count=(x:1)', [assumedScalar('count.x')]],
    [
      '/things?q=f&start.x=1',
      V1,
      V2,
      things,
      '/things?q=f&start=(x:1)',
      [assumedScalar('start.x')],
    ],
    // Each element of a list of records is typed on its own: both `a` fields are arrays.
    [
      '/things?q=f&r[0].a=4&r[1].a=5',
      V1,
      V2,
      things,
      '/things?q=f&r=List((a:List(4)),(a:List(5)))',
      [],
    ],
  ] as const satisfies readonly Row[])('%s from %s to %s', check);
});

describe('what the translation must not change or leave unsaid (found by the mutation check)', () => {
  /** The members restspec alone: it names the key's record but does not hold it. */
  const bareMembers = JSON.parse(
    readFileSync(
      new URL('../fixtures/idl/com.example.members.restspec.json', import.meta.url),
      'utf8',
    ),
  );
  const unknownRecord = (where: string): ConvertWarning => ({
    code: 'SINGLE_VALUE_ASSUMED_SCALAR',
    where,
    message:
      "a 1.0 complex key writes one-element lists as scalars; the IDL does not hold the key's record, so they stay scalars",
  });
  const noIdl = (where: string): ConvertWarning => ({
    code: 'SINGLE_VALUE_ASSUMED_SCALAR',
    where,
    message:
      'a 1.0 complex key writes one-element lists as scalars; without an IDL they stay scalars',
  });

  test.each([
    // An IDL that does not hold the key's record cannot say which fields are arrays: the scalars
    // stay, said so, as the query's single values are (`tags` is an array in MemberKey).
    [
      '/v2/members/$params.version=1&id=7&tags=a',
      V1,
      V2,
      bareMembers,
      '/v2/members/($params:(version:1),id:7,tags:a)',
      [unknownRecord('$params.version=1&id=7&tags=a')],
    ],
    [
      '/v2/members?ids[0].id=7&ids[0].tags=a',
      V1,
      V2,
      bareMembers,
      '/v2/members?ids=List((id:7,tags:a))',
      [unknownRecord('ids')],
    ],
    // 1.0 writes a compound id as a string, so a map id read from 1.0 is a complex key: written
    // back to 1.0 it stays indexed (it was turned into the compound string `a%3Dx%26b%3D2`,
    // which a 1.0 server reads as another key), and to 2.0 its scalars are said to be guesses.
    ['/a?ids[0].a=x&ids[0].b=2', V1, V1, undefined, '/a?ids%5B0%5D.a=x&ids%5B0%5D.b=2', []],
    ['/a?ids[0].a=x&ids[0].b=2', V1, V2, undefined, '/a?ids=List((a:x,b:2))', [noIdl('ids')]],
    // 1.0 to 1.0 without an IDL: a string id that reads as a compound key stays as written (its
    // parts were sorted, which changes it if it is the string `b=2&a=1`).
    ['/a?ids=b%3D2%26a%3D1', V1, V1, undefined, '/a?ids=b%3D2%26a%3D1', []],
    // 1.0 to 1.0: single values stay single values; the warnings about 2.0's lists do not apply.
    ['/a?x=1', V1, V1, undefined, '/a?x=1', []],
    ['/people/a.b=1&c=2', V1, V1, undefined, '/people/a.b=1&c=2', []],
  ] as Row[])('%s from %s to %s', (...row) => check(...row));
});
