/**
 * restli-protocol: the Rest.li protocol, byte-exact to the Java reference.
 *
 * @packageDocumentation
 */

export type { DecodeOptions } from './codec/decode.ts';
export { decode } from './codec/decode.ts';
export type { EncodeOptions } from './codec/encode.ts';
export { encode } from './codec/encode.ts';
export type {
  InvalidUtf8,
  PercentDecodeOptions,
  UriComponent,
  ValueContext,
} from './codec/escape.ts';
export {
  decodeOctetRun,
  encodeUriComponent,
  percentDecode,
  urlEncoderEncode,
} from './codec/escape.ts';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './codec/limits.ts';
export { RestliEncodeError, RestliError, RestliSyntaxError } from './errors.ts';
export type {
  BodyDecodeOptions,
  CodecName,
  ContentCodec,
  ContentType,
  JsonMap,
} from './http/content-type.ts';
export {
  bytesToDataMap,
  codecForContentType,
  JSON_CODEC,
  parseContentType,
} from './http/content-type.ts';
export type { BatchKeyOptions, IdOptions } from './http/id-header.ts';
export {
  decodeBatchKeys,
  decodeIdHeader,
  encodeBatchKeys,
  encodeIdHeader,
} from './http/id-header.ts';
export type { HeaderList, MultipartPart, MultipartPartInput } from './http/multipart.ts';
export {
  chooseBoundary,
  parseMultipart,
  partHeader,
  readMultipart,
  writeMultipart,
} from './http/multipart.ts';
export type {
  PatchData,
  PatchOptions,
  PatchRecord,
  PatchRequest,
  PatchTree,
} from './http/patch.ts';
export { applyPatch, createPatch, RestliPatchError } from './http/patch.ts';
export type { HttpRequest, TunnelOptions } from './http/tunnel.ts';
export {
  DEFAULT_TUNNEL_THRESHOLD,
  METHOD_OVERRIDE_HEADER,
  TUNNELABLE_METHODS,
  tunnelRequest,
  untunnelRequest,
} from './http/tunnel.ts';
export type {
  BuildUrlOptions,
  ParsedUrl,
  ParseUrlOptions,
  ResourceDescription,
  RestliMethod,
  RestliRequest,
} from './http/url.ts';
export {
  buildUrl,
  httpMethod,
  parseUrl,
  requestHeaders,
  splitUrl,
  templateComponents,
} from './http/url.ts';
export type {
  HeadersLike,
  ProtocolVersion,
  ServiceProperties,
  VersionConfig,
  VersionLike,
  VersionOption,
} from './http/version.ts';
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
} from './http/version.ts';
export type { ProtocolVersionText } from './http/version-text.ts';
export type {
  CheckOptions,
  CheckReport,
  CheckRequest,
  CheckSummary,
} from './migrate/check.ts';
export {
  CheckTotals,
  checkRequest,
  formatCheckReport,
  formatCheckSummary,
} from './migrate/check.ts';
export type { ConvertOptions, ConvertResult, ConvertWarning } from './migrate/convert.ts';
export { convertUrl } from './migrate/convert.ts';
export type { Detection, DetectOptions, Evidence } from './migrate/detect.ts';
export { detectVersion } from './migrate/detect.ts';
export type {
  OperationParameters,
  ParameterInfo,
  ResourceIndex,
  ResourceInfo,
  ResourceMatch,
  ResourcesInput,
  Restspec,
  RestspecOperations,
  RestspecParameter,
  SchemaType,
  Snapshot,
  TemplateSegment,
  TypeShape,
} from './migrate/idl.ts';
export { loadResources, RestliIdlError, resourceDescription } from './migrate/idl.ts';
export type { RestliData, RestliDataMap, RestliPrimitive, RestliValue } from './types.ts';
export type {
  ComplexKey,
  CompoundKey,
  Key,
  KeyContext,
  KeyKind,
  KeyOptions,
  PrimitiveKey,
} from './wire/keys.ts';
export { decodeKey, encodeKey, inferKeyKind } from './wire/keys.ts';
export type { DecodeMaskOptions, MaskTree } from './wire/mask.ts';
export {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  maskToQueryValue,
  unescapeMaskSegment,
} from './wire/mask.ts';
export type {
  DecodedQuery,
  DetailedQuery,
  MaskInput,
  QueryOptions,
  QueryParams,
} from './wire/query.ts';
export {
  decodeQuery,
  decodeQueryDetailed,
  decodeQueryParams,
  encodeQuery,
  PROJECTION_PARAMS,
} from './wire/query.ts';
export type { ParseUrnOptions, Urn, UrnId, UrnMember, UrnTuple } from './wire/urn.ts';
export { formatUrn, isUrn, parseUrn } from './wire/urn.ts';
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
} from './wire/v1/index.ts';
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
} from './wire/v1/index.ts';
