/** The comparison helpers themselves: order-free only where the spec says order is free. */
import { describe, expect, test } from 'vitest';
import {
  referenceFlattenV1,
  referenceRestliEscape,
  referenceTildeEscape,
  referenceUrlEncoder,
  referenceUrlEscape,
} from './reference.ts';
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
  test('rest.li escape (a.4)', () => {
    expect(referenceRestliEscape("''")).toBe('%27%27');
    expect(referenceRestliEscape("it's (a:b,c%) List")).toBe('it%27s %28a%3Ab%2Cc%25%29 List');
  });
});

describe('the reference v1 flattener, on the spec examples (e.1, e.3) and decisions.md', () => {
  test.each([
    [{ ids: ['1', '2', '3'] }, [['ids', ['1', '2', '3']]]],
    [
      { b: 'x y', a: ['2', '10'], 'c d': { e: '&' } },
      [
        ['a', ['10', '2']],
        ['b', ['x y']],
        ['c d.e', ['&']],
      ],
    ],
    [
      { a: { b: ['x', 'y'] } },
      [
        ['a.b[0]', ['x']],
        ['a.b[1]', ['y']],
      ],
    ],
    [
      { a: [{ b: 'x' }, { b: 'y' }] },
      [
        ['a[0].b', ['x']],
        ['a[1].b', ['y']],
      ],
    ],
    [
      { testParam: { id: 123, message: 'ParamMessage' } },
      [
        ['testParam.id', ['123']],
        ['testParam.message', ['ParamMessage']],
      ],
    ],
    [{ a: '' }, [['a', ['']]]],
    [{ a: [], b: {} }, []],
    [
      { 'a.b': 'x', 'c[0]': 'y', 'd~': 'z' },
      [
        ['a~2Eb', ['x']],
        ['c~5B0~5D', ['y']],
        ['d~7E', ['z']],
      ],
    ],
    [
      { 'a.b': ['x', 'y'] },
      [
        ['a~2Eb[0]', ['x']],
        ['a~2Eb[1]', ['y']],
      ],
    ],
    [
      { a: ['x', { b: 'y' }] },
      [
        ['a[0]', ['x']],
        ['a[1].b', ['y']],
      ],
    ],
  ])('%j', (params, expected) => {
    expect(referenceFlattenV1(params)).toEqual(expected);
  });
});
