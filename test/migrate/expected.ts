/**
 * What the translator's tests expect, written once: the versions, an array type as an IDL writes
 * it, and the warnings whose text several tests spell out (docs/decisions.md, "Translation").
 * Literals, never produced by the library.
 */
import type { ConvertWarning } from '../../src/migrate/convert.ts';

export const V1 = '1.0.0';
export const V2 = '2.0.0';

/** `string[]` as a restspec writes an inline parameter type. */
export const ARRAY_OF_STRINGS = '{ "type" : "array", "items" : "string" }';

/** A 1.0 parameter with one value, kept a scalar in 2.0 (spec e.5). */
export const assumedScalar = (where: string): ConvertWarning => ({
  code: 'SINGLE_VALUE_ASSUMED_SCALAR',
  where,
  message: `'${where}' has one value in 1.0: written as a scalar; if it is an array, 2.0 needs List(…)`,
});

/** A key segment whose form, without an IDL, says which kind it is read as. */
export const guessedKind = (kind: 'compound' | 'complex', where: string): ConvertWarning => ({
  code: 'KEY_KIND_GUESSED',
  where,
  message: `read as a ${kind} key from its form; without an IDL it could also be a string key`,
});
