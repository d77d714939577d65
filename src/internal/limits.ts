/**
 * The input-length check every decoder runs first, so that a huge input fails before any work.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';
import { argumentError } from './args.ts';

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

/** The limits a caller may pass to an encoder or decoder, read before their types are known. */
interface LimitOptions {
  readonly maxDepth?: unknown;
  readonly maxLength?: unknown;
  readonly invalidUtf8?: unknown;
}

/**
 * A numeric limit of `options`, or its default. Anything but a number is `INVALID_ARGUMENT`: a
 * string `maxLength` compares false with every length and would turn the limit off, a bigint
 * `maxDepth` would fail in the depth arithmetic, NaN would never be reached.
 */
function limitOf(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw argumentError(`options.${name}`, 'a number', value);
  }
  return value;
}

/** `options.maxDepth`, checked, or {@link DEFAULT_MAX_DEPTH}. */
export function maxDepthOf(options: LimitOptions | undefined): number {
  return limitOf(options?.maxDepth, 'maxDepth', DEFAULT_MAX_DEPTH);
}

/** `options.maxLength`, checked, or {@link DEFAULT_MAX_LENGTH}. */
export function maxLengthOf(options: LimitOptions | undefined): number {
  return limitOf(options?.maxLength, 'maxLength', DEFAULT_MAX_LENGTH);
}

/**
 * `options.invalidUtf8`, checked, or `'error'`: a misspelt `'replace'` must not silently mean
 * `'error'`.
 */
export function invalidUtf8Of(options: LimitOptions | undefined): 'error' | 'replace' {
  const value = options?.invalidUtf8;
  if (value === undefined) return 'error';
  if (value !== 'error' && value !== 'replace') {
    throw argumentError('options.invalidUtf8', "'error' or 'replace'", value);
  }
  return value;
}
