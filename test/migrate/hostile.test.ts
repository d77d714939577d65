/**
 * Hostile and careless input to the migration entry points (issue 8): linear time, bounded
 * memory and nesting, and only RestliErrors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import { convertUrl } from '../../src/migrate/convert.ts';
import { detectVersion, MAX_EVIDENCE } from '../../src/migrate/detect.ts';
import { loadResources, type Restspec } from '../../src/migrate/idl.ts';
import { expectLinear, mutationRun } from '../helpers/linear.ts';

const members = JSON.parse(
  readFileSync(
    new URL('../fixtures/idl/com.example.members.snapshot.json', import.meta.url),
    'utf8',
  ),
);

function thrown(f: () => unknown): RestliError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(RestliError);
    return error as RestliError;
  }
  throw new Error('expected an error');
}

describe.skipIf(mutationRun)('linear time', () => {
  test('detectVersion of a value with many colons after a paren', () => {
    expectLinear((n) => detectVersion(`/a?x=(${':'.repeat(n)}`), 10_000);
  });

  test('detectVersion of key-like path segments', () => {
    expectLinear((n) => detectVersion(`/a/${'b=1&'.repeat(n)}c`), 5_000);
    expectLinear((n) => detectVersion(`/a/${'&'.repeat(n)}=`), 10_000);
  });

  test('convertUrl of many slashes', () => {
    expectLinear((n) => convertUrl(`${'/'.repeat(n)}x`, { to: '2.0.0' }), 20_000);
    expectLinear((n) => convertUrl(`${'/'.repeat(n)}x`, { to: '1.0.0', from: '2.0.0' }), 20_000);
  });

  test('convertUrl of many slashes with an IDL', () => {
    expectLinear(
      (n) => convertUrl(`${'/'.repeat(n)}members`, { to: '2.0.0', resources: members }),
      10_000,
    );
  });

  test('loadResources of many sibling sub-resources', () => {
    const wide = (n: number): Restspec => ({
      name: 'root',
      path: '/root',
      collection: {
        identifier: { name: 'id', type: 'string' },
        entity: {
          subresources: Array.from({ length: n }, (_, i) => ({
            name: `s${i}`,
            path: `/root/{id}/s${i}`,
            simple: {},
          })),
        },
      },
    });
    expectLinear((n) => loadResources(wide(n)), 1_000);
  });
});

describe('bounded nesting and memory', () => {
  const nested = (depth: number): Restspec => {
    let spec: Restspec = { name: `r${depth}`, path: `/r${depth}`, simple: {} };
    for (let i = depth - 1; i >= 0; i--)
      spec = { name: `r${i}`, path: `/r${i}`, simple: { entity: { subresources: [spec] } } };
    return spec;
  };

  test('sub-resources nested 64 deep load; deeper is INVALID_IDL, never a stack overflow', () => {
    expect(loadResources(nested(64)).resources).toHaveLength(65);
    for (const depth of [65, 4_000, 20_000]) {
      const error = thrown(() => loadResources(nested(depth)));
      expect(error.code).toBe('INVALID_IDL');
      expect(error.message).toContain('nested deeper than 64');
    }
  });

  test('many identical pieces give one warning, not one per piece', () => {
    // 10 000 empty 1.0 segments between two keys: each is an empty-string key guessed the same
    // way; the warning says so once.
    const result = convertUrl(`/a/(x)${'/'.repeat(10_000)}b%20c`, { from: '1.0.0', to: '2.0.0' });
    const guessed = result.warnings.filter((w) => w.code === 'KEY_KIND_GUESSED' && w.where === '');
    expect(guessed).toHaveLength(1);
    expect(result.warnings.length).toBeLessThan(10);
  });

  test('a warning repeated before and after many distinct ones is kept once', () => {
    // An empty segment, nine distinct compound keys, then the empty segment again twice: the
    // repeats come after more distinct warnings than are compared one by one.
    const keys = Array.from({ length: 9 }, (_, i) => `b/k${i + 1}=1&x=1`).join('/');
    const result = convertUrl(`/a//${keys}/b//c//d`, { from: '1.0.0', to: '2.0.0' });
    expect(result.warnings.map((w) => `${w.code} ${w.where}`)).toEqual([
      'KEY_KIND_GUESSED ',
      ...Array.from({ length: 9 }, (_, i) => `KEY_KIND_GUESSED k${i + 1}=1&x=1`),
    ]);
  });

  test('a path of many distinct compound keys, each twice, costs linear time', () => {
    // The warnings' own bookkeeping is tested alone in warnings.test.ts, where it dominates.
    const url = (n: number) => {
      const keys = Array.from({ length: n }, (_, i) => `b/k${i}=1&x=1/b/k${i}=1&x=1`);
      return `/a/${keys.join('/')}`;
    };
    expect(convertUrl(url(20), { from: '1.0.0', to: '2.0.0' }).warnings).toHaveLength(20);
    expectLinear((n) => convertUrl(url(n), { from: '1.0.0', to: '2.0.0' }), 300);
  });

  test('a schema nested too deep is INVALID_IDL', () => {
    let type: unknown = 'string';
    for (let i = 0; i < 5_000; i++) type = { type: 'array', items: type };
    const error = thrown(() =>
      loadResources({
        name: 'r',
        path: '/r',
        simple: { methods: [{ method: 'get', parameters: [{ name: 'p', type: type as never }] }] },
      }),
    );
    expect(error.code).toBe('INVALID_IDL');
  });

  test('a chain of named records deeper than the limit is INVALID_IDL', () => {
    const models = Array.from({ length: 5_000 }, (_, i) => ({
      type: 'record',
      name: `M${i}`,
      fields: [{ name: 'next', type: `M${i + 1}` }],
    }));
    const error = thrown(() =>
      loadResources({
        models,
        schema: {
          name: 'r',
          path: '/r',
          simple: { methods: [{ method: 'get', parameters: [{ name: 'p', type: 'M0' }] }] },
        },
      }),
    );
    expect(error.code).toBe('INVALID_IDL');
  });

  test('recursive named records resolve once (no exponential expansion)', () => {
    const index = loadResources({
      models: [
        {
          type: 'record',
          name: 'Node',
          fields: [
            { name: 'l', type: 'Node' },
            { name: 'r', type: 'Node' },
            { name: 'tags', type: { type: 'array', items: 'string' } },
          ],
        },
      ],
      schema: {
        name: 'r',
        path: '/r',
        simple: { methods: [{ method: 'get', parameters: [{ name: 'p', type: 'Node' }] }] },
      },
    });
    expect(
      convertUrl('/r?p.l.r.l.tags=x', { to: '2.0.0', resources: index, httpMethod: 'GET' }).url,
    ).toBe('/r?p=(l:(r:(l:(tags:List(x)))))');
  });

  test('detectVersion keeps at most MAX_EVIDENCE observations', () => {
    const detection = detectVersion(`/p?${'a.b=1&'.repeat(50_000)}`);
    expect(detection.version).toBe('1.0.0');
    expect(detection.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE);
  });

  test.each([
    ['detectVersion', (url: string, maxLength?: number) => detectVersion(url, { maxLength })],
    [
      'convertUrl',
      (url: string, maxLength?: number) => convertUrl(url, { to: '2.0.0', maxLength }),
    ],
  ] as const)('%s: maxLength applies before any work', (_name, f) => {
    expect(thrown(() => f('/people?a=1', 5))).toMatchObject({
      code: 'MAX_LENGTH_EXCEEDED',
      offset: 5,
    });
    expect(thrown(() => f(`/p?${'a'.repeat(16 * 1024 * 1024)}`))).toMatchObject({
      code: 'MAX_LENGTH_EXCEEDED',
    });
    expect(f('/people?a=1', 11)).toBeDefined();
  });
});

describe('only RestliErrors', () => {
  test('a control character in a 1.0 parameter name, with an IDL', () => {
    const r = convertUrl('/members?%0A=1', { to: '2.0.0', from: '1.0.0', resources: [members] });
    expect(r.url).toBe('/members?%0A=1');
    const r2 = convertUrl('/v2/members?q=search&%0A.x%0A=1', {
      to: '2.0.0',
      from: '1.0.0',
      resources: [members],
    });
    expect(r2.url).toBe('/v2/members?%0A=(x%0A:1)&industries=List()&q=search');
  });

  test.each([
    [null, '$'],
    [7, '$'],
    [[7], '$[0]'],
    [{ name: 'r' }, '$.path'],
    [{ name: 7, path: '/r' }, '$.name'],
    [{ name: 'r', path: '/r', collection: { finders: 'x' } }, '$.collection.finders'],
    [{ name: 'r', path: '/r', collection: 'x' }, '$.collection'],
    [
      {
        name: 'r',
        path: '/r',
        collection: { identifier: { name: 'id', type: 'string' }, finders: 'x' },
      },
      '$.collection.finders',
    ],
    [
      {
        name: 'r',
        path: '/r',
        collection: {
          identifier: { name: 'id', type: 'string' },
          finders: [{ name: 'f', parameters: {} }],
        },
      },
      '$.collection.finders[0].parameters',
    ],
    [
      {
        name: 'r',
        path: '/r',
        simple: { methods: [{ method: 'get', parameters: [{ name: 'p', type: 7 }] }] },
      },
      '$.simple.methods[0].parameters[0].type',
    ],
    [
      {
        name: 'r',
        path: '/r',
        simple: { methods: [{ method: 'get', parameters: [{ name: 'p', type: '{ "type": ' }] }] },
      },
      '$.simple.methods[0].parameters[0].type',
    ],
    [{ name: 'r', path: '/r', collection: {} }, '$.collection.identifier'],
    [
      { name: 'r', path: '/r', association: { identifier: 'k', assocKeys: [{ type: 'string' }] } },
      '$.association.assocKeys[0].name',
    ],
    [
      { name: 'r', path: '/r', simple: { entity: { subresources: [{ name: 's' }] } } },
      '$.simple.entity.subresources[0].path',
    ],
    [
      { models: [{ type: 'record', name: 7 }], schema: { name: 'r', path: '/r' } },
      '$.models[0].name',
    ],
    [
      {
        models: [{ type: 'record', name: 'M', fields: [{ name: 'a' }] }],
        schema: { name: 'r', path: '/r' },
      },
      '$.models[0].fields[0].type',
    ],
    [{ models: {}, schema: { name: 'r', path: '/r' } }, '$.models'],
    [
      [
        { name: 'a', path: '/a' },
        { name: 'b', path: '/b', actionsSet: { actions: [{}] } },
      ],
      '$[1].actionsSet.actions[0].name',
    ],
  ])('loadResources(%j) is INVALID_IDL at %s', (idl, path) => {
    const error = thrown(() => loadResources(idl as never));
    expect(error).toMatchObject({ code: 'INVALID_IDL', path });
    // The same through convertUrl, which loads what it is given.
    expect(thrown(() => convertUrl('/r', { to: '2.0.0', resources: idl as never }))).toMatchObject({
      code: 'INVALID_IDL',
    });
  });

  test.each([
    [null, 'url'],
    [7, 'url'],
    [['/a'], 'url'],
  ])('convertUrl(%j) is INVALID_ARGUMENT naming %s', (url, name) => {
    const error = thrown(() => convertUrl(url as never, { to: '2.0.0' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(name);
    expect(thrown(() => detectVersion(url as never)).code).toBe('INVALID_ARGUMENT');
  });

  test.each([null, [], 'x', 7])('convertUrl options %j is INVALID_ARGUMENT', (options) => {
    expect(thrown(() => convertUrl('/a', options as never)).code).toBe('INVALID_ARGUMENT');
  });

  test('parent key names from Object.prototype are not found there', () => {
    const spec: Restspec = {
      name: 'a',
      path: '/a',
      collection: {
        identifier: { name: 'id', type: 'string' },
        entity: { subresources: [{ name: 'b', path: '/a/{constructor}/b', simple: {} }] },
      },
    };
    expect(convertUrl('/a/x=1/b', { to: '2.0.0', from: '1.0.0', resources: spec }).url).toBe(
      '/a/(x:1)/b',
    );
  });
});
