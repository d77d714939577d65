/**
 * Running a recursive chevrotain rule safely: the scanners cap nesting at `maxDepth` before the
 * parser runs, so only a caller-raised `maxDepth` beyond what the call stack holds, or a call
 * made with most of the stack already used, overflows it; that overflow becomes a clean
 * `DEPTH_EXCEEDED` at the deepest `(` reached, never a RangeError.
 *
 * @module
 */

import { RestliSyntaxError } from '../src/errors.ts';
import { isStackOverflow } from '../src/internal/stack.ts';

/** The part of chevrotain's rule bookkeeping that shows an interrupted rule entry. */
interface RuleBookkeeping {
  RULE_STACK_IDX: number;
}

/**
 * Whether `error`, thrown out of a chevrotain parser's rule, is a call-stack overflow.
 *
 * chevrotain (11.2) enters a rule inside the `try` whose `finally` leaves it: when the stack runs
 * out on the call that records the entry, the `finally` still pops one rule, and at the root the
 * "not all input parsed" check then asks for an array of length -1. That `RangeError: Invalid
 * array length` replaces the overflow. Its sign is the rule stack popped below empty (-1).
 */
export function isParserOverflow(error: unknown, parser: object): boolean {
  return (
    isStackOverflow(error) ||
    (error instanceof RangeError && (parser as RuleBookkeeping).RULE_STACK_IDX < -1)
  );
}

/** A chevrotain parser whose top rule is `rule`, and which knows the deepest `(` it entered. */
export type GuardedParser<R extends string, T> = { deepestOpenOffset(): number } & {
  readonly [rule in R]: () => T;
};

/**
 * `parser[rule]()`, with a call-stack overflow reported as `DEPTH_EXCEEDED` at the deepest `(`
 * reached. The parser and the rule's name, not closures: this runs on every decode, and two
 * closures per call were garbage.
 *
 * @example
 * ```ts
 * withStackGuard({ RULE_STACK_IDX: -1, deepestOpenOffset: () => 0, top: () => 1 }, 'top', ''); // 1
 * ```
 */
export function withStackGuard<R extends string, T>(
  parser: GuardedParser<R, T>,
  rule: R,
  input: string,
): T {
  try {
    return parser[rule]();
  } catch (error) {
    // The one test for an overflow: another RangeError is a bug to see.
    if (isParserOverflow(error, parser)) {
      throw new RestliSyntaxError(
        'DEPTH_EXCEEDED',
        'nesting too deep for the call stack',
        input,
        parser.deepestOpenOffset(),
        '(',
      );
    }
    throw error;
  }
}
