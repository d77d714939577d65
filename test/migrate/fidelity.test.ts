/**
 * Translator fidelity on the request classes of issue 9 (actions, empty compound-key parts, the
 * empty key, one IDL object, simple resources) and issue 8 (2.0 → 1.0 losses): table tests read
 * like the spec; expected URLs are literals.
 */
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import { convertUrl } from '../../src/migrate/convert.ts';
import { loadResources, type Restspec, resourceDescription } from '../../src/migrate/idl.ts';
import { decodeQuery, encodeQuery } from '../../src/wire/query.ts';

const actions: Restspec = {
  name: 'actionSet',
  path: '/actionSet',
  actionsSet: {
    actions: [
      { name: 'echoMessage', parameters: [{ name: 'message', type: 'testsuite.Message' }] },
      {
        name: 'echoStrings',
        parameters: [{ name: 'strings', type: '{ "type" : "array", "items" : "string" }' }],
      },
      {
        name: 'multipleInputs',
        parameters: [
          { name: 'map', type: '{ "type" : "map", "values" : "string" }' },
          { name: 'opt', type: 'string', optional: true },
        ],
      },
    ],
  },
};

const widgets: Restspec = {
  name: 'widgets',
  path: '/widgets',
  collection: {
    identifier: { name: 'widgetsId', type: 'string' },
    actions: [
      {
        name: 'reset',
        parameters: [{ name: 'ids', type: '{ "type" : "array", "items" : "long" }' }],
      },
    ],
    entity: {
      path: '/widgets/{widgetsId}',
      actions: [
        {
          name: 'poke',
          parameters: [{ name: 'level', type: '{ "type" : "array", "items" : "int" }' }],
        },
      ],
      subresources: [
        {
          name: 'members',
          path: '/widgets/{widgetsId}/members',
          collection: { identifier: { name: 'membersId', type: 'long' } },
        },
        {
          name: 'links',
          path: '/widgets/{widgetsId}/links',
          association: {
            identifier: 'linksId',
            assocKeys: [
              { name: 'a', type: 'string' },
              { name: 'b', type: 'long' },
            ],
          },
        },
        {
          name: 'settings',
          path: '/widgets/{widgetsId}/settings',
          simple: {
            methods: [
              {
                method: 'get',
                parameters: [{ name: 'tags', type: '{ "type" : "array", "items" : "string" }' }],
              },
            ],
          },
        },
      ],
    },
  },
};

describe('action parameters travel in the body, never in the query', () => {
  test.each([
    ['/actionSet?action=echoMessage', actions, 'POST'],
    ['/actionSet?action=echoStrings', actions, 'POST'],
    ['/actionSet?action=multipleInputs', actions, 'POST'],
    ['/actionSet?action=multipleInputs', actions, undefined],
    ['/widgets?action=reset', widgets, 'POST'],
    ['/widgets/w1?action=poke', widgets, 'POST'],
    ['/actionSet?action=unknownAction', actions, 'POST'],
  ] as const)('%s stays as it is in both directions', (url, idl, httpMethod) => {
    for (const resources of [idl, [idl]]) {
      const options = { resources, ...(httpMethod ? { httpMethod } : {}) };
      for (const [from, to] of [
        ['1.0.0', '2.0.0'],
        ['2.0.0', '1.0.0'],
      ] as const) {
        const r = convertUrl(url, { ...options, from, to });
        expect(r.url).toBe(url);
        expect(r.warnings).toEqual([]);
      }
    }
  });

  test('the action operation declares no query parameters', () => {
    const [resource] = loadResources(actions).resources;
    expect(resource!.operation({ action: 'echoMessage' }).parameters.size).toBe(0);
    expect(resource!.operation({ action: 'echoMessage' }).exact).toBe(true);
  });
});

describe('compound keys with empty parts', () => {
  test.each([
    ['/widgets/w/links/a=&b=1', "/widgets/w/links/(a:'',b:1)"],
    ['/widgets/w/links/a=x&b=', "/widgets/w/links/(a:x,b:'')"],
    [
      '/widgets/w/links?ids=a%3D%26b%3D1&ids=a%3Dx%26b%3D2',
      "/widgets/w/links?ids=List((a:'',b:1),(a:x,b:2))",
    ],
    ['/widgets/w/links/a=?q=byA', "/widgets/w/links/(a:'')?q=byA"],
  ])('%s ⇄ %s', (v1, v2) => {
    for (const resources of [widgets, undefined]) {
      const options = resources ? { resources } : {};
      expect(convertUrl(v1, { ...options, from: '1.0.0', to: '2.0.0' }).url).toBe(v2);
      expect(convertUrl(v2, { ...options, from: '2.0.0', to: '1.0.0' }).url).toBe(v1);
    }
  });
});

describe("the empty primitive key: '' in 2.0, an empty segment in 1.0", () => {
  test.each([
    ['/widgets//members/1', "/widgets/''/members/1"],
    ['/widgets//members', "/widgets/''/members"],
    ['/widgets//links/a=1&b=2', "/widgets/''/links/(a:1,b:2)"],
    ['/widgets//settings', "/widgets/''/settings"],
    ['https://h/v2/widgets//members/7?count=10', "https://h/v2/widgets/''/members/7?count=10"],
  ])('%s ⇄ %s, with the IDL and without', (v1, v2) => {
    const up = convertUrl(v1, { from: '1.0.0', to: '2.0.0', resources: widgets });
    expect(up.url).toBe(v2);
    expect(up.warnings).toEqual([]);
    const down = convertUrl(v2, { from: '2.0.0', to: '1.0.0', resources: widgets });
    expect(down.url).toBe(v1);
    expect(down.warnings).toEqual([]);
    // Without an IDL the empty 1.0 segment is a guess, and said so; 2.0 '' is unambiguous.
    const guessed = convertUrl(v1, { from: '1.0.0', to: '2.0.0' });
    expect(guessed.url).toBe(v2);
    expect(guessed.warnings.map((w) => w.code)).toContain('KEY_KIND_GUESSED');
    expect(convertUrl(v2, { from: '2.0.0', to: '1.0.0' }).url).toBe(v1);
  });

  test("an empty last key has no 1.0 form (Java writes 'test'): dropped, and said so", () => {
    const r = convertUrl("/widgets/''", { from: '2.0.0', to: '1.0.0', resources: widgets });
    expect(r.url).toBe('/widgets');
    expect(r.warnings.map((w) => w.code)).toEqual(['EMPTY_KEY_DROPPED']);
  });
});

describe('simple resources', () => {
  test('the IDL says a resource is simple; its description says so to parseUrl', () => {
    const index = loadResources(widgets);
    const settings = index.resources.find((r) => r.name === 'settings')!;
    expect(settings.simple).toBe(true);
    expect(resourceDescription(settings)).toEqual({
      path: 'widgets/{widgetsId}/settings',
      pathKeyKinds: { widgetsId: 'primitive' },
      simple: true,
    });
    expect(index.resources.find((r) => r.name === 'members')!.simple).toBe(false);
  });

  test('a GET on a simple resource is get: its parameters are get’s', () => {
    const r = convertUrl('/widgets/w/settings?tags=x', {
      from: '1.0.0',
      to: '2.0.0',
      resources: widgets,
      httpMethod: 'GET',
    });
    expect(r.url).toBe('/widgets/w/settings?tags=List(x)');
    expect(r.warnings).toEqual([]);
  });

  test('no segment after a simple resource is a key', () => {
    const r = convertUrl('/widgets/w/settings/a=1', {
      from: '1.0.0',
      to: '2.0.0',
      resources: widgets,
    });
    expect(r.warnings.map((w) => w.code)).toContain('RESOURCE_NOT_FOUND');
  });
});

describe('resources: one IDL, an array, or an index', () => {
  test.each([
    ['one restspec', widgets],
    ['one snapshot', { models: [], schema: widgets }],
    ['an array', [actions, widgets]],
    ['an index', loadResources([widgets])],
  ])('%s', (_name, resources) => {
    const r = convertUrl('/widgets/w/links/a=1&b=2', { from: '1.0.0', to: '2.0.0', resources });
    expect(r.url).toBe('/widgets/w/links/(a:1,b:2)');
    expect(r.warnings).toEqual([]);
  });

  test('the index of an IDL array is built once', () => {
    const list = [widgets];
    expect(loadResources(list)).toBe(loadResources(list));
    expect(loadResources(widgets)).toBe(loadResources(widgets));
  });
});

describe('2.0 → 1.0: what 1.0 cannot say is warned about or refused', () => {
  test.each([
    ['/p?b=List(List(x),List(y))', 'b'],
    ['/p?b=List(x,List(y))', 'b'],
    ['/p?a=(b:List(List(x)))', 'a.b[0]'],
    ['/p/($params:(a:1),k:List(List(x)))', 'k'],
    ['/p?ids=List((a:(b:1)),x)', 'ids'],
  ])('%s is refused (UNTRANSLATABLE) naming %s', (url, where) => {
    let error: unknown;
    try {
      convertUrl(url, { from: '2.0.0', to: '1.0.0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RestliError);
    expect((error as RestliError).code).toBe('UNTRANSLATABLE');
    expect((error as RestliError).message).toContain(`'`);
    expect((error as RestliError).message).toContain(where);
  });

  test.each([{ b: [['x'], ['y']] }, { a: { b: [['x']] } }])(
    'the refusal is justified: 1.0 writes %j in a form its reader does not give back',
    (params) => {
      let back: unknown;
      try {
        back = decodeQuery(encodeQuery(params, { version: '1.0.0' }), { version: '1.0.0' });
      } catch (error) {
        expect(error).toBeInstanceOf(RestliError);
        return;
      }
      expect(back).not.toEqual(params);
    },
  );

  test.each([
    ['/p?b=List(b,a)', '/p?b=a&b=b', ['LIST_ORDER_CHANGED']],
    ['/p?b=List(10,9)', '/p?b=10&b=9', []],
    ['/p?b=List(9,10)', '/p?b=10&b=9', ['LIST_ORDER_CHANGED']],
    ['/p?b=List(x)', '/p?b=x', ['ONE_ELEMENT_LIST']],
    ['/p?b=List(a,b)', '/p?b=a&b=b', []],
    ['/p?b=(c:List(y,x))', '/p?b.c%5B0%5D=y&b.c%5B1%5D=x', []],
    ['/p?ids=List(2,1)', '/p?ids=1&ids=2', []],
    ['/p?__proto__=1&a=2', '/p?__proto__=1&a=2', []],
    ['/p?b=(__proto__:1)', '/p?b.__proto__=1', []],
    ['/p?b=List()', '/p', ['EMPTY_CONTAINER_DROPPED']],
    ['/p/(a:List(),b:1)', '/p/b=1', ['KEY_KIND_GUESSED', 'EMPTY_CONTAINER_DROPPED']],
    ['/p/(a:(),b:1)', '/p/b=1', ['KEY_KIND_GUESSED', 'EMPTY_CONTAINER_DROPPED']],
    ['/p/($params:(x:List()),b:1)', '/p/b=1', ['KEY_KIND_GUESSED', 'EMPTY_CONTAINER_DROPPED']],
    ['/p?ids=List((a:List(),b:1))', '/p?ids%5B0%5D.b=1', ['EMPTY_CONTAINER_DROPPED']],
    ['/p/(a:List(y,x),b:1)', '/p/a=x&a=y&b=1', ['KEY_KIND_GUESSED', 'LIST_ORDER_CHANGED']],
    // A list under a name that needs `~`-escaping, or mixing values and records, is written
    // indexed: its order, its length and its name all read back.
    ['/p?a.b=List(x,y)', '/p?a~2Eb%5B0%5D=x&a~2Eb%5B1%5D=y', []],
    ['/p?a.b=List(x)', '/p?a~2Eb%5B0%5D=x', []],
    ['/p?b=List(x,(c:1))', '/p?b%5B0%5D=x&b%5B1%5D.c=1', []],
    ['/p?b=List((c:1),x)', '/p?b%5B0%5D.c=1&b%5B1%5D=x', []],
  ])('%s → %s with %j', (v2, v1, codes) => {
    const r = convertUrl(v2, { from: '2.0.0', to: '1.0.0' });
    expect(r.url).toBe(v1);
    expect(r.warnings.map((w) => w.code)).toEqual(codes);
  });

  test('a one-element list the IDL declares is no loss', () => {
    const spec: Restspec = {
      name: 'p',
      path: '/p',
      collection: {
        identifier: { name: 'id', type: 'string' },
        finders: [
          {
            name: 'f',
            parameters: [{ name: 'b', type: '{ "type" : "array", "items" : "string" }' }],
          },
        ],
      },
    };
    const r = convertUrl('/p?b=List(x)&q=f', { from: '2.0.0', to: '1.0.0', resources: spec });
    expect(r.url).toBe('/p?b=x&q=f');
    expect(r.warnings).toEqual([]);
  });
});

describe('round-trip counterexamples found by the properties', () => {
  test.each([
    ['/rest/widgets/%7E/members/0', '/rest/widgets/~/members/0'],
    ['/rest/widgets/%28/members/%26', '/rest/widgets/%28/members/&'],
    ['/rest/widgets/a%3Ab/members/x', '/rest/widgets/a%3Ab/members/x'],
  ])('a key segment of a character 1.0 escapes: %s ⇄ %s', (v1, v2) => {
    expect(convertUrl(v1, { from: '1.0.0', to: '2.0.0' }).url).toBe(v2);
    expect(convertUrl(v2, { from: '2.0.0', to: '1.0.0' }).url).toBe(v1);
  });

  test("a compound key with a part named '.' is not mistaken for a complex key", () => {
    const down = convertUrl("/rest/widgets/''/members/(.:'')", { from: '2.0.0', to: '1.0.0' });
    expect(down.url).toBe('/rest/widgets//members/.=');
    const up = convertUrl(down.url, { from: '1.0.0', to: '2.0.0' });
    expect(up.url).toBe("/rest/widgets/''/members/(.:'')");
    expect(up.warnings.map((w) => w.code)).toContain('KEY_KIND_GUESSED');
  });
});

describe('errors point at the failing character of the whole URL', () => {
  test.each([
    ['/(a?q=(a', '2.0.0', 8],
    ['/p/a%zz', '1.0.0', 5], // the first bad hex digit
    // The key segment's text also appears earlier in the URL: the offset is the decoded one's.
    ['/a%zz/a%zz', '1.0.0', 8],
  ] as const)('%s read as %s fails at %i', (url, from, offset) => {
    let error: unknown;
    try {
      convertUrl(url, { from, to: from === '2.0.0' ? '1.0.0' : '2.0.0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RestliError);
    expect((error as RestliError).input).toBe(url);
    expect((error as RestliError).offset).toBe(offset);
  });
});
