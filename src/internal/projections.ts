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
