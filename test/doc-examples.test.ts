/**
 * The examples of LinkedIn's "Protocol Versions" and "Certifications" pages (copied from the
 * spec folder's linkedin-doc-examples.md, with its corrections), in both protocol versions.
 */
import { describe, expect, test } from 'vitest';
import { buildUrl, parseUrl } from '../src/http/url.ts';
import { decodeKey, encodeKey } from '../src/wire/keys.ts';
import { decodeQuery, encodeQuery } from '../src/wire/query.ts';

describe('Protocol Versions page', () => {
  const urn = 'urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)';

  test('a URN with a tuple as the resource key: the whole key is URL-encoded in 2.0', () => {
    const v2 = buildUrl({ method: 'get', resource: 'endorsement', id: urn }, { base: '/v2/' });
    expect(v2).toBe(
      '/v2/endorsement/urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29',
    );
    expect(parseUrl(v2, { resource: 'endorsement' }).id).toBe(urn);
    const v1 = buildUrl(
      { method: 'get', resource: 'endorsement', id: urn },
      { base: '/v2/', version: '1.0.0' },
    );
    expect(parseUrl(v1, { resource: 'endorsement', version: '1.0.0' }).id).toBe(urn);
  });

  test('a params string with a list of URNs: grammar parentheses stay raw', () => {
    const url = buildUrl(
      {
        method: 'finder',
        resource: 'ugcPosts',
        finder: 'authors',
        params: { authors: ['urn:li:organization:12345'] },
      },
      { base: '/v2/' },
    );
    expect(url).toBe('/v2/ugcPosts?authors=List(urn%3Ali%3Aorganization%3A12345)&q=authors');
    expect(decodeQuery('q=authors&authors=List(urn%3Ali%3Aorganization%3A12345)')).toEqual({
      q: 'authors',
      authors: ['urn:li:organization:12345'],
    });
  });

  test('batch get', () => {
    expect(
      buildUrl(
        { method: 'batch_get', resource: 'people', ids: [1, 2, 3] },
        { base: '/', version: '1.0.0' },
      ),
    ).toBe('/people?ids=1&ids=2&ids=3');
    expect(
      buildUrl({ method: 'batch_get', resource: 'people', ids: [1, 2, 3, 4] }, { base: '/v2/' }),
    ).toBe('/v2/people?ids=List(1,2,3,4)');
    expect(parseUrl('/people?ids=1&ids=2&ids=3', { version: '1.0.0' }).ids).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(parseUrl('/v2/people?ids=List(1,2,3,4)').ids).toEqual(['1', '2', '3', '4']);
  });

  test('batch get with complex keys', () => {
    const ids = [0, 1, 2].map((i) => ({ $params: { a: `value${i}A`, b: `value${i}B` } }));
    const v1 =
      '/people?ids[0].$params.a=value0A&ids[0].$params.b=value0B&ids[1].$params.a=value1A&ids[1].$params.b=value1B&ids[2].$params.a=value2A&ids[2].$params.b=value2B';
    const v2 =
      '/people?ids=List(($params:(a:value0A,b:value0B)),($params:(a:value1A,b:value1B)),($params:(a:value2A,b:value2B)))';
    expect(
      buildUrl({ method: 'batch_get', resource: 'people', ids, keyKind: 'complex' }, { base: '/' }),
    ).toBe(v2);
    // The Java client writes the brackets escaped; the page shows them decoded.
    expect(
      decodeURIComponent(
        buildUrl(
          { method: 'batch_get', resource: 'people', ids, keyKind: 'complex' },
          { base: '/', version: '1.0.0' },
        ),
      ),
    ).toBe(v1);
    expect(
      parseUrl(v1, { version: '1.0.0', resource: { path: 'people', keyKind: 'complex' } }).ids,
    ).toEqual(ids);
    expect(parseUrl(v2, { resource: { path: 'people', keyKind: 'complex' } }).ids).toEqual(ids);
  });

  test('a finder with list and object params', () => {
    const params = {
      q: 'myFinder',
      param: { aList: ['foo', 'bar', 'baz'], anObject: { aField: '1', anotherField: 'value' } },
    };
    expect(encodeQuery(params)).toBe(
      'param=(aList:List(foo,bar,baz),anObject:(aField:1,anotherField:value))&q=myFinder',
    );
    const v1 =
      'q=FinderParam&param.aList[0]=foo&param.aList[1]=bar&param.aList[2]=baz&param.anObject.aField=1&param.anObject.anotherField=value';
    expect(decodeQuery(v1, { version: '1.0.0' })).toEqual({ ...params, q: 'FinderParam' });
    expect(decodeQuery(encodeQuery(params, { version: '1.0.0' }), { version: '1.0.0' })).toEqual(
      params,
    );
  });

  test.each([
    [3, 'primitive', '3', '3'],
    ['someString', 'primitive', 'someString', 'someString'],
    [
      { stringKey: 'string', longKey: 5 },
      'compound',
      'longKey=5&stringKey=string',
      '(longKey:5,stringKey:string)',
    ],
    [
      { $params: { a: 'value', b: 'value' }, keyPart1: 'value1', keyPart2: 'value2' },
      'complex',
      '$params.a=value&$params.b=value&keyPart1=value1&keyPart2=value2',
      '($params:(a:value,b:value),keyPart1:value1,keyPart2:value2)',
    ],
  ] as const)('the key syntax table: %j', (key, kind, v1, v2) => {
    expect(encodeKey(key, { kind, version: '1.0.0', context: 'body' })).toBe(v1);
    expect(encodeKey(key, { kind, version: '2.0.0', context: 'path' })).toBe(v2);
    const strings = JSON.parse(
      JSON.stringify(key, (_k, v) => (typeof v === 'number' ? String(v) : v)),
    );
    expect(decodeKey(v2, { kind, context: 'path' })).toEqual(strings);
    expect(decodeKey(v1, { kind, version: '1.0.0', context: 'body' })).toEqual(strings);
  });
});

describe('Certifications page', () => {
  const resource = 'people/{personId}/certifications';
  const pathKeys = { personId: { id: 'ABC123' } };

  test.each([
    [
      'create',
      undefined,
      '/v2/people/id=ABC123/certifications',
      '/v2/people/(id:ABC123)/certifications',
    ],
    [
      'partial_update',
      42,
      '/v2/people/id=ABC123/certifications/42',
      '/v2/people/(id:ABC123)/certifications/42',
    ],
    [
      'delete',
      42,
      '/v2/people/id=ABC123/certifications/42',
      '/v2/people/(id:ABC123)/certifications/42',
    ],
  ] as const)('%s', (method, id, v1, v2) => {
    const request = { method, resource, pathKeys, ...(id === undefined ? {} : { id }) };
    expect(buildUrl(request, { base: '/v2/', version: '1.0.0' })).toBe(v1);
    expect(buildUrl(request, { base: '/v2/' })).toBe(v2);
    for (const [url, version] of [
      [v1, '1.0.0'],
      [v2, '2.0.0'],
    ] as const) {
      const parsed = parseUrl(url, {
        version,
        resource,
        httpMethod: method === 'delete' ? 'DELETE' : 'POST',
      });
      expect(parsed.pathKeys).toEqual({ personId: { id: 'ABC123' } });
      expect(parsed.id).toEqual(id === undefined ? undefined : String(id));
      expect(parsed.base).toBe('/v2/');
    }
  });
});
