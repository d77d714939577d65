/**
 * Java's `Integer.parseInt` and `Character.digit`, for the two places where v1 parsing relies on
 * them: the hex pair of a `%XX` escape in java URLDecoder, and the `[n]` index of a v1 parameter
 * name. Both accept more than plain ASCII digits (a sign, full-width letters, any Unicode decimal
 * digit), and the Java reference's results and messages depend on exactly what they accept.
 *
 * @module
 */

import { argumentError, expectInteger, expectString } from './args.ts';

/** `\p{Nd}`: the characters `Character.isDigit` accepts. */
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * `Character.digit(c, radix)` for one UTF-16 code unit: the digit's value, or -1.
 *
 * @example
 * ```ts
 * javaDigit('f'.charCodeAt(0), 16); // 15
 * javaDigit(0x0663, 10);            // 3 (ARABIC-INDIC DIGIT THREE)
 * ```
 */
export function javaDigit(c: number, radix: number): number {
  expectInteger(c, 'c');
  expectInteger(radix, 'radix');
  let value = -1;
  if (c >= 0x30 && c <= 0x39) value = c - 0x30;
  else if (c >= 0x41 && c <= 0x5a) value = c - 0x41 + 10;
  else if (c >= 0x61 && c <= 0x7a) value = c - 0x61 + 10;
  else if (c >= 0xff21 && c <= 0xff3a) value = c - 0xff21 + 10;
  else if (c >= 0xff41 && c <= 0xff5a) value = c - 0xff41 + 10;
  else if (c >= 0x80 && (c < 0xd800 || c > 0xdfff) && DECIMAL_DIGIT.test(String.fromCharCode(c))) {
    // Unicode encodes every decimal digit set as a contiguous run 0..9 (a stability policy), so
    // the value is the distance from the start of the run, modulo 10 for adjacent runs.
    let start = c;
    while (DECIMAL_DIGIT.test(String.fromCharCode(start - 1))) start--;
    value = (c - start) % 10;
  }
  return value < radix ? value : -1;
}

/** The outcome of {@link parseJavaInt}: the value, or the index Java's error names. */
export type JavaIntResult = { ok: true; value: number } | { ok: false; errorIndex: number };

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * `Integer.parseInt(s.subSequence(begin, end), radix)`: an optional `+` or `-`, then at least one
 * digit (as {@link javaDigit} reads them), within the 32-bit range. On failure, `errorIndex` is
 * the offending position relative to `begin`, as in Java's `Error at index N in: "…"` message.
 *
 * @example
 * ```ts
 * parseJavaInt('2z', 0, 2, 16); // { ok: false, errorIndex: 1 }
 * parseJavaInt('+1', 0, 2, 10); // { ok: true, value: 1 }
 * ```
 */
export function parseJavaInt(s: string, begin: number, end: number, radix: number): JavaIntResult {
  expectString(s, 's');
  expectInteger(begin, 'begin');
  expectInteger(end, 'end');
  expectInteger(radix, 'radix');
  if (begin < 0 || end > s.length)
    throw argumentError('begin, end', 'a range inside s', [begin, end]);
  if (begin >= end) return { ok: false, errorIndex: 0 };
  let i = begin;
  let negative = false;
  let limit = -INT_MAX;
  const first = s.charCodeAt(i);
  if (first < 0x30) {
    if (first === 0x2d) {
      negative = true;
      limit = INT_MIN;
    } else if (first !== 0x2b) {
      return { ok: false, errorIndex: 0 };
    }
    i++;
    if (i === end) return { ok: false, errorIndex: i - begin };
  }
  // Accumulate negatively, as Java does, so that INT_MIN parses without overflowing.
  const multmin = Math.trunc(limit / radix);
  let result = 0;
  for (; i < end; i++) {
    const digit = javaDigit(s.charCodeAt(i), radix);
    if (digit < 0 || result < multmin) return { ok: false, errorIndex: i - begin };
    result *= radix;
    if (result < limit + digit) return { ok: false, errorIndex: i - begin };
    result -= digit;
  }
  return { ok: true, value: negative ? result : -result || 0 };
}
