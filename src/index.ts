/**
 * restli-protocol: the Rest.li protocol, byte-exact to the Java reference.
 *
 * @packageDocumentation
 */

export type {
  BodyDecodeOptions,
  CodecName,
  ContentCodec,
  ContentType,
  JsonMap,
} from './content-type.ts';
export {
  bytesToDataMap,
  codecForContentType,
  JSON_CODEC,
  parseContentType,
} from './content-type.ts';
export type { ConvertOptions, ConvertResult, ConvertWarning } from './convert.ts';
export { convertUrl } from './convert.ts';
export type { DecodeOptions } from './decode.ts';
export { decode } from './decode.ts';
export type { Detection, Evidence } from './detect.ts';
export { detectVersion } from './detect.ts';
export type { EncodeOptions } from './encode.ts';
export { encode } from './encode.ts';
export { RestliEncodeError, RestliError, RestliSyntaxError } from './errors.ts';
export type { InvalidUtf8, PercentDecodeOptions, UriComponent, ValueContext } from './escape.ts';
export { decodeOctetRun, encodeUriComponent, percentDecode, urlEncoderEncode } from './escape.ts';
export type { BatchKeyOptions, IdOptions } from './id-header.ts';
export { decodeBatchKeys, decodeIdHeader, encodeBatchKeys, encodeIdHeader } from './id-header.ts';
export type {
  ParameterInfo,
  ResourceIndex,
  ResourceInfo,
  Restspec,
  RestspecOperations,
  RestspecParameter,
  SchemaType,
  Snapshot,
  TypeShape,
} from './idl.ts';
export { loadResources } from './idl.ts';
export type {
  ComplexKey,
  CompoundKey,
  Key,
  KeyContext,
  KeyKind,
  KeyOptions,
  PrimitiveKey,
} from './keys.ts';
export { decodeKey, encodeKey, inferKeyKind } from './keys.ts';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './limits.ts';
export type { DecodeMaskOptions, MaskTree } from './mask.ts';
export {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  maskToQueryValue,
  unescapeMaskSegment,
} from './mask.ts';
export type { HeaderList, MultipartPart, MultipartPartInput } from './multipart.ts';
export {
  chooseBoundary,
  parseMultipart,
  partHeader,
  readMultipart,
  writeMultipart,
} from './multipart.ts';
export type { PatchData, PatchOptions, PatchRecord, PatchRequest, PatchTree } from './patch.ts';
export { applyPatch, createPatch, RestliPatchError } from './patch.ts';
export type {
  DecodedQuery,
  DetailedQuery,
  MaskInput,
  QueryOptions,
  QueryParams,
} from './query.ts';
export {
  decodeQuery,
  decodeQueryDetailed,
  decodeQueryParams,
  encodeQuery,
  PROJECTION_PARAMS,
} from './query.ts';
export type { HttpRequest, TunnelOptions } from './tunnel.ts';
export {
  DEFAULT_TUNNEL_THRESHOLD,
  METHOD_OVERRIDE_HEADER,
  TUNNELABLE_METHODS,
  tunnelRequest,
  untunnelRequest,
} from './tunnel.ts';
export type { RestliData, RestliDataMap, RestliPrimitive, RestliValue } from './types.ts';
export type {
  BuildUrlOptions,
  ParsedUrl,
  ParseUrlOptions,
  ResourceDescription,
  RestliMethod,
  RestliRequest,
} from './url.ts';
export {
  buildUrl,
  httpMethod,
  parseUrl,
  requestHeaders,
  splitUrl,
  templateComponents,
} from './url.ts';
export type { Urn, UrnMember } from './urn.ts';
export { formatUrn, isUrn, parseUrn } from './urn.ts';
export type {
  AsciiHexCodec,
  DecodedQueryV1,
  DecodeQueryV1Options,
  FlattenV1Options,
  FormDecodeOptions,
  NameSegment,
  UnflattenV1Options,
  V1Params,
  V1StringEscaping,
} from './v1/index.ts';
export {
  createAsciiHexCodec,
  dataMapToQueryString,
  decodeQueryV1,
  decodeQueryV1Detailed,
  encodeQueryV1,
  escapeNameSegment,
  flattenV1,
  formDecode,
  parseNameSegment,
  unescapeNameSegment,
  unflattenV1,
  unflattenV1Detailed,
} from './v1/index.ts';
export type {
  HeadersLike,
  ProtocolVersion,
  ServiceProperties,
  VersionConfig,
  VersionLike,
  VersionOption,
} from './version.ts';
export {
  ANNOUNCED_VERSION_PERCENTAGE_PROPERTY,
  ANNOUNCED_VERSION_PROPERTY,
  announcedVersion,
  assertSupportedVersion,
  BASELINE_VERSION,
  compareVersions,
  errorResponseHeaderName,
  formatVersion,
  headerValue,
  idHeaderName,
  isSupportedVersion,
  LATEST_VERSION,
  NEXT_VERSION,
  negotiateVersion,
  OLDEST_SUPPORTED_VERSION,
  PREVIOUS_VERSION,
  PROTOCOL_VERSION_HEADER,
  parseVersion,
  versionFromHeaders,
} from './version.ts';
export type { ProtocolVersionText } from './version-text.ts';
