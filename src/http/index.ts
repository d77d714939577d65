/**
 * `restli-protocol/http`: URLs, versions, id headers, tunneling, multipart, content types,
 * patches; and typed requests and responses through a
 * resource IDL, their envelopes and error responses, adapters to the WHATWG `fetch` types, and
 * the Pegasus JSON body codec.
 *
 * @module
 */

export { RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
export {
  type JsonValue,
  type ParseJsonOptions,
  parseJson,
  quoteJson,
  type StringifyJsonOptions,
  stringifyJson,
} from '../internal/json.ts';
export * from './content-type.ts';
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
export * from './id-header.ts';
export * from './multipart.ts';
export * from './patch.ts';
export {
  loadTypedResources,
  type ResourceIndexByName,
  type ResourceKey,
  type ResourceOperation,
  type ResourceParameter,
  type TypedResource,
} from './resource.ts';
export * from './tunnel.ts';
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
export * from './url.ts';
export * from './version.ts';
export * from './version-text.ts';
