/**
 * Query tunneling (spec h): a request whose query is too long for a URL is sent as a POST with the
 * query in the body and the real method in `X-HTTP-Method-Override`; the server undoes it. This is
 * Rest.li's QueryTunnelUtil on plain request objects.
 *
 * @module
 */

import { type ErrorCode, RestliError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  expectOptions,
  expectRecord,
  expectString,
  isPlainRecord,
} from '../internal/args.ts';
import { findHeader, headerKey } from '../internal/headers.ts';
import { setOwn } from '../internal/own.ts';
import { isHex } from '../internal/percent.ts';
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
 * The default {@link TunnelOptions.threshold}: 4001, so that a query longer than 4000 characters
 * is tunneled. This is the rule of both official LinkedIn clients (the JS `linkedin-api-client`
 * tunnels when `query.length > MAX_QUERY_STRING_LENGTH = 4000`, and the Python client does the
 * same), whose servers expect such queries tunneled. The threshold keeps the Java reference's
 * meaning (tunnel when `length >= threshold`); the Java client's default is 2^31−1 (never tunnel
 * unless forced), which suits Rest.li servers that accept long URLs but not LinkedIn's API.
 */
export const DEFAULT_TUNNEL_THRESHOLD = 4001;

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
/** The headers a tunneled request carries for the tunnel only: dropped when it is read back. */
const TUNNEL_HEADERS = [METHOD_OVERRIDE_HEADER, CONTENT_TYPE, CONTENT_LENGTH];

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

/** The shape of an {@link HttpRequest}, checked, so that a wrong-typed call gets a RestliError. */
function checkRequest(request: HttpRequest): void {
  expectRecord(request, 'request');
  expectString(request.method, 'request.method');
  expectString(request.url, 'request.url');
  if (!isPlainRecord(request.headers)) {
    throw argumentError('request.headers', 'a plain object', request.headers);
  }
  for (const name of Object.keys(request.headers)) {
    expectString(request.headers[name], `request.headers[${JSON.stringify(name)}]`);
  }
  const body = request.body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw argumentError('request.body', 'a string, a Uint8Array or undefined', body);
  }
}

/**
 * Whether a UTF-16 code unit may stand in a URI query as it is (`%` is checked separately): RFC
 * 3986 §3.4 `pchar / "/" / "?"` (unreserved, sub-delims, `:`, `@`), plus what `java.net.URI`
 * calls "other" characters: non-ASCII that is neither an ISO control nor a space separator. The
 * Java reference round-trips such raw queries (TestQueryTunnel#testNonAsciiParams: `é`, `亀`).
 */
function isQueryChar(c: number): boolean {
  if (c >= 0x80) return !(c <= 0x9f || isSpaceSeparator(c));
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    (c >= 0x26 && c <= 0x2f) || // & ' ( ) * + , - . /
    c === 0x21 || // !
    c === 0x24 || // $
    c === 0x3a || // :
    c === 0x3b || // ;
    c === 0x3d || // =
    c === 0x3f || // ?
    c === 0x40 || // @
    c === 0x5f || // _
    c === 0x7e // ~
  );
}

/** Java's `Character.isSpaceChar` above ASCII: the Zs, Zl and Zp characters. */
function isSpaceSeparator(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Refuses a query that a URI cannot hold: a character outside {@link isQueryChar} (CR, LF, space,
 * `#`, `"`, `<`, `\`, controls, U+2028…) or a `%` without two hex digits. Such text would end or
 * change the request line (tunneled back into a URL), or be read back differently.
 */
function checkQuery(query: string, code: ErrorCode): void {
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (isQueryChar(c)) continue;
    if (c === 0x25 && isHex(query.charCodeAt(i + 1)) && isHex(query.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    throw new RestliSyntaxError(
      code,
      'A query may hold only RFC 3986 query characters, %XX escapes and non-ASCII text',
      query,
      i,
    );
  }
}

/**
 * Refuses a header value that is not an RFC 7230 `field-value` (HTAB, SP, visible ASCII and
 * obs-text): a CR, LF, NUL or other control character would split or corrupt the header block.
 */
function checkFieldValue(value: string): void {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || (c >= 0x20 && c !== 0x7f)) continue;
    throw new RestliSyntaxError(
      'INVALID_HEADER',
      'A header value may hold only tabs, spaces, visible characters and obs-text',
      value,
      i,
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
  checkRequest(request);
  expectOptions(options);
  const threshold = options?.threshold ?? DEFAULT_TUNNEL_THRESHOLD;
  if (typeof threshold !== 'number' || !(threshold >= 0)) {
    throw new RestliError('INVALID_OPTION', 'The tunnel threshold must be a number >= 0');
  }
  const { origin, path, query } = splitUrl(request.url);
  const base = origin + path;
  if (query === undefined || query.length === 0) return request;
  if (options?.force !== true && query.length < threshold) return request;
  checkMethod(request.method);
  checkQuery(query, 'INVALID_URL');

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
  checkRequest(request);
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
    headers = rewriteHeaders(request.headers, TUNNEL_HEADERS);
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
    const entityType =
      entityPart === undefined ? undefined : partHeader(entityPart.headers, CONTENT_TYPE);
    if (entityType !== undefined) checkFieldValue(entityType);
    if (entityPart === undefined) {
      body = emptyBody;
      headers = rewriteHeaders(request.headers, TUNNEL_HEADERS);
    } else {
      // A copy, so the result does not keep the whole multipart body alive.
      const entity = entityPart.body.slice();
      body = binary ? entity : utf8DecodeStrict(entity);
      headers = rewriteHeaders(request.headers, [METHOD_OVERRIDE_HEADER], {
        [CONTENT_TYPE]: entityType ?? 'text/plain',
        [CONTENT_LENGTH]: String(entity.length),
      });
    }
  } else {
    headers = rewriteHeaders(request.headers, [METHOD_OVERRIDE_HEADER]);
  }
  // The body is untrusted text moving into the request line: only what a URI query may hold.
  checkQuery(query, 'INVALID_TUNNELED_QUERY');
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
