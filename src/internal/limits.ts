/**
 * The input-length check every decoder runs first, so that a huge input fails before any work.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';

/** Default nesting limit of every encoder and decoder. */
export const DEFAULT_MAX_DEPTH = 256;

/** Default input length limit of the decoders, in UTF-16 code units (16 MiB). */
export const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;

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
