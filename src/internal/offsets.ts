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
