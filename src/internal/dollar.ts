/**
 * `$`-doubling, Java's `Escaper.escapePathSegment`: a field name that contains `$` is written with
 * each `$` doubled, so that it cannot be taken for a directive (`$set`, `$*`, `$start`). Masks and
 * patches share it.
 *
 * @module
 */

/**
 * `name` with every `$` doubled.
 *
 * @example
 * ```ts
 * doubleDollars('$start'); // '$$start'
 * doubleDollars('a$b'); // 'a$$b'
 * ```
 */
export function doubleDollars(name: string): string {
  // A function replacement: a `$$` replacement string would be read as a pattern.
  return name.replaceAll('$', () => '$$');
}

/**
 * Reverses {@link doubleDollars}: `$$` → `$` scanning left to right; a lone `$` is kept.
 *
 * @example
 * ```ts
 * undoubleDollars('$$start'); // '$start'
 * undoubleDollars(' $$$ '); // ' $$ '
 * ```
 */
export function undoubleDollars(name: string): string {
  return name.replaceAll('$$', () => '$');
}
