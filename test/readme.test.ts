/** The README's examples, so that what it promises is what the code does. */
import { expect, test } from 'vitest';
import {
  buildUrl,
  createPatch,
  decode,
  decodeKey,
  decodeMask,
  decodeQuery,
  decodeQueryDetailed,
  encode,
  encodeKey,
  encodeMask,
  encodeQuery,
  httpMethod,
  parseUrl,
  requestHeaders,
  tunnelRequest,
} from '../src/index.ts';

test('the value codec', () => {
  expect(encode({ q: 'search', ids: [1, 2] })).toBe('(ids:List(1,2),q:search)');
  expect(encode({ b: '', a: [], c: {} })).toBe("(a:List(),b:'',c:())");
  expect(encode('urn:li:person:(a,b)', { context: 'path' })).toBe(
    'urn%3Ali%3Aperson%3A%28a%2Cb%29',
  );
  expect(encode({ k: 'a b/c=d' }, { context: 'body' })).toBe('(k:a b/c=d)');
  expect(encode(12345678901234567890n)).toBe('12345678901234567890');
  expect(decode('(ids:List(1,2),q:search)')).toEqual({ ids: ['1', '2'], q: 'search' });
  expect(decode('(x:%28a%3Ab%29)')).toEqual({ x: '(a:b)' });
  expect(() => decode('(a:b:c)')).toThrowError(
    "expected ')' but found ':' (column 4)\n  (a:b:c)\n      ^",
  );
});

test('keys', () => {
  expect(encodeKey('a b/c+d', { context: 'path' })).toBe('a%20b%2Fc+d');
  expect(encodeKey('a b/c+d', { context: 'path', version: '1.0.0' })).toBe('a+b%2Fc%2Bd');
  expect(encodeKey({ memberId: 1, groupId: 'g 1' })).toBe('(groupId:g%201,memberId:1)');
  expect(encodeKey({ memberId: 1, groupId: 'g 1' }, { version: '1.0.0' })).toBe(
    'groupId=g+1&memberId=1',
  );
  expect(encodeKey({ id: 1, $params: { v: 2 } }, { context: 'header' })).toBe('(id:1)');
  expect(decodeKey('a=x+y&b=2', { kind: 'compound', version: '1.0.0' })).toEqual({
    a: 'x y',
    b: '2',
  });
});

test('queries and projections', () => {
  const params = { q: 'search', keywords: 'a b', ids: [1, 2], fields: ['id', 'name.first'] };
  expect(encodeQuery(params)).toBe('fields=name:(first),id&ids=List(1,2)&keywords=a%20b&q=search');
  expect(encodeQuery(params, { version: '1.0.0' })).toBe(
    'fields=name:(first),id&ids=1&ids=2&keywords=a%20b&q=search',
  );
  expect(decodeQuery('ids=1&ids=2&q=search&a.b[0]=x', { version: '1.0.0' })).toEqual({
    q: 'search',
    ids: ['1', '2'],
    a: { b: ['x'] },
  });
  expect(decodeQueryDetailed('ids=1&q=x', { version: '1.0.0' }).singleValued).toEqual(['ids', 'q']);
  expect(encodeMask(['id', 'name.first', 'positions.$*.title'])).toBe(
    'name:(first),positions:($*:(title)),id',
  );
  expect(decodeMask('a,b:($*:(c),$start:0,$count:10)')).toEqual({
    a: 1,
    b: { '$*': { c: 1 }, $start: 0, $count: 10 },
  });
});

test('request URLs and the end-to-end example', () => {
  const request = {
    method: 'partial_update',
    resource: 'people/{personId}/certifications',
    pathKeys: { personId: { id: 'ABC123' } },
    id: 42,
  } as const;
  const base = 'https://api.linkedin.com/v2/';
  expect(buildUrl(request, { base })).toBe(
    'https://api.linkedin.com/v2/people/(id:ABC123)/certifications/42',
  );
  expect(buildUrl(request, { base, version: '1.0.0' })).toBe(
    'https://api.linkedin.com/v2/people/id=ABC123/certifications/42',
  );
  expect(requestHeaders(request)).toEqual({
    'X-RestLi-Protocol-Version': '2.0.0',
    'X-RestLi-Method': 'partial_update',
  });
  expect(httpMethod(request.method)).toBe('POST');
  expect(
    parseUrl('/people/(groupId:g%201,memberId:1)?fields=id', { resource: 'people' }),
  ).toMatchObject({
    method: 'get',
    id: { groupId: 'g 1', memberId: '1' },
    params: { fields: { id: 1 } },
  });
  const body = JSON.stringify(
    createPatch(
      { name: { localized: { en_US: 'Engineer' } }, licenseNumber: 'X1' },
      { name: { localized: { en_US: 'Certified LinkedIn Engineer' } } },
    ),
  );
  expect(body).toBe(
    '{"patch":{"$delete":["licenseNumber"],"name":{"localized":{"$set":{"en_US":"Certified LinkedIn Engineer"}}}}}',
  );
  const http = tunnelRequest({
    method: httpMethod(request.method),
    url: buildUrl(request, { base }),
    headers: { ...requestHeaders(request), 'Content-Type': 'application/json' },
    body,
  });
  expect(http.method).toBe('POST');
  expect(http.url).toBe('https://api.linkedin.com/v2/people/(id:ABC123)/certifications/42');
});

test('the typed client example (a finder and a batch_get through fetch)', async () => {
  const { readFileSync } = await import('node:fs');
  const { createClient, loadTypedResources, toFetchResponse } = await import(
    '../src/http/index.ts'
  );
  const { readRecording } = await import('./helpers/recordings.ts');
  const sent: string[] = [];
  // The server's side: the suite's recorded responses.
  const fetch = async (request: Request) => {
    sent.push(`${request.method} ${request.url}`);
    const name = request.url.includes('q=search')
      ? 'collection-search-finder'
      : 'collection-batch-get';
    const r = readRecording(`responses-v2/${name}.res`);
    return toFetchResponse({ status: 200, headers: Object.fromEntries(r.headers), body: r.body });
  };
  const resources = loadTypedResources([
    JSON.parse(
      readFileSync(
        new URL(
          'fixtures/restli-test-suite/snapshots/testsuite.collection.snapshot.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ),
  ]);
  const client = createClient({ resources, base: 'https://example.com/', version: '2.0.0', fetch });

  const found = await client.send({
    resource: 'collection',
    method: 'finder',
    finder: 'search',
    params: { keyword: 'message' },
  });
  expect(found.elements).toEqual([
    { id: 1n, message: 'test message' },
    { id: 2n, message: 'another message' },
  ]);
  expect(found.paging).toEqual({ start: 0, count: 10, total: 2, links: [] });
  expect(found.metadata).toEqual({ optionalLong: 5n, optionalString: 'metadata' });

  const batch = await client.send({ resource: 'collection', method: 'batch_get', ids: [1n, 3n] });
  expect(batch.results).toEqual([
    { key: 1n, value: { id: 1n, message: 'test message' } },
    { key: 3n, value: { id: 2n, message: 'another message' } },
  ]);
  expect(sent).toEqual([
    'GET https://example.com/collection?keyword=message&q=search',
    'GET https://example.com/collection?ids=List(1,3)',
  ]);
});

test('schemas', async () => {
  const { SchemaSet, fromData, fromStrings, parsePdl, toData } = await import(
    '../src/schema/index.ts'
  );
  const greeting = parsePdl(`namespace com.example
record Greeting {
  id: long
  tone: enum Tone { FRIENDLY, SINCERE }
  message: optional string
  sender: union[null, member: string, bot: int] = { "member": "anonymous" }
}`);
  const set = new SchemaSet([greeting]);
  expect(
    fromData({ id: 9007199254740993n, tone: 'FRIENDLY' }, greeting, set, { withFixup: true }),
  ).toEqual({ id: 9007199254740993n, tone: 'FRIENDLY', sender: { member: 'anonymous' } });
  expect(fromStrings({ id: '7', tone: 'SINCERE', sender: { bot: '3' } }, greeting, set)).toEqual({
    id: 7n,
    tone: 'SINCERE',
    sender: { bot: 3 },
  });
  expect(() => toData({ id: 1n, tone: 'NOPE', sender: null }, greeting, set)).toThrowError(
    '"NOPE" is not a symbol of com.example.Tone at $.tone',
  );
});
