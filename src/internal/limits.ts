/**
 * The input-length check every decoder runs first, so that a huge input fails before any work.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';

/**
 * Throws `MAX_LENGTH_EXCEEDED` when `text` is longer than `maxLength` UTF-16 code units.
 *
 * @example
 * ```ts
 * checkLength('abc', 3); // undefined
 * checkLength('abcd', 3); // Error MAX_LENGTH_EXCEEDED
 * ```
 */
export function checkLength(text: string, maxLength: number): void {
  if (text.length > maxLength) {
    throw new RestliSyntaxError(
      'MAX_LENGTH_EXCEEDED',
      `input longer than maxLength ${maxLength}`,
      text,
      maxLength,
    );
  }
}
