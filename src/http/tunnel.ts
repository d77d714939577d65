/**
 * Query tunneling (spec h): a request whose query is too long for a URL is sent as a POST with the
 * query in the body and the real method in `X-HTTP-Method-Override`; the server undoes it. This is
 * Rest.li's QueryTunnelUtil on plain request objects.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { findHeader, headerKey } from '../internal/headers.ts';
import { setOwn } from '../internal/own.ts';
import { splitUrl } from '../internal/url-parts.ts';
import { utf8DecodeStrict, utf8Encode } from '../internal/utf8.ts';
import { parseContentType } from './content-type.ts';
import {
  chooseBoundary,
  type MultipartPart,
  multipartContentType,
  parseMultipart,
  partHeader,
  writeMultipart,
} from './multipart.ts';

/** An HTTP request as the tunnel functions read and return it. */
export interface HttpRequest {
  /** The HTTP method, as sent (methods are case-sensitive). */
  method: string;
  /** The request URL: absolute or just a path, with the query still percent-encoded. */
  url: string;
  /** Header fields. Names are matched case-insensitively; one key per field. */
  headers: Record<string, string>;
  /** The entity. A string is sent as UTF-8. Absent and empty both mean "no body". */
  body?: string | Uint8Array;
}

/** Options of {@link tunnelRequest}. */
export interface TunnelOptions {
  /**
   * Tunnel when the raw query has at least this many characters (UTF-16 code units, as Java's
   * `String.length`). Defaults to {@link DEFAULT_TUNNEL_THRESHOLD}; `Infinity` turns tunneling off
   * (the Java client's default, 2^31−1, in effect does the same).
   */
  threshold?: number;
  /** Tunnel any request that has a non-empty query, whatever its length. */
  force?: boolean;
  /** Boundary source for multipart bodies, for tests; defaults to a random one. */
  generateBoundary?: () => string;
}

/**
 * The default {@link TunnelOptions.threshold}: 4096. LinkedIn's public API refuses queries longer
 * than about 4 KB, and 4096 also stays under the 8 KB request-line limit of common servers and
 * proxies once the path and headers are added. The Java client's default is 2^31−1 (never tunnel
 * unless forced), which suits Rest.li servers that accept long URLs but not that API.
 */
export const DEFAULT_TUNNEL_THRESHOLD = 4096;

/** The methods a tunneled request may carry in `X-HTTP-Method-Override`. */
export const TUNNELABLE_METHODS: readonly string[] = Object.freeze([
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
]);

/** The header that carries the original method of a tunneled request. */
export const METHOD_OVERRIDE_HEADER = 'X-HTTP-Method-Override';

const FORM_URLENCODED = 'application/x-www-form-urlencoded';
const CONTENT_TYPE = 'Content-Type';
const CONTENT_LENGTH = 'Content-Length';

/** The value of `name` in `headers`, matched case-insensitively. */
function header(headers: Record<string, string>, name: string): string | undefined {
  return findHeader(Object.entries(headers), name);
}

/**
 * A copy of `headers` without the fields named in `remove` (any case), then with `set` added
 * under their canonical names.
 */
function rewriteHeaders(
  headers: Record<string, string>,
  remove: readonly string[],
  set: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const dropped = new Set([...remove, ...Object.keys(set)].map(headerKey));
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers)) {
    if (!dropped.has(headerKey(key))) setOwn(out, key, headers[key]!);
  }
  for (const key of Object.keys(set)) setOwn(out, key, set[key]!);
  return out;
}

function checkMethod(method: string): void {
  if (!TUNNELABLE_METHODS.includes(method)) {
    throw new RestliError(
      'INVALID_METHOD_OVERRIDE',
      'Invalid HTTP method override header.',
      method,
      0,
    );
  }
}

function isEmpty(body: string | Uint8Array | undefined): boolean {
  return body === undefined || body.length === 0;
}

/**
 * Tunnels `request` when its raw query (after the first `?`, before any `#`) is non-empty and at
 * least `threshold` characters long, or `force` is set; returns `request` itself otherwise.
 *
 * The tunneled request is a `POST` to the URL cut at the first `?` (the raw path is kept byte for
 * byte; a fragment is dropped, since it is never sent), with `X-HTTP-Method-Override: <method>`
 * and `Content-Length` set to the new body's UTF-8 byte length. Without a body, the body is the
 * raw query as `application/x-www-form-urlencoded`. With a body, it is `multipart/mixed`: part 1
 * the query (form-urlencoded), part 2 the original body under its original `Content-Type`.
 *
 * Body type: the new body is a `Uint8Array` when the original body was one, a string otherwise.
 * A multipart string body is exact, since every piece of it was UTF-8 text. The caller's other
 * headers are kept; any `Content-Type`, `Content-Length` and `X-HTTP-Method-Override` field (in
 * any case) is replaced.
 *
 * @throws {@link RestliError} `INVALID_METHOD_OVERRIDE` (`Invalid HTTP method override header.`)
 *   for a method other than GET, POST, PUT, DELETE, OPTIONS; `MISSING_CONTENT_TYPE` for a body
 *   without a `Content-Type`; `LONE_SURROGATE` for a string query or body that is not well-formed UTF-16;
 *   `INVALID_OPTION` for a threshold that is not a number >= 0.
 * @example
 * ```ts
 * tunnelRequest({ method: 'GET', url: 'http://h/r?q=one&x=10', headers: {} }, { threshold: 0 });
 * // { method: 'POST', url: 'http://h/r', headers: { 'X-HTTP-Method-Override': 'GET',
 * //   'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '10' },
 * //   body: 'q=one&x=10' }
 * ```
 */
export function tunnelRequest(request: HttpRequest, options?: TunnelOptions): HttpRequest {
  const threshold = options?.threshold ?? DEFAULT_TUNNEL_THRESHOLD;
  if (typeof threshold !== 'number' || !(threshold >= 0)) {
    throw new RestliError('INVALID_OPTION', 'The tunnel threshold must be a number >= 0');
  }
  const { origin, path, query } = splitUrl(request.url);
  const base = origin + path;
  if (query === undefined || query.length === 0) return request;
  if (options?.force !== true && query.length < threshold) return request;
  checkMethod(request.method);

  const queryBytes = utf8Encode(query);
  const binary = request.body instanceof Uint8Array;
  let contentType: string;
  let body: Uint8Array;
  if (isEmpty(request.body)) {
    contentType = FORM_URLENCODED;
    body = queryBytes;
  } else {
    const original = header(request.headers, CONTENT_TYPE);
    if (original === undefined) {
      throw new RestliError(
        'MISSING_CONTENT_TYPE',
        'A request with a body needs a Content-Type to be tunneled',
      );
    }
    const entity = typeof request.body === 'string' ? utf8Encode(request.body) : request.body!;
    const boundary = chooseBoundary([queryBytes, entity], options?.generateBoundary);
    contentType = multipartContentType(boundary);
    body = writeMultipart(
      [
        { headers: [[CONTENT_TYPE, FORM_URLENCODED]], body: queryBytes },
        // A folded header value is unfolded to one line, as a MIME writer would.
        { headers: [[CONTENT_TYPE, original.replace(/\r?\n[ \t]+/g, ' ')]], body: entity },
      ],
      boundary,
    );
  }
  return {
    method: 'POST',
    url: base,
    headers: rewriteHeaders(request.headers, [], {
      [METHOD_OVERRIDE_HEADER]: request.method,
      [CONTENT_TYPE]: contentType,
      [CONTENT_LENGTH]: String(body.length),
    }),
    body: binary ? body : body === queryBytes ? query : utf8DecodeStrict(body),
  };
}

/**
 * Undoes {@link tunnelRequest} on the server side. Runs only when `X-HTTP-Method-Override` is
 * present (any case); any other request is returned as is, so decoding twice changes nothing.
 *
 * - `application/x-www-form-urlencoded`: the body is the query; the result has an empty body and
 *   no `Content-Type`/`Content-Length`.
 * - `multipart/mixed`: the first form-urlencoded part is the query; the first other part is the
 *   entity, and its `Content-Type` (`text/plain` when it has none, as RFC 2046 says) and byte length
 *   become the request's. Further parts are ignored. With no entity part, as for a form body.
 * - any other `Content-Type`: body and content headers are kept; only the method changes.
 *
 * The query is appended to the URL (before any fragment): `url?query` without a query,
 * `url` + query when the URL ends in an empty `?`, `url&query` after an existing query. The method
 * becomes the override, and the override header is removed. The body keeps its type (a string
 * stays a string, bytes stay bytes).
 *
 * What a round trip gives back: for a request `r` with a non-empty query, no fragment, and no
 * `X-HTTP-Method-Override` header, `untunnelRequest(tunnelRequest(r, { force: true }))` has `r`'s
 * method, URL and body (an absent body comes back as an empty one), and `r`'s headers compared
 * case-insensitively, except that `Content-Length` is the body's byte length (absent when there is
 * no body) and a body-less request loses its `Content-Type` (it described nothing).
 *
 * @throws {@link RestliError} `INVALID_METHOD_OVERRIDE` for an override other than the five verbs;
 *   `MISSING_CONTENT_TYPE` when there is no `Content-Type`; `INVALID_CONTENT_TYPE` or
 *   `MALFORMED_MULTIPART` for a body that does not match its type; `INVALID_UTF8` for a query, or
 *   the entity of a string body, that is not UTF-8 (pass binary bodies as bytes).
 * @example
 * ```ts
 * untunnelRequest({
 *   method: 'POST',
 *   url: 'http://h/r?uh=f',
 *   headers: { 'X-HTTP-Method-Override': 'GET', 'Content-Type': 'application/x-www-form-urlencoded' },
 *   body: 'q=1',
 * });
 * // { method: 'GET', url: 'http://h/r?uh=f&q=1', headers: {}, body: '' }
 * ```
 */
export function untunnelRequest(request: HttpRequest): HttpRequest {
  const override = header(request.headers, METHOD_OVERRIDE_HEADER);
  if (override === undefined) return request;
  checkMethod(override);
  const contentTypeHeader = header(request.headers, CONTENT_TYPE);
  if (contentTypeHeader === undefined) {
    throw new RestliError('MISSING_CONTENT_TYPE', 'A tunneled request needs a Content-Type');
  }
  const contentType = parseContentType(contentTypeHeader);
  const binary = request.body instanceof Uint8Array;
  const emptyBody = binary ? new Uint8Array(0) : '';
  let query = '';
  let body = request.body;
  let headers: Record<string, string>;
  if (contentType.mediaType === FORM_URLENCODED) {
    const raw = request.body ?? '';
    query = typeof raw === 'string' ? raw : utf8DecodeStrict(raw);
    body = emptyBody;
    headers = rewriteHeaders(request.headers, [
      METHOD_OVERRIDE_HEADER,
      CONTENT_TYPE,
      CONTENT_LENGTH,
    ]);
  } else if (contentType.mediaType === 'multipart/mixed') {
    const raw = request.body ?? '';
    const parts = parseMultipart(contentType, typeof raw === 'string' ? utf8Encode(raw) : raw);
    let queryPart: MultipartPart | undefined;
    let entityPart: MultipartPart | undefined;
    for (const part of parts) {
      const partType = partHeader(part.headers, CONTENT_TYPE);
      const isForm =
        partType !== undefined && parseContentType(partType).mediaType === FORM_URLENCODED;
      if (isForm && queryPart === undefined) queryPart = part;
      else if (!isForm && entityPart === undefined) entityPart = part;
    }
    if (queryPart !== undefined) query = utf8DecodeStrict(queryPart.body);
    if (entityPart === undefined) {
      body = emptyBody;
      headers = rewriteHeaders(request.headers, [
        METHOD_OVERRIDE_HEADER,
        CONTENT_TYPE,
        CONTENT_LENGTH,
      ]);
    } else {
      // A copy, so the result does not keep the whole multipart body alive.
      const entity = entityPart.body.slice();
      body = binary ? entity : utf8DecodeStrict(entity);
      headers = rewriteHeaders(request.headers, [METHOD_OVERRIDE_HEADER], {
        [CONTENT_TYPE]: partHeader(entityPart.headers, CONTENT_TYPE) ?? 'text/plain',
        [CONTENT_LENGTH]: String(entity.length),
      });
    }
  } else {
    headers = rewriteHeaders(request.headers, [METHOD_OVERRIDE_HEADER]);
  }
  const result: HttpRequest = { method: override, url: appendQuery(request.url, query), headers };
  if (body !== undefined) result.body = body;
  return result;
}

/** `url` with `query` appended after its existing query, if any (spec h, URI rebuild). */
function appendQuery(url: string, query: string): string {
  if (query.length === 0) return url;
  const { origin, path, query: existing, fragment } = splitUrl(url);
  const base = origin + path;
  if (existing === undefined || existing.length === 0) return `${base}?${query}${fragment}`;
  return `${base}?${existing}&${query}${fragment}`;
}
