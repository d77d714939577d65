/**
 * The data types the codecs read and write.
 *
 * @module
 */

/** A leaf a caller may hand to an encoder. Numbers print in JS canonical form. */
export type RestliPrimitive = string | number | bigint | boolean;

/**
 * A value an encoder accepts: primitives, arrays and plain objects of them. Object entries whose
 * value is `undefined` are omitted, as `JSON.stringify` does.
 */
export type RestliValue =
  | RestliPrimitive
  | readonly RestliValue[]
  | { readonly [key: string]: RestliValue | undefined };

/**
 * A decoded 2.0 value. The wire format is untyped, so every leaf is a string; typing happens
 * later, against a schema.
 */
export type RestliData = string | RestliData[] | { [key: string]: RestliData };

/** A decoded map. */
export type RestliDataMap = { [key: string]: RestliData };
