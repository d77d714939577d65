/**
 * restli-protocol: the Rest.li protocol, byte-exact to the Java reference. The package root
 * holds the everyday API: values, keys, queries, masks, URNs, URLs and their headers, id headers
 * and batch keys, the v1/v2 translator, errors and types. The rest lives in subpath entries:
 * `restli-protocol/v1` (protocol 1.0 flattening), `restli-protocol/http` (versions, tunneling,
 * multipart, content types, patches), `restli-protocol/migrate` (translation and IDLs),
 * `restli-protocol/java` (reference-level primitives with the Java reference's names).
 *
 * @packageDocumentation
 */

export type { DecodeOptions } from './codec/decode.ts';
export { decode } from './codec/decode.ts';
export type { EncodeOptions } from './codec/encode.ts';
export { encode } from './codec/encode.ts';
export type { InvalidUtf8, ValueContext } from './codec/escape.ts';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './codec/limits.ts';
export type { BatchKeyOptions, IdOptions } from './http/id-header.ts';
export {
  decodeBatchKeys,
  decodeIdHeader,
  encodeBatchKeys,
  encodeIdHeader,
} from './http/id-header.ts';
export type {
  BuildUrlOptions,
  ParsedUrl,
  ParseUrlOptions,
  ResourceDescription,
  RestliMethod,
  RestliRequest,
} from './http/url.ts';
export { buildUrl, httpMethod, parseUrl, requestHeaders } from './http/url.ts';
export type { ProtocolVersionText } from './internal/version-text.ts';
export type { ConvertOptions, ConvertResult, ConvertWarning } from './migrate/convert.ts';
export { convertUrl } from './migrate/convert.ts';
export type { Detection, DetectOptions, Evidence } from './migrate/detect.ts';
export { detectVersion } from './migrate/detect.ts';
export type { ResourceIndex, ResourcesInput, Restspec, Snapshot } from './migrate/idl.ts';
export { loadResources, RestliIdlError } from './migrate/idl.ts';
// The error model (ErrorCode and every error class), written once for every entry.
export * from './public-errors.ts';
export type {
  MaskTree,
  MaskValue,
  RestliData,
  RestliDataMap,
  RestliPrimitive,
  RestliValue,
} from './types.ts';
export type {
  ComplexKey,
  CompoundKey,
  DecodeKeyOptions,
  Key,
  KeyContext,
  KeyKind,
  KeyOptions,
  PrimitiveKey,
} from './wire/keys.ts';
export { decodeKey, encodeKey, inferKeyKind } from './wire/keys.ts';
export type { DecodeMaskOptions } from './wire/mask.ts';
export {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  maskToQueryValue,
  unescapeMaskSegment,
} from './wire/mask.ts';
export type {
  DecodedQuery,
  DecodeQueryOptions,
  DetailedQuery,
  MaskInput,
  QueryOptions,
  QueryParams,
} from './wire/query.ts';
export {
  decodeQuery,
  decodeQueryDetailed,
  encodeQuery,
  PROJECTION_PARAMS,
} from './wire/query.ts';
export type { ParseUrnOptions, Urn, UrnId, UrnMember, UrnTuple } from './wire/urn.ts';
export { formatUrn, isUrn, parseUrn } from './wire/urn.ts';
