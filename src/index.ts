/**
 * restli-protocol: the Rest.li protocol, byte-exact to the Java reference.
 *
 * @packageDocumentation
 */

export type { EncodeOptions } from './encode.ts';
export { encode } from './encode.ts';
export { RestliEncodeError, RestliError, RestliSyntaxError } from './errors.ts';
export type { InvalidUtf8, ValueContext } from './escape.ts';
export type { RestliData, RestliDataMap, RestliPrimitive, RestliValue } from './types.ts';
