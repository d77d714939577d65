/**
 * fast-check arbitraries biased to what breaks Rest.li codecs: the grammar characters, `''`,
 * `%` and hex digits, `List(`, URL and v1 specials, non-ASCII and astral characters.
 */
import { fc } from '@fast-check/vitest';

const TRICKY = [
  '(',
  ')',
  ',',
  ':',
  "'",
  "''",
  '%',
  '%2',
  '%25',
  '%41',
  'List(',
  'List',
  '$',
  '.',
  '[',
  ']',
  '~',
  '+',
  '&',
  '=',
  '/',
  '?',
  '#',
  ';',
  ' ',
  '\t',
  'é',
  '亀',
  '😛',
  '\u00a0',
  '\u2028',
  'A',
  '0',
];

/** Strings assembled from tricky pieces and ordinary characters, including the empty string. */
export const trickyString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TRICKY),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** A string with a lone surrogate somewhere in it. */
export const loneSurrogateString: fc.Arbitrary<string> = fc
  .tuple(trickyString, fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'), trickyString)
  .map(([a, s, b]) => a + s + b);

/** Primitive leaves an encoder accepts. */
export const leaf: fc.Arbitrary<string | number | bigint | boolean> = fc.oneof(
  { weight: 6, arbitrary: trickyString },
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.boolean(),
);

/** Nested Rest.li values: maps with tricky keys, lists, leaves. */
export const restliValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(trickyString, fc.constantFrom('__proto__', 'constructor', '$params')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** The value a 2.0 decoder gives back for `value`: leaves as their text. */
export function asDecoded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asDecoded);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: asDecoded(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return String(value);
}
