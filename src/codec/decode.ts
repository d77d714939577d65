/**
 * The protocol 2.0 value parser (URIElementParser), as a public function.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';
import { expectOptions, expectString } from '../internal/args.ts';
import { checkLength, invalidUtf8Of, maxDepthOf, maxLengthOf } from '../internal/limits.ts';
import { checkEscape, decodeChecked, type InvalidUtf8 } from '../internal/percent.ts';
import type { RestliData } from '../types.ts';
import { grammars } from './grammars.ts';

/** Options of {@link decode}. */
export interface DecodeOptions {
  /** Deepest nesting of lists and maps accepted; deeper input is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
  /** Longest input accepted, in UTF-16 code units; longer is `MAX_LENGTH_EXCEEDED`. Default 16 Mi. */
  maxLength?: number;
  /**
   * Percent escapes whose bytes are not UTF-8 (`%E9`, `%ED%A0%BD`): `'error'` (default) rejects
   * them with `INVALID_UTF8`, so nothing is changed silently; `'replace'` writes U+FFFD for them,
   * as the Java reference does.
   */
  invalidUtf8?: InvalidUtf8;
}

/**
 * Parses one Rest.li 2.0 value: the raw, still percent-encoded text of a path segment or of a
 * query parameter value (the part after `=`). Maps come back as plain objects, lists as arrays,
 * and every leaf as a string: 2.0 is untyped until a schema says otherwise.
 *
 * @example
 * ```ts
 * decode('(ids:List(1,2),q:search)'); // { ids: ['1', '2'], q: 'search' }
 * decode('(x:%28a%3Ab%29)');          // { x: '(a:b)' }
 * decode("''");                       // ''
 * ```
 * @throws {@link RestliSyntaxError} with the Java reference's message as `reason`, the column in
 * the encoded input as `offset`, and a code: `UNEXPECTED_END`, `UNEXPECTED_TOKEN`,
 * `EXPECTED_STRING`, `EXPECTED_TOKEN`, `TRAILING_TOKENS`, `MALFORMED_ESCAPE`, `INVALID_UTF8`,
 * `DEPTH_EXCEEDED` or `MAX_LENGTH_EXCEEDED`.
 */
export function decode(text: string, options?: DecodeOptions): RestliData {
  expectString(text, 'text');
  expectOptions(options);
  checkLength(text, maxLengthOf(options));
  const invalidUtf8 = invalidUtf8Of(options);
  const scalar = decodeScalar(text, invalidUtf8);
  if (scalar !== undefined) return scalar;
  return grammars().value.parseValue(text, maxDepthOf(options), invalidUtf8);
}

/**
 * `options` with every limit set: the defaults filled in, so that a decoder that reaches the
 * value parser through several calls (a query, a URL) passes the same limits to each.
 *
 * @example
 * ```ts
 * decodeLimits({ maxDepth: 8 }); // { maxDepth: 8, maxLength: 16777216, invalidUtf8: 'error' }
 * ```
 */
export function decodeLimits(options?: DecodeOptions): Required<DecodeOptions> {
  return {
    maxDepth: maxDepthOf(options),
    maxLength: maxLengthOf(options),
    invalidUtf8: invalidUtf8Of(options),
  };
}

/**
 * The direct path for a value with no grammar character: a lone STRING token, which is its
 * percent-decoded text (`''` is the empty string). It raises the errors the grammar path raises,
 * in the same order (the scanner checks escapes left to right, then decodes the piece), and
 * returns `undefined` when the grammar must decide (a grammar character, or empty input). It
 * never loads the parser. A differential property test holds it to the grammar path.
 */
export function decodeScalar(text: string, invalidUtf8: InvalidUtf8): string | undefined {
  const n = text.length;
  if (n === 0) return undefined;
  let escaped = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      checkEscape(text, i);
      escaped = true;
      i += 2;
    } else if (c <= 0x3a && (c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3a)) {
      return undefined;
    }
  }
  if (!escaped) return text === "''" ? '' : text;
  return decodeChecked(text, 0, n, invalidUtf8 === 'replace');
}
