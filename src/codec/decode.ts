/**
 * The protocol 2.0 value parser (URIElementParser), as a public function.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';
import { checkLength } from '../internal/limits.ts';
import type { RestliData } from '../types.ts';
import type { InvalidUtf8 } from './escape.ts';
import { grammars } from './grammars.ts';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './limits.ts';

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
  checkLength(text, options?.maxLength ?? DEFAULT_MAX_LENGTH);
  return grammars().value.parseValue(text, {
    maxDepth: options?.maxDepth ?? DEFAULT_MAX_DEPTH,
    invalidUtf8: options?.invalidUtf8 ?? 'error',
  });
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
    maxDepth: options?.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxLength: options?.maxLength ?? DEFAULT_MAX_LENGTH,
    invalidUtf8: options?.invalidUtf8 ?? 'error',
  };
}
