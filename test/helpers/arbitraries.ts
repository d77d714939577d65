/**
 * fast-check arbitraries biased to what breaks Rest.li codecs: the grammar characters, `''`,
 * `%` and hex digits, `List(`, URL and v1 specials, non-ASCII and astral characters.
 */
import * as fc from 'fast-check';

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
  return leafText(value);
}

/**
 * A leaf's text: `String(value)`, except negative zero, which Java writes `-0.0`
 * (`Double.toString`) and `String` would write as `0`, another number (docs/decisions.md).
 */
export function leafText(value: unknown): string {
  return typeof value === 'number' && Object.is(value, -0) ? '-0.0' : String(value);
}

/**
 * The characters the wire syntaxes give a meaning to (2.0 grammar, v1 names, query strings,
 * masks, URNs), as single pieces.
 */
const HOSTILE = ['&', '=', '+', '.', '[', ']', '~', '%', '(', ')', ',', ':', "'", '$', '-', '#'];

/**
 * Names and texts for the round-trip matrix: the empty string, `__proto__` and its friends,
 * strings built from the wire's special characters, `%XX` look-alikes, whitespace and non-ASCII.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('', '__proto__', 'constructor', 'toString', "''") },
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              'a',
              'b',
              '0',
              'é',
              '😛',
              ' ',
              '%41',
              '~2E',
              'List(',
              '$$',
              '$*',
            ),
          },
          { weight: 1, arbitrary: fc.string({ maxLength: 2 }) },
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((parts) => parts.join('')),
  },
);

/**
 * Pieces that break Rest.li codecs, URL, header and multipart parsers, and object builders: the
 * wire syntaxes' special characters, `%` look-alikes and cut UTF-8 sequences, line breaks, the
 * prototype's names, the protocol's reserved words and values. The fuzz harness and the
 * arbitrary-input decode properties assemble their strings from this one list.
 */
export const WIRE_PIECES: readonly string[] = [
  ...HOSTILE,
  '%0A',
  '%2',
  '%zz',
  '%25',
  '%41',
  '%C3',
  '%A9',
  "''",
  '$$',
  '\r',
  '\n',
  '\r\n',
  '\r\n ',
  ' ',
  '\t',
  '?',
  '/',
  '//',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'List(',
  'List',
  'List()',
  '()',
  '(:)',
  'é',
  '😛',
  '\ud800',
  '\u2028',
  '\u0000',
  'a',
  '0',
  'ids',
  'q',
  'action',
  'fields',
  '$params',
  '1.0.0',
  '2.0.0',
  'urn:li:a:',
  'multipart/mixed; boundary=b',
  '--b',
  'GET',
  'POST',
];

/** Strings of up to `maxParts` wire pieces and bits of random text, `''` included. */
export function wireString(maxParts = 8): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...WIRE_PIECES), fc.string({ maxLength: 4 })), {
      maxLength: maxParts,
    })
    .map((parts) => parts.join(''));
}

/** hostileString without lone surrogates, which every encoder refuses (tested apart). */
export const hostileText: fc.Arbitrary<string> = hostileString.filter(
  (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s),
);

/** Builds a plain object with every key an own property, `__proto__` included. */
export function ownRecord(
  entries: readonly (readonly [string, unknown])[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A map with hostile keys (own properties), possibly empty. */
export function hostileMap<T>(
  value: fc.Arbitrary<T>,
  maxKeys = 4,
): fc.Arbitrary<Record<string, T>> {
  return fc
    .uniqueArray(fc.tuple(hostileText, value), { maxLength: maxKeys, selector: ([k]) => k })
    .map((entries) => ownRecord(entries) as Record<string, T>);
}

/** Rest.li values with hostile keys and texts, empty containers and every leaf type. */
export const hostileValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc.oneof(
        { weight: 4, arbitrary: hostileText },
        fc.integer(),
        fc.boolean(),
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
        fc.double(),
      ),
    },
    fc.array(tie('value'), { maxLength: 3 }),
    hostileMap(tie('value'), 3),
  ),
})).value;
