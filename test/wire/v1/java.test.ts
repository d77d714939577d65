import { describe, expect, test } from 'vitest';
import { javaHashMapOrder, javaStringHash } from '../../../src/internal/java-hash-order.ts';
import { javaDigit, parseJavaInt } from '../../../src/internal/java-int.ts';

describe('Java String.hashCode and HashMap iteration order', () => {
  test.each([
    ['', 0],
    ['a', 97],
    ['a.b', 94741],
    ['a[0]', 2978759],
    ['hello world', 1794106052],
    ['polygenelubricants', -2147483648],
  ])('hashCode(%j) = %d', (s, hash) => {
    expect(javaStringHash(s)).toBe(hash);
  });

  test('keys iterate by bucket, then by insertion', () => {
    expect(javaHashMapOrder(['a[0]', 'a.b'])).toEqual(['a.b', 'a[0]']);
    expect(javaHashMapOrder(['a', 'a.b'])).toEqual(['a', 'a.b']);
    // "Aa" and "BB" collide: insertion order decides.
    expect(javaHashMapOrder(['BB', 'Aa'])).toEqual(['BB', 'Aa']);
    expect(javaHashMapOrder(['Aa', 'BB'])).toEqual(['Aa', 'BB']);
  });

  test('the table grows at 12 entries (load factor 0.75)', () => {
    // With 16 buckets "p" (112) and "\u0080" (128) share bucket 0; with 32 they do not.
    const filler = Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x41 + i));
    expect(javaHashMapOrder(['\u0080', 'p'])).toEqual(['\u0080', 'p']);
    expect(javaHashMapOrder(['\u0080', 'p', ...filler]).slice(0, 2)).toEqual(['\u0080', 'A']);
    expect(javaHashMapOrder(['\u0080', 'p', ...filler]).indexOf('p')).toBeGreaterThan(
      javaHashMapOrder(['\u0080', 'p', ...filler]).indexOf('\u0080'),
    );
  });
});

describe('Integer.parseInt and Character.digit', () => {
  test.each([
    ['0', 10, 0],
    ['+12', 10, 12],
    ['-12', 10, -12],
    ['007', 10, 7],
    ['2147483647', 10, 2147483647],
    ['-2147483648', 10, -2147483648],
    ['fF', 16, 255],
    ['\uff26\uff46', 16, 255],
    ['\u0663\u0664', 10, 34],
  ])('%j (radix %d) = %d', (s, radix, value) => {
    expect(parseJavaInt(s, 0, s.length, radix)).toEqual({ ok: true, value });
  });

  test.each([
    ['', 0],
    ['+', 1],
    ['-', 1],
    ['1x', 1],
    ['x1', 0],
    ['2147483648', 9],
    ['-2147483649', 10],
    ['1 ', 1],
  ])('%j fails at %d', (s, errorIndex) => {
    expect(parseJavaInt(s, 0, s.length, 10)).toEqual({ ok: false, errorIndex });
  });

  test('digits of other scripts, letters only up to the radix', () => {
    expect(javaDigit('7'.charCodeAt(0), 10)).toBe(7);
    expect(javaDigit('a'.charCodeAt(0), 10)).toBe(-1);
    expect(javaDigit('z'.charCodeAt(0), 36)).toBe(35);
    expect(javaDigit(0x0967, 10)).toBe(1); // DEVANAGARI DIGIT ONE
    expect(javaDigit(0xff10, 10)).toBe(0); // FULLWIDTH DIGIT ZERO
    expect(javaDigit(0x00b2, 10)).toBe(-1); // SUPERSCRIPT TWO is not a decimal digit
    expect(javaDigit(0xd835, 10)).toBe(-1);
  });
});
