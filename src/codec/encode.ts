/**
 * The protocol 2.0 value printer. Deliberately free of the parser (and of chevrotain), so that a
 * client that only builds URLs never loads it.
 *
 * @module
 */

import { LoneSurrogateError, RestliEncodeError } from '../errors.ts';
import { argumentError, describeArgument, isPlainRecord } from '../internal/args.ts';
import { maxDepthOf } from '../internal/limits.ts';
import { numberText } from '../internal/number-text.ts';
import { childPath } from '../internal/paths.ts';
import { sortStrings } from '../internal/sort.ts';
import { isStackOverflow } from '../internal/stack.ts';
import { loneSurrogateIndex } from '../internal/utf8.ts';
import type { RestliValue } from '../types.ts';
import { escapeV2, type ValueContext } from './escape.ts';

/** Options of {@link encode}. */
export interface EncodeOptions {
  /**
   * Where the text goes: `'query'` (default) a query parameter value or name, `'path'` a path
   * segment, `'body'` a header or batch-body key (rest.li escaping only, no URL escaping).
   */
  context?: ValueContext;
  /** Deepest nesting of lists and maps accepted; deeper input is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
}

/** Thrown inside the fast path; the slow path then finds where and why. */
class Bad extends Error {}

/**
 * Writes `value` as a Rest.li 2.0 value, byte for byte as the Java reference does: map keys
 * sorted by UTF-16 code units, `''` for the empty string, `()` and `List()` for empty containers,
 * and the escape set of `options.context`.
 *
 * @example
 * ```ts
 * encode({ q: 'search', ids: [1, 2] }); // '(ids:List(1,2),q:search)'
 * encode('a b/c', { context: 'path' }); // 'a%20b%2Fc'
 * ```
 * @throws {@link RestliEncodeError} for `null`, `undefined` outside a map entry, functions,
 * symbols, non-plain objects, cycles, lone surrogates and nesting deeper than `maxDepth`; its
 * `path` names the bad value (`$.a[2].b`).
 */
export function encode(value: RestliValue, options?: EncodeOptions): string {
  const context = options?.context ?? 'query';
  // Checked once here: an unknown context would index no escape table (a TypeError), or an
  // inherited one (`'toString'`), deep inside the writer.
  if (context !== 'query' && context !== 'path' && context !== 'body') {
    throw argumentError('options.context', "'query', 'path' or 'body'", context);
  }
  // Checked (a number) by maxDepthOf: a bigint or string would fail, or never reach 0, in the
  // depth arithmetic below.
  const maxDepth = maxDepthOf(options);
  try {
    return write(value, context, maxDepth);
  } catch (error) {
    if (error instanceof Bad || error instanceof LoneSurrogateError || isStackOverflow(error)) {
      throw (
        locate(value, context, maxDepth) ??
        new RestliEncodeError('DEPTH_EXCEEDED', 'nesting too deep for the call stack', '$')
      );
    }
    throw error;
  }
}

/** Writes one primitive or string leaf; `undefined` when `value` is not a primitive. */
export function encodeLeaf(value: unknown, context: ValueContext): string | undefined {
  switch (typeof value) {
    case 'string':
      return value === '' ? "''" : escapeV2(value, context);
    case 'number':
      // Integers print as digits; other numbers are escaped like any string, since `1e+21` has
      // a `+` that a query must write as `%2B`. NaN and ±Infinity print as Java writes them,
      // and so does negative zero (`-0.0`, which needs no escape: `String(-0)` is `0`).
      return Number.isSafeInteger(value) ? numberText(value) : escapeV2(numberText(value), context);
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
}

function write(value: unknown, context: ValueContext, depthLeft: number): string {
  const leaf = encodeLeaf(value, context);
  if (leaf !== undefined) return leaf;
  if (typeof value !== 'object' || value === null || depthLeft === 0) throw new Bad();
  if (Array.isArray(value)) {
    const n = value.length;
    if (n === 0) return 'List()';
    let out = 'List(';
    for (let i = 0; i < n; i++) {
      if (i > 0) out += ',';
      out += write(value[i], context, depthLeft - 1);
    }
    return `${out})`;
  }
  if (!isPlainRecord(value)) throw new Bad();
  const keys = sortedKeys(value);
  let out = '(';
  let first = true;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += key === '' ? "''" : escapeV2(key, context);
    out += ':';
    out += write(v, context, depthLeft - 1);
  }
  return `${out})`;
}

/** Own enumerable keys in UTF-16 code unit order (Java's `String.compareTo`). */
export function sortedKeys(object: object): string[] {
  return sortStrings(Object.keys(object));
}

/**
 * Why a container cannot be written: it is no plain object or array. Named by its kind
 * ({@link describeArgument}), never by a property it may have replaced (`constructor`).
 */
export function notPlainReason(value: object): string {
  return `${describeArgument(value)} is not a plain object or array`;
}

/**
 * The slow path, run only after the fast one failed: walks `value` again with an explicit stack,
 * keeping the path and the ancestors, and returns the error for the first bad value. `undefined`
 * means nothing is wrong but the nesting was too deep for the call stack.
 */
function locate(
  value: unknown,
  context: ValueContext,
  maxDepth: number,
): RestliEncodeError | undefined {
  // A frame is entered once (pushing its children and an exit marker) and left once.
  type Frame = { value: unknown; path: string; depth: number; exit?: boolean };
  const stack: Frame[] = [{ value, path: '$', depth: 0 }];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value: v, path, depth } = frame;
    if (frame.exit) {
      onPath.delete(v as object);
      continue;
    }
    if (typeof v === 'string') {
      const at = loneSurrogateIndex(v);
      if (at === -1) continue;
      return new RestliEncodeError(
        'LONE_SURROGATE',
        `lone surrogate at index ${at} of a string`,
        path,
      );
    }
    if (encodeLeaf(v, context) !== undefined) continue;
    if (v === null)
      return new RestliEncodeError('UNSUPPORTED_VALUE', 'null is not encodable', path);
    if (typeof v !== 'object') {
      return new RestliEncodeError('UNSUPPORTED_VALUE', `${typeof v} is not encodable`, path);
    }
    if (onPath.has(v)) return new RestliEncodeError('CIRCULAR_VALUE', 'circular reference', path);
    if (depth >= maxDepth) {
      const reason = `nesting deeper than maxDepth ${maxDepth}`;
      return new RestliEncodeError('DEPTH_EXCEEDED', reason, path);
    }
    if (!Array.isArray(v) && !isPlainRecord(v)) {
      return new RestliEncodeError('UNSUPPORTED_VALUE', notPlainReason(v), path);
    }
    onPath.add(v);
    stack.push({ value: v, path, depth, exit: true });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      }
      continue;
    }
    const keys = sortedKeys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = (v as Record<string, unknown>)[key];
      if (child === undefined) continue;
      const keyPath = childPath(path, key);
      stack.push({ value: child, path: keyPath, depth: depth + 1 });
      // Keys are strings too, and can hold lone surrogates.
      stack.push({ value: key, path: keyPath, depth: depth + 1 });
    }
  }
  return undefined;
}
