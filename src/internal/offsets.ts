/**
 * Re-basing an error offset into the whole input. A decoder that works on a slice (a query value,
 * a path segment, a mask) reports offsets into that slice; the caller, who knows where the slice
 * starts, moves them into the text the user gave. Offsets are carried down, never found again
 * with `indexOf` (the same text can occur twice).
 *
 * @module
 */

import { RestliError, RestliSyntaxError } from '../errors.ts';

/**
 * `error` with its offset moved by `base` into `whole`; an error without an offset, or not a
 * {@link RestliError}, comes back as it is. `reason` may rewrite the reason (to add context).
 *
 * @example
 * ```ts
 * rebaseError(new RestliSyntaxError('UNEXPECTED_END', 'end', '(a', 2), 'x=(a', 2).offset; // 4
 * ```
 */
export function rebaseError(
  error: unknown,
  whole: string,
  base: number,
  reason?: (error: RestliError) => string,
): unknown {
  if (!(error instanceof RestliError) || error.offset === undefined) return error;
  return new RestliSyntaxError(
    error.code,
    reason ? reason(error) : error.reason,
    whole,
    base + error.offset,
    error instanceof RestliSyntaxError ? error.token : undefined,
  );
}

/**
 * Runs `f` on a slice of `whole` that starts at `base`; an error it throws is re-based into
 * `whole` by {@link rebaseError}.
 *
 * @example
 * ```ts
 * rebased(() => 1, 'x', 0); // 1
 * ```
 */
export function rebased<T>(f: () => T, whole: string, base: number): T {
  try {
    return f();
  } catch (error) {
    throw rebaseError(error, whole, base);
  }
}

/**
 * Where the `decoded`-th character of percent- or form-decoded text starts in its raw text, so
 * that an error found after decoding points into the raw input. Only error carets use it, so an
 * invalid UTF-8 run counts one character per byte.
 *
 * @example
 * ```ts
 * rawOffset('a%C3%A9b', 2); // 7
 * ```
 */
export function rawOffset(raw: string, decoded: number): number {
  let i = 0;
  for (let k = 0; i < raw.length && k < decoded; ) {
    if (raw.charCodeAt(i) !== 0x25) {
      i++;
      k++;
      continue;
    }
    const lead = Number.parseInt(raw.slice(i + 1, i + 3), 16);
    const bytes = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    i += 3 * bytes;
    k += bytes === 4 ? 2 : 1;
  }
  return Math.min(i, raw.length);
}
