/**
 * Protocol 1.0 query parameters: flattening to `name=value` pairs, the v1 query and complex-key
 * strings, and parsing them back. One place for the package root to re-export from.
 *
 * @module
 */

export type { FlattenV1Options, V1Params, V1StringEscaping } from './flatten.ts';
export { dataMapToQueryString, encodeQueryV1, flattenV1, PROJECTION_PARAMS } from './flatten.ts';
export type { FormDecodeOptions } from './form.ts';
export { formDecode } from './form.ts';
export type { NameSegment } from './segment.ts';
export { parseNameSegment } from './segment.ts';
export type { AsciiHexCodec } from './tilde.ts';
export { createAsciiHexCodec, escapeNameSegment, unescapeNameSegment } from './tilde.ts';
export type { DecodedQueryV1, DecodeQueryV1Options, UnflattenV1Options } from './unflatten.ts';
export {
  decodeQueryV1,
  decodeQueryV1Detailed,
  unflattenV1,
  unflattenV1Detailed,
} from './unflatten.ts';
