/**
 * The projection parameters: query parameters whose value is a mask, not a 2.0 value, in both
 * protocol versions (spec f.4).
 *
 * @module
 */

/**
 * The names of the projection parameters.
 *
 * @example
 * ```ts
 * PROJECTION_PARAMS.has('fields'); // true
 * ```
 */
export const PROJECTION_PARAMS: ReadonlySet<string> = new Set([
  'fields',
  'metadataFields',
  'pagingFields',
]);

/**
 * Whether `name` is a projection parameter: {@link PROJECTION_PARAMS}'s test written out, since
 * the readers ask it of every parameter name, each a fresh string that a set would hash first.
 */
export function isProjectionParam(name: string): boolean {
  return name === 'fields' || name === 'metadataFields' || name === 'pagingFields';
}
