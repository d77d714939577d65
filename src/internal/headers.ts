/**
 * HTTP field names are case-insensitive: the one rule by which every module looks a header up.
 *
 * @module
 */

/**
 * The form under which two header names compare equal (ASCII case folded).
 *
 * @example
 * ```ts
 * headerKey('Content-Type'); // 'content-type'
 * ```
 */
export function headerKey(name: string): string {
  return name.toLowerCase();
}

/**
 * The value of the first entry named `name` (any case) whose value `present` accepts; `undefined`
 * when there is none.
 *
 * @example
 * ```ts
 * findHeader([['content-type', 'a/b']], 'Content-Type'); // 'a/b'
 * findHeader(Object.entries({ 'X-A': undefined, 'x-a': '1' }), 'x-A'); // '1'
 * ```
 */
export function findHeader<T>(
  entries: Iterable<readonly [string, T]>,
  name: string,
  present: (value: T) => boolean = (value) => value !== undefined,
): T | undefined {
  const wanted = headerKey(name);
  for (const [key, value] of entries) {
    if (headerKey(key) === wanted && present(value)) return value;
  }
  return undefined;
}
