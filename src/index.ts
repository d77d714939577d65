/**
 * restli-protocol: the Rest.li protocol, byte-exact to the Java reference.
 *
 * @packageDocumentation
 */

export type { DecodeOptions } from './decode.ts';
export { decode } from './decode.ts';
export type { EncodeOptions } from './encode.ts';
export { encode } from './encode.ts';
export { RestliEncodeError, RestliError, RestliSyntaxError } from './errors.ts';
export type { InvalidUtf8, PercentDecodeOptions, UriComponent, ValueContext } from './escape.ts';
export { decodeOctetRun, encodeUriComponent, percentDecode, urlEncoderEncode } from './escape.ts';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './limits.ts';
export type { RestliData, RestliDataMap, RestliPrimitive, RestliValue } from './types.ts';
