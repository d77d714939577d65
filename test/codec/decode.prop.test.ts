import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decode, encode, RestliError, type RestliValue } from '../../src/index.ts';
import {
  asDecoded,
  loneSurrogateString,
  restliValue,
  trickyString,
  wireString,
} from '../helpers/arbitraries.ts';
import { runs } from '../helpers/linear.ts';

const contexts = ['query', 'path', 'body'] as const;

describe('round trips', () => {
  test.prop([restliValue, fc.constantFrom(...contexts)], { numRuns: runs(2000) })(
    'decode(encode(x)) is x with leaves as strings, in every context',
    (value, context) => {
      expect(decode(encode(value as RestliValue, { context }))).toEqual(asDecoded(value));
    },
  );

  test.prop([restliValue, fc.constantFrom(...contexts)], { numRuns: runs(1000) })(
    'encode(decode(s)) is s for every canonical s',
    (value, context) => {
      const canonical = encode(value as RestliValue, { context });
      expect(encode(decode(canonical) as RestliValue, { context })).toBe(canonical);
    },
  );
});

describe('decode on arbitrary input', () => {
  const noisy = fc.oneof(
    wireString(30),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

  test.prop([noisy, fc.constantFrom<'error' | 'replace'>('error', 'replace')], {
    numRuns: runs(5000),
  })('throws nothing but RestliError, with an offset inside the input', (text, invalidUtf8) => {
    try {
      decode(text, { invalidUtf8 });
    } catch (error) {
      expect(error).toBeInstanceOf(RestliError);
      const { offset } = error as RestliError;
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(text.length);
    }
  });

  test.prop([
    fc.array(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), {
      minLength: 1,
      maxLength: 4,
    }),
  ])('keys like __proto__ never touch Object.prototype', (keys) => {
    const text = `(${keys.map((k, i) => `${k}:(x:${i})`).join(',')})`;
    const value = decode(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value).sort()).toEqual([...new Set(keys)].sort());
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('encode rejects lone surrogates wherever they are', () => {
  test.prop([loneSurrogateString, trickyString, fc.constantFrom(...contexts)])(
    'as a value or as a key',
    (bad, ok, context) => {
      for (const value of [bad, [ok, bad], { [ok]: bad }, { [bad]: ok }]) {
        expect(() => encode(value, { context })).toThrowError(
          expect.objectContaining({ code: 'LONE_SURROGATE' }),
        );
      }
    },
  );
});
