/**
 * Recognising a call-stack overflow, so that a recursive walk under a raised `maxDepth` (or called
 * with most of the stack already used) reports `DEPTH_EXCEEDED` instead of a `RangeError`.
 *
 * @module
 */

/** Whether `error` is the engine's "Maximum call stack size exceeded" (V8, SpiderMonkey, JSC). */
export function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError && /call stack|too much recursion/i.test(String(error.message))
  );
}
