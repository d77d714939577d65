// Realistic inputs: what an API client encodes for every request.

/** A finder's parameters. */
export const finder = {
  q: 'search',
  keywords: 'senior software engineer',
  start: 0,
  count: 10,
  facets: { industry: ['4', '96'], geo: ['urn:li:geo:103644278'] },
  sort: 'relevance',
  title: 'Café (Paris)',
};

/** A batch of 100 member URNs. */
export const urns = Array.from(
  { length: 100 },
  (_, i) => `urn:li:person:${(1e9 + i * 7919).toString(36)}`,
);

/** Complex keys with $params, as in a batch get. */
export const complexKeys = Array.from({ length: 10 }, (_, i) => ({
  $params: { version: `v${i}`, locale: 'en_US' },
  memberId: 1000 + i,
  groupId: `urn:li:group:${i}`,
}));

/** A nested record with unicode and the characters every layer reserves. */
export const nested = {
  author: 'urn:li:person:2qXA98-mVk',
  text: { localized: { en_US: "It's (really) 100% done: a, b & c = d/e?", ja_JP: '亀は万年 😛' } },
  tags: ['a,b', 'c:d', "''", '', 'List(x)', '+plus', 'é'],
  position: { company: 'urn:li:organization:12345', start: { month: 1, year: 2003 } },
  visible: true,
};

/** A thousand numbers. */
export const numbers = Array.from({ length: 1000 }, (_, i) => i * 37 - 5000);

export const values = { finder, urns, complexKeys, nested, numbers };

/** A finder with ten parameters, as an API client sends it. */
export const finderParams = {
  q: 'search',
  keywords: 'senior software engineer',
  start: 0,
  count: 25,
  title: 'Café (Paris)',
  industries: ['4', '96', '6'],
  geo: ['urn:li:geo:103644278', 'urn:li:geo:90000084'],
  network: { degree: ['F', 'S'] },
  sort: 'relevance',
  locale: { language: 'en', country: 'US' },
};

/** A hundred member ids for a batch get. */
export const batchIds = Array.from({ length: 100 }, (_, i) => 10_000_000 + i * 7919);

/** 20 000 protocol 1.0 URLs: batch gets and finders, as a service's logs hold them. */
export const v1Urls = Array.from({ length: 10_000 }, (_, i) => [
  `/v2/people?ids=${i}&ids=${i + 1}&ids=${i + 2}&fields=id,firstName`,
  `/v2/people?q=search&keywords=engineer%20${i}&start=${i}&count=10&facets.industry=4`,
]).flat();
