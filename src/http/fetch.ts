/// <reference lib="dom" preserve="true" />
/**
 * Adapters between requests/responses as data and the WHATWG `Request`/`Response` of the global
 * `fetch` (browsers, Node 18+, Deno, Bun, workers), so that a typed client is a few lines. The
 * library has no HTTP client of its own: the caller's `fetch` does the I/O.
 *
 * Note: WHATWG URL serialization percent-encodes `'` in the query of an `http(s)` URL (and a few
 * other characters such as space, `"`, `<`, `>`), where the Java client writes `'` raw in 1.0
 * queries. Both decode to the same parameters on a Rest.li server.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import {
  argumentError,
  expectObject,
  expectOptionalString,
  expectString,
} from '../internal/args.ts';
import type { ResourceIndexByName } from './resource.ts';
import {
  buildRequest,
  type HttpRequestData,
  type HttpResponseData,
  parseResponse,
  type TypedOptions,
  type TypedRequest,
  type TypedResponse,
} from './typed.ts';

/**
 * A WHATWG `Request` for a request as data. `http.url` may be relative when `base` (an absolute
 * URL) is given.
 *
 * @throws {@link RestliError} `INVALID_ARGUMENT` when the URL is not absolute and no base is given.
 * @example
 * ```ts
 * toFetchRequest({ method: 'GET', url: '/greetings/1', headers: {} }, 'https://api.example.com/').url; // 'https://api.example.com/greetings/1'
 * ```
 */
export function toFetchRequest(http: HttpRequestData, base?: string): Request {
  expectObject(http, 'http');
  expectString(http.url, 'http.url');
  expectOptionalString(base, 'base');
  let url: URL;
  try {
    url = new URL(http.url, base);
  } catch {
    throw new RestliError(
      'INVALID_ARGUMENT',
      `url: ${http.url} is not absolute and no base was given`,
    );
  }
  const init: RequestInit = { method: http.method, headers: http.headers };
  if (http.body !== undefined) init.body = http.body;
  return new Request(url, init);
}

/**
 * A request as data from a WHATWG `Request` (server side, or to inspect what a client sends).
 * * @example
 * ```ts
 * (await fromFetchRequest(new Request('https://h/greetings/1'))).method; // 'GET'
 * ```
 */
export async function fromFetchRequest(request: Request): Promise<HttpRequestData> {
  if (!(request instanceof Request)) throw argumentError('request', 'a Request', request);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const out: HttpRequestData = { method: request.method, url: request.url, headers };
  if (request.body !== null) out.body = await request.text();
  return out;
}

/**
 * A response as data from a WHATWG `Response`: status, headers, and the body's bytes.
 * * @example
 * ```ts
 * (await fromFetchResponse(new Response('{}', { status: 200 }))).status; // 200
 * ```
 */
export async function fromFetchResponse(response: Response): Promise<HttpResponseData> {
  if (!(response instanceof Response)) throw argumentError('response', 'a Response', response);
  return {
    status: response.status,
    headers: response.headers,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

/**
 * A WHATWG `Response` for a response as data (for servers, tests and mocks).
 * * @example
 * ```ts
 * toFetchResponse({ status: 204, headers: { 'X-RestLi-Protocol-Version': '2.0.0' } }).status; // 204
 * ```
 */
export function toFetchResponse(data: HttpResponseData): Response {
  expectObject(data, 'data');
  expectObject(data.headers, 'data.headers');
  // The Response constructor throws a RangeError outside 200–599.
  const status: unknown = data.status;
  if (!Number.isInteger(status) || (status as number) < 200 || (status as number) > 599) {
    throw argumentError('data.status', 'an integer from 200 to 599', status);
  }
  const body: unknown = data.body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw argumentError('data.body', 'a string or a Uint8Array', body);
  }
  const headers = new Headers();
  const append = (name: string, value: unknown): void => {
    if (typeof value !== 'string') {
      throw argumentError(
        `data.headers[${JSON.stringify(name)}]`,
        'a string or a list of strings',
        value,
      );
    }
    try {
      headers.append(name, value);
    } catch {
      // Headers refuses a name that is no HTTP token and a value with CR, LF or NUL (a TypeError).
      throw new RestliError(
        'INVALID_HEADER',
        `not a valid HTTP header: ${JSON.stringify(name)}: ${JSON.stringify(value.slice(0, 40))}`,
      );
    }
  };
  const h = data.headers;
  if (typeof (h as Headers).forEach === 'function' && typeof (h as Headers).get === 'function') {
    (h as Headers).forEach((value, name) => {
      append(name, value);
    });
  } else {
    for (const [name, value] of Object.entries(h as Record<string, unknown>)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) append(name, v);
    }
  }
  // A 204 or 304 response has no body; a Response refuses one.
  const empty = status === 204 || status === 304 || body === undefined || body.length === 0;
  return new Response(empty ? null : (body as string), { status: status as number, headers });
}

/** Options of {@link createClient}. */
export interface ClientOptions extends TypedOptions {
  /** The resources, from {@link loadTypedResources}. */
  resources: ResourceIndexByName;
  /** The absolute URL the resource paths are relative to: `https://api.example.com/`. */
  base: string;
  /** The fetch to use; default the global `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** A typed Rest.li client over `fetch`. */
export interface RestliClient {
  /**
   * Sends a typed request and reads the typed response.
   *
   * @throws {@link RestliResponseError} for an error response.
   */
  send(request: TypedRequest): Promise<TypedResponse>;
}

/**
 * A typed client: {@link buildRequest} → `fetch` → {@link parseResponse}.
 *
 * @example
 * ```ts
 * const resources = loadTypedResources([{ models: [{ type: 'record', name: 'Greeting', namespace: 'x', fields: [{ name: 'id', type: 'long' }] }], schema: { name: 'greetings', path: '/greetings', schema: 'x.Greeting', collection: { identifier: { name: 'greetingsId', type: 'long' }, supports: ['get'], entity: { path: '/greetings/{greetingsId}' } } } }]);
 * const server = async () => new Response('{"id":1}', { headers: { 'X-RestLi-Protocol-Version': '2.0.0' } });
 * const client = createClient({ resources, base: 'https://api.example.com/', fetch: server });
 * (await client.send({ resource: 'greetings', method: 'get', id: 1n })).entity; // { id: 1n }
 * ```
 */
export function createClient(options: ClientOptions): RestliClient {
  expectObject(options, 'options');
  const doFetch = options.fetch ?? ((request: Request) => fetch(request));
  const base = options.base;
  return {
    async send(request) {
      const http = buildRequest(request, options.resources, { ...options, base: '' });
      const response = await doFetch(toFetchRequest({ ...http, url: http.url }, base));
      return parseResponse(request, options.resources, await fromFetchResponse(response), options);
    },
  };
}
