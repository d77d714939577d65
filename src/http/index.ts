/**
 * `restli-protocol/http`: what a request and a response need around the URL. Protocol versions
 * and their negotiation, id headers and batch keys, query tunneling, multipart bodies, content
 * types and body codecs, partial-update patches, and the URL functions of the package root; and
 * typed requests and responses through a resource IDL, their envelopes and error responses,
 * adapters to the WHATWG `fetch` types, and the bigint-safe Pegasus JSON body codec.
 *
 * @packageDocumentation
 */

export {
  type JsonValue,
  type ParseJsonOptions,
  parseJson,
  quoteJson,
  type StringifyJsonOptions,
  stringifyJson,
} from '../internal/json.ts';
export type { ProtocolVersionText } from '../internal/version-text.ts';
// The error model (ErrorCode and every error class), written once for every entry.
export * from '../public-errors.ts';
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
export { type ErrorResponseData, errorResponseOf, RestliResponseError } from './envelope.ts';
export {
  type ClientOptions,
  createClient,
  fromFetchRequest,
  fromFetchResponse,
  type RestliClient,
  toFetchRequest,
  toFetchResponse,
} from './fetch.ts';
export type { BatchKeyOptions, IdOptions } from './id-header.ts';
export { decodeBatchKeys, decodeIdHeader, encodeBatchKeys, encodeIdHeader } from './id-header.ts';
export type {
  HeaderList,
  MultipartPart,
  MultipartPartInput,
  MultipartReadOptions,
} from './multipart.ts';
export {
  chooseBoundary,
  generateBoundary,
  multipartContentType,
  parseMultipart,
  partHeader,
  readMultipart,
  writeMultipart,
} from './multipart.ts';
export type { PatchData, PatchOptions, PatchRecord, PatchRequest, PatchTree } from './patch.ts';
export { applyPatch, createPatch, escapeField, unescapeField } from './patch.ts';
export {
  loadTypedResources,
  type ResourceIndexByName,
  type ResourceKey,
  type ResourceOperation,
  type ResourceParameter,
  type TypedResource,
} from './resource.ts';
export type { HttpRequest, TunnelOptions } from './tunnel.ts';
export {
  DEFAULT_TUNNEL_THRESHOLD,
  METHOD_OVERRIDE_HEADER,
  TUNNELABLE_METHODS,
  tunnelRequest,
  untunnelRequest,
} from './tunnel.ts';
export type { Leaves } from './typed.ts';
export {
  type BatchEntry,
  buildRequest,
  type CreateStatus,
  type HttpRequestData,
  type HttpResponseData,
  keyFromData,
  keyToData,
  type Paging,
  parseResponse,
  type TypedOptions,
  type TypedRequest,
  type TypedResponse,
} from './typed.ts';
// URLs: everything the module has (the root re-exports the everyday part).
export * from './url.ts';
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
