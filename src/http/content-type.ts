/**
 * `Content-Type` headers: parsing them (RFC 2045 media types, as javax.activation's `MimeType`
 * reads them) and choosing the body codec Rest.li uses for one (spec i.5).
 *
 * @module
 */

import { DEFAULT_MAX_DEPTH } from '../codec/limits.ts';
import { RestliError, RestliSyntaxError } from '../errors.ts';
import { expectBytes, expectOptions, expectString } from '../internal/args.ts';
import { javaTrimmed } from '../internal/java-trim.ts';
import { parseJson } from '../internal/json.ts';
import { maxDepthOf } from '../internal/limits.ts';
import { setOwn } from '../internal/own.ts';
import { utf8DecodeStrict } from '../internal/utf8.ts';

/** A parsed `Content-Type` header. */
export interface ContentType {
  /** The primary type, lowercased: `application`. */
  readonly type: string;
  /** The subtype, lowercased: `json`. */
  readonly subtype: string;
  /** `type/subtype`, lowercased: what codecs and multipart parts are matched on. */
  readonly mediaType: string;
  /**
   * The parameters. Names are lowercased (they are case-insensitive); values are kept as written,
   * with quoted strings unquoted. A repeated name keeps its last value, as Java does.
   */
  readonly parameters: Readonly<Record<string, string>>;
}

/** RFC 2045 `tspecials`: the characters a token may not contain. */
const TSPECIALS = '()<>@,;:\\"/[]?=';

/** True for a printable ASCII character that is not a tspecial (RFC 2045 token character). */
function isTokenChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && !TSPECIALS.includes(String.fromCharCode(c));
}

/** The index of the first non-token character of `s` in `[start, end)`, or `end`. */
function tokenEnd(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && isTokenChar(s.charCodeAt(i))) i++;
  return i;
}

/** Skips the characters Java's `MimeTypeParameterList` counts as white space. */
function skipWhiteSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || s[i] === '\n')) i++;
  return i;
}

function invalid(reason: string, header: string, offset: number): RestliSyntaxError {
  return new RestliSyntaxError('INVALID_CONTENT_TYPE', reason, header, offset);
}

/**
 * Parses a `Content-Type` header value. The reasons of the errors are javax.activation's
 * `MimeTypeParseException` messages; the one deliberate difference is that an empty parameter
 * name (`a/b; =c`) is rejected, since RFC 2045 requires a token there.
 *
 * @throws {@link RestliSyntaxError} code `INVALID_CONTENT_TYPE` when the header is not a media type.
 * @example
 * ```ts
 * parseContentType('Multipart/Mixed; boundary="a b"');
 * // { type: 'multipart', subtype: 'mixed', mediaType: 'multipart/mixed',
 * //   parameters: { boundary: 'a b' } }
 * ```
 */
export function parseContentType(header: string): ContentType {
  expectString(header, 'header');
  const slash = header.indexOf('/');
  const semicolon = header.indexOf(';');
  if (slash < 0 || (semicolon >= 0 && semicolon < slash)) {
    throw invalid('Unable to find a sub type.', header, semicolon >= 0 ? semicolon : header.length);
  }
  const typeEnd = slash;
  const subtypeEnd = semicolon < 0 ? header.length : semicolon;
  const [ts, te] = javaTrimmed(header, 0, typeEnd);
  const badType = tokenEnd(header, ts, te);
  if (ts === te || badType < te) throw invalid('Primary type is invalid.', header, badType);
  const [ss, se] = javaTrimmed(header, slash + 1, subtypeEnd);
  const badSubtype = tokenEnd(header, ss, se);
  if (ss === se || badSubtype < se) throw invalid('Sub type is invalid.', header, badSubtype);
  const type = header.slice(ts, te).toLowerCase();
  const subtype = header.slice(ss, se).toLowerCase();
  const parameters: Record<string, string> = {};
  if (semicolon >= 0) parseParameters(header, semicolon, parameters);
  return { type, subtype, mediaType: `${type}/${subtype}`, parameters };
}

/** Reads `*( ";" name "=" (token | quoted-string) )` from `start` (javax MimeTypeParameterList). */
function parseParameters(header: string, start: number, into: Record<string, string>): void {
  const n = header.length;
  let i = skipWhiteSpace(header, start);
  while (i < n && header[i] === ';') {
    i = skipWhiteSpace(header, i + 1);
    // A trailing `;` is allowed.
    if (i >= n) return;
    const nameStart = i;
    i = tokenEnd(header, i, n);
    if (i === nameStart) throw invalid('Expected a parameter name.', header, i);
    const name = header.slice(nameStart, i).toLowerCase();
    i = skipWhiteSpace(header, i);
    if (i >= n || header[i] !== '=') {
      throw invalid(
        "Couldn't find the '=' that separates a parameter name from its value.",
        header,
        i,
      );
    }
    i = skipWhiteSpace(header, i + 1);
    if (i >= n) throw invalid(`Couldn't find a value for parameter named ${name}`, header, i);
    let value: string;
    if (header[i] === '"') {
      const open = i;
      i++;
      value = '';
      let closed = false;
      while (i < n) {
        const c = header[i]!;
        if (c === '"') {
          closed = true;
          break;
        }
        // A quoted-pair stands for the character after the backslash.
        if (c === '\\' && i + 1 < n) i++;
        value += header[i];
        i++;
      }
      if (!closed) throw invalid('Encountered unterminated quoted parameter value.', header, open);
      i++;
    } else {
      const valueStart = i;
      i = tokenEnd(header, i, n);
      if (i === valueStart)
        throw invalid(`Unexpected character encountered at index ${i}`, header, i);
      value = header.slice(valueStart, i);
    }
    setOwn(into, name, value);
    i = skipWhiteSpace(header, i);
  }
  if (i < n) throw invalid('More characters encountered in input than expected.', header, i);
}

/** The body codecs Rest.li knows (ContentType). */
export type CodecName = 'json' | 'pson' | 'licor' | 'smile' | 'protobuf';

/** The codec chosen for a `Content-Type`. */
export interface ContentCodec {
  /** Which codec. */
  readonly name: CodecName;
  /** The canonical media type of the codec: what a writer puts in `Content-Type`. */
  readonly mimeType: string;
  /** True when the codec writes binary bodies (not UTF-8 text). */
  readonly binary: boolean;
  /** True for `application/x-protobuf`, which Rest.li keeps only for old peers. */
  readonly deprecated: boolean;
}

function codec(name: CodecName, mimeType: string, binary: boolean, deprecated = false) {
  return Object.freeze({ name, mimeType, binary, deprecated });
}

/** JSON: the default codec, and the fallback for media types Rest.li does not know. */
export const JSON_CODEC: ContentCodec = codec('json', 'application/json', false);

/**
 * Media types with a Rest.li codec. `application/x-protobuf2` is the successor of the deprecated
 * `application/x-protobuf` (RestConstants' name for it).
 */
const CODECS: ReadonlyMap<string, ContentCodec> = new Map(
  [
    JSON_CODEC,
    codec('pson', 'application/x-pson', true),
    codec('licor', 'application/licor', false),
    codec('licor', 'application/x-licor', true),
    codec('smile', 'application/x-smile', true),
    codec('protobuf', 'application/x-protobuf', true, true),
    codec('protobuf', 'application/x-protobuf2', true),
  ].map((c) => [c.mimeType, c] as const),
);

/**
 * The codec Rest.li uses for a body with this `Content-Type` (its shared body converter): matched on
 * the media type, case-insensitively, parameters ignored. A missing header and a well-formed but
 * unknown media type both mean JSON; a header that is not a media type at all is an error.
 *
 * @throws {@link RestliSyntaxError} code `INVALID_CONTENT_TYPE` for an unparsable header.
 * @example
 * ```ts
 * codecForContentType('application/x-pson').name; // 'pson'
 * codecForContentType('mysuperkool/xson').name; // 'json'
 * codecForContentType(undefined).name; // 'json'
 * ```
 */
export function codecForContentType(header: string | undefined): ContentCodec {
  if (header === undefined) return JSON_CODEC;
  expectString(header, 'header');
  return CODECS.get(parseContentType(header).mediaType) ?? JSON_CODEC;
}

/** Options of {@link bytesToDataMap}. */
export interface BodyDecodeOptions {
  /** Nesting limit of the body; defaults to {@link DEFAULT_MAX_DEPTH}. */
  maxDepth?: number;
}

/** A JSON object as {@link parseJson} returns it (integers beyond 2^53 as bigint). */
export type JsonMap = { [key: string]: unknown };

/**
 * Decodes a request or response body holding a data map, choosing the codec from `contentType`
 * as Rest.li's body converter does, with the library's one Pegasus JSON reader (integers beyond
 * 2^53 keep every digit as bigint). Only JSON is decoded by this library; the binary codecs are
 * recognised (so callers can report them) but throw `UNSUPPORTED_CODEC`. `__proto__` keys become
 * ordinary own properties, as with `JSON.parse`.
 *
 * @throws {@link RestliSyntaxError} `INVALID_CONTENT_TYPE` for an unparsable header; `INVALID_JSON`
 *   for a body that is not JSON (an empty body included), is not a JSON object, or is not UTF-8;
 *   `DEPTH_EXCEEDED` for nesting beyond `maxDepth`.
 * @throws {@link RestliError} `UNSUPPORTED_CODEC` for a non-JSON codec.
 * @example
 * ```ts
 * bytesToDataMap('application/json', '{"a":[1,2]}'); // { a: [1, 2] }
 * bytesToDataMap('application/json', ''); // throws INVALID_JSON
 * ```
 */
export function bytesToDataMap(
  contentType: string | undefined,
  body: string | Uint8Array,
  options?: BodyDecodeOptions,
): JsonMap {
  expectOptions(options);
  if (typeof body !== 'string') expectBytes(body, 'body');
  const chosen = codecForContentType(contentType);
  if (chosen.name !== 'json') {
    throw new RestliError('UNSUPPORTED_CODEC', `No ${chosen.mimeType} decoder in this library`);
  }
  const text = typeof body === 'string' ? body : utf8DecodeStrict(body, 'INVALID_JSON');
  const value = parseJson(text, {
    maxDepth: maxDepthOf(options),
    code: 'INVALID_JSON',
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RestliSyntaxError('INVALID_JSON', 'The body is not a JSON object', text, 0);
  }
  return value as JsonMap;
}
