import { describe, expect, test } from 'vitest';
import {
  buildUrl,
  httpMethod,
  parseUrl,
  requestHeaders,
  templateComponents,
} from '../../src/http/url.ts';
import { asDecoded } from '../helpers/arbitraries.ts';
import { build, expectSameUrl, keyOf, type VectorRequest } from '../helpers/requests.ts';
import { vectorsOf } from '../helpers/vectors.ts';

describe.each(['request-uri-v1', 'request-uri-v2'])('%s vectors (Java reference)', (kind) => {
  test.each(vectorsOf(kind).map((v, i) => [`${i} ${v.source}`, v] as const))('%s', (_n, v) => {
    const input = v.input as VectorRequest;
    const url = build(v);
    expectSameUrl(url, v);
    // And back: the URL read with the resource template gives the keys and ids again.
    const parsed = parseUrl(url, {
      version: input.version,
      resource: {
        path: input.template,
        keyKind:
          input.id !== undefined
            ? keyOf(input.id).kind
            : input.ids?.[0] !== undefined
              ? keyOf(input.ids[0]).kind
              : undefined,
        pathKeyKinds: Object.fromEntries(
          Object.entries(input.pathKeys ?? {}).map(([n, k]) => [n, keyOf(k).kind]),
        ),
      },
    });
    for (const [name, k] of Object.entries(input.pathKeys ?? {})) {
      expect(parsed.pathKeys[name]).toEqual(asDecoded(keyOf(k).key));
    }
    const v1 = input.version === '1.0.0';
    // An empty primitive key does not round-trip in either version (spec d.1), nor a v1
    // one-element list inside a complex key (e.5).
    if (
      input.id !== undefined &&
      input.id !== '' &&
      !(v1 && /\["[^"]*"\]/.test(JSON.stringify(input.id)))
    ) {
      expect(parsed.id).toEqual(asDecoded(keyOf(input.id).key));
    }
    if (input.ids !== undefined && !(v1 && input.ids.length === 1)) {
      const expected = [...new Set(input.ids.map((k) => stable(asDecoded(keyOf(k).key))))].sort();
      expect((parsed.ids ?? []).map(stable).sort()).toEqual(expected);
    }
  });
});

/** JSON with map keys sorted: key order is not significant in a key. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('template-components vectors', () => {
  test.each(vectorsOf('template-components').map((v) => [v.input, v.expected] as const))(
    '%s',
    (input, expected) => {
      expect(templateComponents(input as string)).toEqual(expected);
    },
  );
});

describe('headers and verbs', () => {
  test.each([
    ['get', 'GET', undefined],
    ['batch_create', 'POST', 'batch_create'],
    ['PARTIAL_UPDATE', 'POST', 'partial_update'],
    ['action', 'POST', 'action'],
    ['batch_update', 'PUT', undefined],
    ['batch_delete', 'DELETE', undefined],
    ['finder', 'GET', undefined],
  ] as const)('%s is HTTP %s with X-RestLi-Method %s', (method, verb, header) => {
    expect(httpMethod(method)).toBe(verb);
    expect(requestHeaders({ method })['X-RestLi-Method']).toBe(header);
    expect(requestHeaders({ method }, { version: '1.0.0' })['X-RestLi-Protocol-Version']).toBe(
      '1.0.0',
    );
  });
});

describe('absolute URLs and bases', () => {
  test('the base is kept and read back', () => {
    const url = buildUrl(
      {
        method: 'finder',
        resource: 'people/{id}/certifications',
        pathKeys: { id: { id: 7 } },
        finder: 'recent',
        fields: ['name'],
      },
      { base: 'https://api.linkedin.com/v2/' },
    );
    expect(url).toBe(
      'https://api.linkedin.com/v2/people/(id:7)/certifications?fields=name&q=recent',
    );
    const parsed = parseUrl(`${url}#top`, { resource: 'people/{id}/certifications' });
    expect(parsed.base).toBe('https://api.linkedin.com/v2/');
    expect(parsed.pathKeys).toEqual({ id: { id: '7' } });
    expect(parsed.method).toBe('finder');
    expect(parsed.params).toEqual({ fields: { name: 1 }, q: 'recent' });
    expect(parsed.fragment).toBe('#top');
  });

  test('methods read from the URL, the verb and the header', () => {
    expect(parseUrl('/people?ids=List(1,2)').method).toBe('batch_get');
    expect(parseUrl('/people?ids=List(1,2)', { httpMethod: 'PUT' }).method).toBe('batch_update');
    expect(parseUrl('/people/1?action=x', { httpMethod: 'POST' }).method).toBe('action');
    expect(parseUrl('/people', { httpMethod: 'POST', restliMethod: 'batch_create' }).method).toBe(
      'batch_create',
    );
  });

  test('a bad URL is a syntax error pointing into the URL', () => {
    try {
      parseUrl('https://x/people?ids=List(1,2');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'UNEXPECTED_END', offset: 29 });
    }
  });
});

describe('reserved query names (spec i.1, i.2)', () => {
  // Each would be read back as another request, or names one part twice.
  test.each([
    ['bq on a get', { method: 'get', resource: 'p', id: 1, params: { bq: 'x' } }],
    ['q on a get', { method: 'get', resource: 'p', id: 1, params: { q: 'x' } }],
    [
      'action on a finder',
      { method: 'finder', resource: 'p', finder: 'f', params: { action: 'a' } },
    ],
    ['a finder name on a get', { method: 'get', resource: 'p', id: 1, finder: 'f' }],
    ['ids in params', { method: 'batch_get', resource: 'p', params: { ids: ['1'] } }],
    ['two finder names', { method: 'finder', resource: 'p', finder: 'f', params: { q: 'g' } }],
    [
      'a mask twice',
      { method: 'get', resource: 'p', id: 1, fields: ['a'], params: { fields: ['b'] } },
    ],
  ] as const)('%s is RESERVED_PARAMETER', (_name, request) => {
    expect(() => buildUrl(request as never)).toThrow(
      expect.objectContaining({ code: 'RESERVED_PARAMETER' }),
    );
  });

  test.each([
    // parseUrl reports the finder's name and the masks among the parameters: they build again.
    [
      { method: 'finder', resource: 'p', params: { q: 'search', fields: ['id'] } },
      'p?fields=id&q=search',
    ],
    [{ method: 'finder', resource: 'p', finder: 'search', params: { q: 'search' } }, 'p?q=search'],
    [{ method: 'batch_finder', resource: 'p', params: { bq: 'byIds' } }, 'p?bq=byIds'],
    [{ method: 'action', resource: 'p', params: { action: 'purge' } }, 'p?action=purge'],
  ] as const)('%j is %s', (request, url) => {
    expect(buildUrl(request as never)).toBe(url);
  });
});

describe('batch ids: duplicates are the ids written the same', () => {
  test.each([
    ['repeated numbers', [1, 2, 1], '2.0.0', 'r?ids=List(1,2)'],
    ['a number and its text', [1, '1'], '2.0.0', 'r?ids=List(1)'],
    ['0 and -0 are two keys (-0 is written -0.0)', [0, -0], '2.0.0', 'r?ids=List(0,-0.0)'],
    ['0 and -0 in 1.0', [0, -0], '1.0.0', 'r?ids=-0.0&ids=0'],
    ['repeated complex keys', [{ a: 1 }, { a: 1 }], '2.0.0', 'r?ids=List((a:1))'],
  ] as const)('%s', (_what, ids, version, url) => {
    expect(buildUrl({ method: 'batch_get', resource: 'r', ids: [...ids] }, { version })).toBe(url);
  });
});
