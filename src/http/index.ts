/**
 * `restli-protocol/http`: requests and responses. Typed requests and responses through a
 * resource IDL, their envelopes and error responses, adapters to the WHATWG `fetch` types, and
 * the Pegasus JSON body codec.
 *
 * @module
 */

export {
  type JsonValue,
  type ParseJsonOptions,
  parseJson,
  quoteJson,
  type StringifyJsonOptions,
  stringifyJson,
} from '../internal/json.ts';
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
export {
  loadTypedResources,
  type ResourceIndexByName,
  type ResourceKey,
  type ResourceOperation,
  type ResourceParameter,
  type TypedResource,
} from './resource.ts';
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
