/**
 * Recognising a call-stack overflow, so that a recursive walk under a raised `maxDepth` (or called
 * with most of the stack already used) reports `DEPTH_EXCEEDED` instead of a `RangeError`.
 *
 * @module
 */

/**
 * Whether `error` is the engine's call-stack overflow: V8's and JavaScriptCore's `RangeError:
 * Maximum call stack size exceeded`, SpiderMonkey's `InternalError: too much recursion` (not a
 * RangeError).
 */
export function isStackOverflow(error: unknown): boolean {
  // Substring tests, not a regular expression: the stack has just run out, and V8's regular
  // expressions need native stack of their own.
  return error instanceof RangeError
    ? error.message.includes('call stack')
    : error instanceof Error && error.message === 'too much recursion';
}
