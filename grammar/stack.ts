/**
 * Running a recursive chevrotain rule safely: the scanners cap nesting at `maxDepth` before the
 * parser runs, so only a caller-raised `maxDepth` beyond what the call stack holds overflows it;
 * that overflow becomes a clean `DEPTH_EXCEEDED` at the deepest `(` reached, never a RangeError.
 *
 * @module
 */

import { RestliSyntaxError } from '../src/errors.ts';
import { isStackOverflow } from '../src/internal/stack.ts';

/**
 * `rule()`, with a call-stack overflow reported as `DEPTH_EXCEEDED` at `deepestOpenOffset()`.
 *
 * @example
 * ```ts
 * withStackGuard(() => 1, '', () => 0); // 1
 * ```
 */
export function withStackGuard<T>(
  rule: () => T,
  input: string,
  deepestOpenOffset: () => number,
): T {
  try {
    return rule();
  } catch (error) {
    // The one test for an overflow (src/internal/stack.ts): another RangeError is a bug to see.
    if (isStackOverflow(error)) {
      throw new RestliSyntaxError(
        'DEPTH_EXCEEDED',
        'nesting too deep for the call stack',
        input,
        deepestOpenOffset(),
        '(',
      );
    }
    throw error;
  }
}
