/**
 * v1 compound keys with empty-string parts (issue 9): the Java client writes `c=` for an empty
 * part (vector derived:key-edge, spec d.2), in a path segment and, escaped once more, in `ids`.
 * The library reads back what it (and Java) writes.
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type CompoundKey, decodeKey, encodeKey, type KeyContext } from '../../src/wire/keys.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { runs } from '../helpers/linear.ts';

const v1 = { kind: 'compound', version: '1.0.0' } as const;

describe('reading v1 compound keys', () => {
  test.each([
    ['a=&b=1', 'path', { a: '', b: '1' }],
    ['a=1&b=', 'path', { a: '1', b: '' }],
    ['a=&b=', 'path', { a: '', b: '' }],
    ['a=', 'path', { a: '' }],
    ['=x', 'path', { '': 'x' }],
    ['a%3D%26b%3D1', 'query', { a: '', b: '1' }],
    ['a=&b=1', 'body', { a: '', b: '1' }],
    ['a=&b=1', 'header', { a: '', b: '1' }],
    ['a=x+y&b=', 'path', { a: 'x y', b: '' }],
    ['a=1&', 'path', { a: '1' }],
  ] as const)('%s in %s', (text, context, expected) => {
    expect(decodeKey(text, { ...v1, context: context as KeyContext })).toEqual(expected);
  });

  test.each([
    ['a', 0],
    ['a=1&b', 4],
    ['a=1&&b=2', 4],
    ['a==', 0],
    ['a=b=c', 0],
    ['=', 0],
    ['a=1&=', 4],
  ])('%s is a bad key format at %i', (text, offset) => {
    expect(() => decodeKey(text, v1)).toThrowError(
      expect.objectContaining({ code: 'INVALID_KEY_FORMAT', offset }),
    );
  });

  test('the legacy a:1;b:2 form keeps Java’s split: no empty parts', () => {
    expect(decodeKey('a:1;b:2', v1)).toEqual({ a: '1', b: '2' });
    expect(() => decodeKey('a:;b:2', v1)).toThrowError(
      expect.objectContaining({ code: 'INVALID_KEY_FORMAT' }),
    );
  });
});

test.each([
  ['path', 'a=&b=1'],
  ['query', 'a%3D%26b%3D1'],
  ['body', 'a=&b=1'],
  ['header', 'a=&b=1'],
] as const)('writing { a: "", b: 1 } in a v1 %s gives %s', (context, expected) => {
  expect(encodeKey({ a: '', b: 1 }, { ...v1, context })).toBe(expected);
});

/** Part names: anything but the empty name, whose `=x` form is legal but `=` alone is not. */
const part = fc.oneof(fc.constant(''), trickyString);
const partName = trickyString.filter((s) => s !== '');

describe('round trip', () => {
  prop.prop(
    [
      fc.dictionary(partName, part, { minKeys: 1, maxKeys: 4 }),
      fc.constantFrom<KeyContext>('path', 'query', 'body', 'header'),
    ],
    { numRuns: runs(400) },
  )('encodeKey then decodeKey gives the parts back, empty ones included', (key, context) => {
    const text = encodeKey(key as CompoundKey, { ...v1, context });
    expect(decodeKey(text, { ...v1, context })).toEqual(key);
  });
});
