/**
 * JSONPath-like paths (`$.a[2]["b c"]`) that errors use to name a value inside an argument.
 *
 * @module
 */

/** A name that can follow a `.` in a path; anything else is written `["…"]`. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The path of the member `key` (a field name or a list index) of the value at `path`.
 *
 * @example
 * ```ts
 * childPath('$', 'a'); // '$.a'
 * childPath('$.a', 2); // '$.a[2]'
 * childPath('$', 'b c'); // '$["b c"]'
 * ```
 */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * The path of a value reached by `trail`, a list of field names and list indexes from the root.
 *
 * @example
 * ```ts
 * formatPath(['a', 2, 'b']); // '$.a[2].b'
 * ```
 */
export function formatPath(trail: readonly (string | number)[]): string {
  let path = '$';
  for (const step of trail) path = childPath(path, step);
  return path;
}
