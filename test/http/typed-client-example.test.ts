/**
 * The README's typed client example, end to end through `fetch` with the client test suite's
 * recorded responses (the README block itself is also executed by test/docs.test.ts).
 */
import { expect, test } from 'vitest';

test('the typed client example (a finder and a batch_get through fetch)', async () => {
  const { readFileSync } = await import('node:fs');
  const { createClient, loadTypedResources, toFetchResponse } = await import(
    '../../src/http/index.ts'
  );
  const { readRecording } = await import('../helpers/recordings.ts');
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
          '../fixtures/restli-test-suite/snapshots/testsuite.collection.snapshot.json',
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
