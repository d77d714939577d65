/**
 * Every writer of a number writes text that reads back as the same number, negative zero
 * included (`String(-0)` is `0`): values in each context, 1.0 parameters, primitive keys, URN ids
 * and JSON bodies. Negative zero is written `-0.0`, as Java's `Double.toString` writes it
 * (docs/decisions.md).
 */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { decode } from '../../src/codec/decode.ts';
import { encode } from '../../src/codec/encode.ts';
import { parseJson, stringifyJson } from '../../src/internal/json.ts';
import { readJson, writeJson } from '../../src/schema/json.ts';
import { decodeKey, encodeKey } from '../../src/wire/keys.ts';
import { decodeQuery, encodeQuery } from '../../src/wire/query.ts';
import { formatUrn, parseUrn } from '../../src/wire/urn.ts';

/** Doubles biased to the edges: ±0, ±Infinity, NaN, subnormals, the safe-integer bounds. */
const number = fc.oneof(
  fc.constantFrom(
    -0,
    0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    2 ** 53,
    1e21,
    -1e-7,
  ),
  fc.double(),
  fc.integer(),
);

/** The number a leaf's text (or a JSON number, a bigint beyond 2^53) stands for. */
const read = (text: unknown): number => Number(text);

describe('negative zero', () => {
  test.each([
    [-0, '-0.0'],
    [0, '0'],
    [-1.5, '-1.5'],
  ])('encode(%d) is %s in every context', (n, text) => {
    for (const context of ['query', 'path', 'body'] as const) {
      expect(encode(n, { context })).toBe(text);
    }
  });

  test.each([
    ['1.0 parameter', () => encodeQuery({ a: -0 }, { version: '1.0.0' }), 'a=-0.0'],
    ['2.0 parameter', () => encodeQuery({ a: -0 }, { version: '2.0.0' }), 'a=-0.0'],
    ['1.0 key', () => encodeKey(-0, { kind: 'primitive', version: '1.0.0' }), '-0.0'],
    ['2.0 key', () => encodeKey(-0, { kind: 'primitive', version: '2.0.0' }), '-0.0'],
    ['URN id', () => formatUrn({ namespace: 'li', entityType: 'x', id: -0 }), 'urn:li:x:-0.0'],
    ['JSON body', () => stringifyJson({ a: -0 }), '{"a":-0.0}'],
    ['schema JSON', () => writeJson({ a: -0 }), '{"a":-0.0}'],
  ])('%s', (_what, write, expected) => {
    expect(write()).toBe(expected);
  });
});

describe('numbers round-trip through every writer', () => {
  prop.prop([number, fc.constantFrom('query', 'path', 'body' as const)])('values', (n, context) => {
    expect(read(decode(encode(n, { context })))).toBe(n);
  });

  prop.prop([number, fc.constantFrom('1.0.0', '2.0.0' as const)])('parameters', (n, version) => {
    expect(read(decodeQuery(encodeQuery({ a: n }, { version }), { version }).a)).toBe(n);
  });

  prop.prop([
    number,
    fc.constantFrom('1.0.0', '2.0.0' as const),
    fc.constantFrom('path', 'query' as const),
  ])('primitive keys', (n, version, context) => {
    const options = { kind: 'primitive', version, context } as const;
    expect(read(decodeKey(encodeKey(n, options), options))).toBe(n);
  });

  prop.prop([number.filter(Number.isFinite)])('URN ids', (n) => {
    const urn = parseUrn(formatUrn({ namespace: 'li', entityType: 'x', id: n }));
    expect(read(urn.id)).toBe(n);
  });

  prop.prop([number.filter(Number.isFinite)])('JSON bodies', (n) => {
    expect(read((parseJson(stringifyJson({ a: n })) as { a: unknown }).a)).toBe(n);
    expect(read((readJson(writeJson({ a: n })) as { a: unknown }).a)).toBe(n);
  });
});
