/** The comparison helpers themselves: order-free only where the spec says order is free. */
import { describe, expect, test } from 'vitest';
import { referenceTildeEscape, referenceUrlEncoder, referenceUrlEscape } from './reference.ts';
import { orderFree } from './requests.ts';

describe('orderFree sorts batch ids and mask siblings, and nothing else', () => {
  test.each([
    ['/x?ids=List(b,a)', '/x?ids=List(a,b)'],
    ['/x?ids=b&ids=a&q=1', '/x?ids=a&ids=b&q=1'],
    ['/x?fields=b,a:(d,c)', '/x?fields=a:(c,d),b'],
  ])('%s ~ %s', (a, b) => {
    expect(orderFree(a)).toBe(orderFree(b));
  });
  test.each([
    ['/x?ids=List(a%20b)', '/x?ids=List(a+b)'],
    ['/x?a=1&b=2', '/x?b=2&a=1'],
    ['/x?ids=List((a:1,b:2))', '/x?ids=List((b:2,a:1))'],
    ['/y/1?ids=1', '/y/2?ids=1'],
  ])('%s ≁ %s', (a, b) => {
    expect(orderFree(a)).not.toBe(orderFree(b));
  });
});

describe('the reference escapers, on the spec examples (b.2, b.3, e.2)', () => {
  test.each([
    ['a b/c:d,e', 'a+b%2Fc%3Ad%2Ce'],
    ["~'!", '%7E%27%21'],
    ['*-._é', '*-._%C3%A9'],
  ])('URLEncoder %j → %s', (input, expected) => {
    expect(referenceUrlEncoder(input)).toBe(expected);
  });
  test.each([
    ['a b&=+$@/', 'path', 'a%20b&=+$@%2F'],
    ['a b&=+/?;', 'query', 'a%20b%26%3D%2B/?;'],
    ['%25%2', 'query', '%25%252'],
  ] as const)('URL layer %j in %s → %s', (input, context, expected) => {
    expect(referenceUrlEscape(input, context)).toBe(expected);
  });
  test('tilde escape', () => {
    expect(referenceTildeEscape('a.b[0]~')).toBe('a~2Eb~5B0~5D~7E');
  });
});
