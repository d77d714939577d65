/**
 * The text of a JavaScript number on the wire, for every writer (values, keys, v1 parameters,
 * URN ids). `String(n)` is JavaScript's canonical form, except that it writes `-0` as `0`, which
 * reads back as another number: negative zero is written `-0.0`, as Java's `Double.toString`
 * writes it (in Java only a float or double can be negative zero). See docs/decisions.md.
 *
 * @module
 */

/**
 * `String(n)`, with negative zero written `-0.0` so that `Number(text)` gives it back. Any other
 * primitive is its `String` too, so a caller with a string, bigint or boolean in hand needs no
 * test of its own.
 */
export function numberText(n: unknown): string {
  return n === 0 && 1 / n < 0 ? '-0.0' : String(n);
}
