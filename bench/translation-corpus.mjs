// The realistic translation corpus of issue 12: 10 000 request URLs built with buildUrl against
// the members IDL of test/fixtures/idl (seven request kinds), half written in protocol 1.0 to be
// converted to 2.0, half written in 2.0 to be converted to 1.0.
import { readFileSync } from 'node:fs';

const idlDir = new URL('../test/fixtures/idl/', import.meta.url);
/** The members IDLs as convertUrl takes them. */
export const idls = [
  JSON.parse(readFileSync(new URL('com.example.members.restspec.json', idlDir), 'utf8')),
];

const words = ['engineer', 'Café (Paris)', 'data, science', 'a:b', '100% remote', 'São Paulo'];

/** The request of kind `k` (0–6) for index `i`, as an API client would build it. */
function request(k, i) {
  const member = { memberId: 1000 + i, locale: 'en_US', $params: { version: `v${i % 5}` } };
  const word = words[i % words.length];
  switch (k) {
    case 0: // get by complex key, with a query parameter
      return {
        method: 'get',
        resource: 'members',
        id: member,
        keyKind: 'complex',
        params: { locale: 'en_US' },
      };
    case 1: // batch get of complex keys, with a projection
      return {
        method: 'batch_get',
        resource: 'members',
        ids: [member, { ...member, memberId: 2000 + i }, { ...member, memberId: 3000 + i }],
        keyKind: 'complex',
        fields: ['id', 'firstName', 'positions'],
      };
    case 2: // finder with a string, an array and a map parameter
      return {
        method: 'finder',
        resource: 'members',
        finder: 'search',
        params: {
          keywords: `${word} ${i}`,
          industries: ['4', '96', String(i % 50)],
          facets: { geo: `urn:li:geo:${103644278 + i}`, network: 'F' },
          start: i % 100,
          count: 10,
        },
      };
    case 3: // batch finder with a list of records
      return {
        method: 'batch_finder',
        resource: 'members',
        batchFinder: 'byCriteria',
        params: {
          criteria: [
            { title: word, seniority: String(i % 7) },
            { title: 'manager', seniority: '3' },
          ],
        },
      };
    case 4: // action (its parameters travel in the JSON body: the URL names the action only)
      return { method: 'action', resource: 'members', action: 'merge' };
    case 5: // association sub-resource get, the parent keyed by a complex key
      return {
        method: 'get',
        resource: 'members/{membersId}/connections',
        pathKeys: { membersId: member },
        pathKeyKinds: { membersId: 'complex' },
        id: { from: `urn:li:person:${i}`, to: i + 1 },
        keyKind: 'compound',
      };
    default: // collection sub-resource batch get of URN keys
      return {
        method: 'batch_get',
        resource: 'members/{membersId}/posts',
        pathKeys: { membersId: member },
        pathKeyKinds: { membersId: 'complex' },
        ids: [`urn:li:post:${i}`, `urn:li:post:${i + 1}`],
        keyKind: 'primitive',
      };
  }
}

/**
 * `{ url, to }` pairs: even indices written in 1.0 (to convert to 2.0), odd in 2.0 (to 1.0), the
 * seven kinds in turn.
 */
export function translationCorpus(buildUrl, n = 10_000) {
  const corpus = [];
  for (let i = 0; i < n; i++) {
    const from = i % 2 === 0 ? '1.0.0' : '2.0.0';
    const url = buildUrl(request(i % 7, i), { version: from });
    corpus.push({ url, from, to: from === '1.0.0' ? '2.0.0' : '1.0.0', httpMethod: httpOf(i % 7) });
  }
  return corpus;
}

function httpOf(k) {
  return k === 3 || k === 4 ? 'POST' : 'GET';
}
