/**
 * multipart/mixed bodies (RFC 2046 §5.1) as bytes: a writer, a reader and boundary generation.
 * Query tunneling wraps a request that has a body in one of these (spec h).
 *
 * The reader accepts any well-formed body: a preamble and an epilogue (ignored), transport padding
 * after a boundary, any part headers (folded or not), parts without headers. It also accepts bare
 * LF line endings (a delimiter is `LF--boundary`, and a CR before that LF is part of the delimiter
 * when present), as javax.mail's line reader does, because such bodies are unambiguous and common in hand-written
 * tests. Everything else (no opening boundary, no closing boundary, a header line without a name)
 * is `MALFORMED_MULTIPART`. Both directions run in time linear in the body size.
 *
 * @module
 */

import { RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  expectBytes,
  expectOptions,
  expectRecord,
  expectString,
  ownValue,
} from '../internal/args.ts';
import { findHeader } from '../internal/headers.ts';
import { maxLengthOf } from '../internal/limits.ts';
import { latin1, utf8Encode } from '../internal/utf8.ts';
import type { ContentType } from './content-type.ts';

/** Header fields in order, names as written. Look one up with {@link partHeader}. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** Options of {@link readMultipart} and {@link parseMultipart}. */
export interface MultipartReadOptions {
  /** Longest body accepted, in bytes, checked before any other work. Default 16 MiB. */
  maxLength?: number;
}

/** Refuses a body longer than `maxLength` before any per-part work. */
function checkBodyLength(body: Uint8Array, options: MultipartReadOptions | undefined): void {
  expectOptions(options);
  const maxLength = maxLengthOf(options);
  if (typeof maxLength !== 'number' || !(maxLength >= 0)) {
    throw argumentError('options.maxLength', 'a number >= 0', maxLength);
  }
  if (body.length > maxLength) {
    // No caret excerpt: it would copy the whole body into the message.
    throw new RestliError(
      'MAX_LENGTH_EXCEEDED',
      `multipart body of ${body.length} bytes is longer than maxLength ${maxLength}`,
    );
  }
}

/** One part of a multipart body, as {@link readMultipart} returns it. */
export interface MultipartPart {
  /** The part's header fields, unfolded and trimmed, in order. */
  readonly headers: HeaderList;
  /** The part's content, byte for byte (a view into the body that was read). */
  readonly body: Uint8Array;
}

/** One part to write: headers as a list or a record; content as bytes or text (UTF-8). */
export interface MultipartPartInput {
  readonly headers: HeaderList | Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const CRLF = new Uint8Array([CR, LF]);

/** RFC 2046 limits a boundary to 70 characters. */
const MAX_BOUNDARY_LENGTH = 70;

/** RFC 2046 `bchars` (the space is allowed, but not as the last character). */
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** How many generated boundaries {@link chooseBoundary} tries before giving up. */
const MAX_BOUNDARY_ATTEMPTS = 64;

let decoder: InstanceType<typeof TextDecoder> | undefined;

/** `bytes` as UTF-8 text, invalid sequences replaced by U+FFFD (only used for header text). */
function utf8Text(bytes: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return decoder.decode(bytes);
}

/**
 * Finds `header` in `headers` case-insensitively (HTTP field names are case-insensitive).
 *
 * @example
 * ```ts
 * partHeader([['Content-Type', 'text/plain']], 'content-type'); // 'text/plain'
 * ```
 */
export function partHeader(headers: HeaderList, header: string): string | undefined {
  if (!Array.isArray(headers) || !headers.every(isHeaderEntry)) {
    throw argumentError('headers', 'an array of [name, value] string pairs', headers);
  }
  expectString(header, 'header');
  return findHeader(headers, header);
}

function isHeaderEntry(entry: unknown): boolean {
  return (
    Array.isArray(entry) &&
    entry.length === 2 &&
    typeof entry[0] === 'string' &&
    typeof entry[1] === 'string'
  );
}

/**
 * A fresh random boundary: `restli-` and 32 characters of [A-Za-z0-9_-] (192 bits). Uses
 * `crypto.getRandomValues` when the platform has it, `Math.random` otherwise: the boundary only
 * has to be unlikely to occur in content, and {@link chooseBoundary} checks that it does not.
 * @example
 * ```ts
 * generateBoundary().length; // 39
 * generateBoundary().startsWith('restli-'); // true
 * ```
 */
export function generateBoundary(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = new Uint8Array(32);
  const crypto = (globalThis as { crypto?: { getRandomValues?(array: Uint8Array): unknown } })
    .crypto;
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let out = 'restli-';
  // 64 symbols: masking a byte to 6 bits keeps the choice uniform.
  for (const b of bytes) out += alphabet[b & 63];
  return out;
}

/**
 * A boundary whose delimiter (`--` + boundary) occurs in none of `contents`: generated, checked,
 * and regenerated on a collision.
 *
 * @param generate Boundary source; tests inject a deterministic one. Its results must be valid
 *   RFC 2046 boundaries.
 * @throws {@link RestliError} `INVALID_BOUNDARY` for a generated boundary that is not valid;
 *   `COLLIDING_BOUNDARY` when 64 boundaries in a row occur in the content.
 * @example
 * ```ts
 * chooseBoundary([new TextEncoder().encode('--b1 is taken')], () => 'b1'); // Error COLLIDING_BOUNDARY
 * chooseBoundary([new TextEncoder().encode('x')], () => 'b1'); // 'b1'
 * ```
 */
export function chooseBoundary(
  contents: readonly Uint8Array[],
  generate: () => string = generateBoundary,
): string {
  if (!Array.isArray(contents)) throw argumentError('contents', 'an array of Uint8Array', contents);
  contents.forEach((content, i) => {
    expectBytes(content, `contents[${i}]`);
  });
  if (typeof generate !== 'function') throw argumentError('generate', 'a function', generate);
  for (let attempt = 0; attempt < MAX_BOUNDARY_ATTEMPTS; attempt++) {
    const boundary = generate();
    expectString(boundary, 'the generated boundary');
    checkBoundary(boundary);
    const delimiter = utf8Encode(`--${boundary}`);
    if (contents.every((content) => indexOfBytes(content, delimiter, 0) < 0)) return boundary;
  }
  throw new RestliError(
    'COLLIDING_BOUNDARY',
    `No boundary absent from the content after ${MAX_BOUNDARY_ATTEMPTS} attempts`,
  );
}

function checkBoundary(boundary: string): void {
  if (!BCHARS.test(boundary)) {
    throw new RestliError(
      'INVALID_BOUNDARY',
      "A multipart boundary is 1 to 70 of [0-9A-Za-z'()+_,-./:=? ], not ending in a space",
      boundary,
      0,
    );
  }
}

/**
 * The `Content-Type` of a multipart/mixed body with this boundary; the boundary is quoted when it
 * holds characters a token may not.
 *
 * @example
 * ```ts
 * multipartContentType('abc'); // 'multipart/mixed; boundary=abc'
 * multipartContentType('a b'); // 'multipart/mixed; boundary="a b"'
 * ```
 */
export function multipartContentType(boundary: string): string {
  expectString(boundary, 'boundary');
  checkBoundary(boundary);
  return /^[0-9A-Za-z'+_\-.]+$/.test(boundary)
    ? `multipart/mixed; boundary=${boundary}`
    : `multipart/mixed; boundary="${boundary}"`;
}

/** The index of `needle` in `hay` at or after `from`, or -1. Linear for a short needle. */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = hay.length - needle.length;
  let i = hay.indexOf(first, from);
  while (i >= 0 && i <= last) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
    i = hay.indexOf(first, i + 1);
  }
  return -1;
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A part to write: a record with headers (list or record of strings) and a string or bytes body. */
function checkPartInput(part: unknown, index: number): void {
  expectRecord(part, `parts[${index}]`);
  const { headers, body } = part as MultipartPartInput;
  if (Array.isArray(headers)) {
    headers.forEach((entry: unknown, i) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
        throw argumentError(
          `parts[${index}].headers[${i}]`,
          'a [name, value] pair of strings',
          entry,
        );
      }
    });
  } else {
    expectRecord(headers, `parts[${index}].headers`);
    for (const [name, value] of Object.entries(headers)) {
      expectString(value, `parts[${index}].headers[${JSON.stringify(name)}]`);
    }
  }
  if (typeof body !== 'string') expectBytes(body, `parts[${index}].body`);
}

function headerEntries(headers: MultipartPartInput['headers']): HeaderList {
  return Array.isArray(headers) ? (headers as HeaderList) : Object.entries(headers);
}

/**
 * Writes a multipart/mixed body: `--boundary CRLF`, each part's header lines, an empty line, its
 * content, `CRLF`, and finally `--boundary-- CRLF`. No preamble, no epilogue.
 *
 * @throws {@link RestliError} `INVALID_BOUNDARY` for a boundary that is not RFC 2046 or whose
 *   delimiter occurs in a part (use {@link chooseBoundary}); {@link RestliEncodeError}
 *   `INVALID_HEADER` for a header name that is not a token or a value with CR or LF.
 * @example
 * ```ts
 * const body = writeMultipart(
 *   [{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=1' }],
 *   'xyz',
 * );
 * new TextDecoder().decode(body);
 * // '--xyz\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nq=1\r\n--xyz--\r\n'
 * ```
 */
export function writeMultipart(parts: readonly MultipartPartInput[], boundary: string): Uint8Array {
  if (!Array.isArray(parts)) throw argumentError('parts', 'an array of parts', parts);
  expectString(boundary, 'boundary');
  checkBoundary(boundary);
  const delimiter = utf8Encode(`--${boundary}`);
  const chunks: Uint8Array[] = [];
  parts.forEach((part, index) => {
    checkPartInput(part, index);
    let head = '';
    for (const [name, value] of headerEntries(part.headers)) {
      if (!HEADER_NAME.test(name)) {
        throw new RestliEncodeError(
          'INVALID_HEADER',
          'A header name must be an HTTP token',
          `parts[${index}].headers`,
        );
      }
      if (/[\r\n]/.test(value)) {
        throw new RestliEncodeError(
          'INVALID_HEADER',
          'A header value may not contain CR or LF',
          `parts[${index}].headers.${name}`,
        );
      }
      head += `${name}: ${value}\r\n`;
    }
    const headBytes = utf8Encode(`${head}\r\n`);
    const content = typeof part.body === 'string' ? utf8Encode(part.body) : part.body;
    if (indexOfBytes(headBytes, delimiter, 0) >= 0 || indexOfBytes(content, delimiter, 0) >= 0) {
      throw new RestliError(
        'INVALID_BOUNDARY',
        `The boundary occurs in part ${index}; choose one with chooseBoundary`,
        boundary,
        0,
      );
    }
    chunks.push(delimiter, CRLF, headBytes, content, CRLF);
  });
  chunks.push(delimiter, utf8Encode('--'), CRLF);
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The body as a string with one character per byte, so that error offsets index bytes. */
function malformed(reason: string, body: Uint8Array, offset: number): RestliSyntaxError {
  return new RestliSyntaxError('MALFORMED_MULTIPART', reason, latin1(body), offset);
}

/** A delimiter line that starts at `at` (on `--boundary`): where it ends, and if it closes. */
interface DelimiterLine {
  readonly end: number;
  readonly close: boolean;
}

/**
 * Reads the rest of a delimiter line after `--boundary` at `at`: an optional `--`, transport
 * padding (spaces and tabs), then CRLF, LF or the end of the body. Anything else means the text is
 * not a delimiter line (so `--boundaryX` is content).
 */
function delimiterLine(body: Uint8Array, at: number, length: number): DelimiterLine | undefined {
  let j = at + length;
  let close = false;
  if (body[j] === DASH && body[j + 1] === DASH) {
    close = true;
    j += 2;
  }
  while (body[j] === 0x20 || body[j] === 0x09) j++;
  if (j >= body.length) return { end: body.length, close };
  if (body[j] === LF) return { end: j + 1, close };
  if (body[j] === CR && body[j + 1] === LF) return { end: j + 2, close };
  return undefined;
}

/**
 * The next delimiter line at or after `from` that starts a line (`from` itself, or after an LF).
 * When `lineStart` is false, a delimiter at exactly `from` does not count as starting a line.
 */
function nextDelimiter(
  body: Uint8Array,
  delimiter: Uint8Array,
  from: number,
  lineStart: boolean,
): { at: number; line: DelimiterLine } | undefined {
  let at = indexOfBytes(body, delimiter, from);
  while (at >= 0) {
    if ((at === from && lineStart) || (at > 0 && body[at - 1] === LF)) {
      const line = delimiterLine(body, at, delimiter.length);
      if (line !== undefined) return { at, line };
    }
    at = indexOfBytes(body, delimiter, at + 1);
  }
  return undefined;
}

/**
 * Reads a multipart body with this boundary (the `boundary` parameter of its `Content-Type`; see
 * {@link parseMultipart} to start from the header). Parts' contents are views into `body`.
 *
 * @throws {@link RestliSyntaxError} `MALFORMED_MULTIPART`, offset in bytes: a boundary longer
 *   than 70 characters or not printable ASCII, no opening boundary, no part, no closing boundary,
 *   a part header line that is not `name: value`.
 * @example
 * ```ts
 * const text = 'preamble\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n';
 * const [part] = readMultipart(new TextEncoder().encode(text), 'b');
 * partHeader(part.headers, 'content-type'); // 'text/plain'
 * new TextDecoder().decode(part.body); // 'hi'
 * ```
 */
export function readMultipart(
  body: Uint8Array,
  boundary: string,
  options?: MultipartReadOptions,
): MultipartPart[] {
  expectBytes(body, 'body');
  expectString(boundary, 'boundary');
  checkBodyLength(body, options);
  if (
    boundary.length === 0 ||
    boundary.length > MAX_BOUNDARY_LENGTH ||
    !/^[\x20-\x7e]*[\x21-\x7e]$/.test(boundary)
  ) {
    throw new RestliSyntaxError(
      'MALFORMED_MULTIPART',
      'A multipart boundary is 1 to 70 printable ASCII characters, not ending in a space',
      boundary,
      0,
    );
  }
  const delimiter = utf8Encode(`--${boundary}`);
  const opening = nextDelimiter(body, delimiter, 0, true);
  if (opening === undefined) {
    throw malformed(`No opening boundary line --${boundary}`, body, 0);
  }
  if (opening.line.close) {
    throw malformed('A multipart body needs at least one part', body, opening.at);
  }
  const parts: MultipartPart[] = [];
  let partStart = opening.line.end;
  for (;;) {
    const next = nextDelimiter(body, delimiter, partStart, true);
    if (next === undefined) {
      throw malformed(`No closing boundary line --${boundary}--`, body, body.length);
    }
    // The line break before a delimiter belongs to the delimiter, not to the content.
    let contentEnd = next.at;
    if (contentEnd > partStart) {
      contentEnd--;
      if (contentEnd > partStart && body[contentEnd - 1] === CR) contentEnd--;
    }
    parts.push(readPart(body, partStart, contentEnd));
    if (next.line.close) return parts;
    partStart = next.line.end;
  }
}

/** Splits `body[start, end)` into header fields and content. */
function readPart(body: Uint8Array, start: number, end: number): MultipartPart {
  // Each field's value is kept as its trimmed pieces (the first line and every folded
  // continuation) and joined once at the end: re-trimming a growing string per continuation line
  // would make a header with many folds quadratic.
  const fields: [string, string[]][] = [];
  let i = start;
  let contentStart = end;
  while (i < end) {
    let lineEnd = body.indexOf(LF, i);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const stop = lineEnd > i && body[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    if (stop === i) {
      // The empty line that ends the headers.
      contentStart = Math.min(lineEnd + 1, end);
      break;
    }
    const line = utf8Text(body.subarray(i, stop));
    if (line[0] === ' ' || line[0] === '\t') {
      // A folded continuation: unfolding joins it to the previous field with one space.
      const previous = fields[fields.length - 1];
      if (previous === undefined) throw malformed('Continuation line without a header', body, i);
      previous[1].push(line.trim());
    } else {
      const colon = line.indexOf(':');
      const name = colon < 0 ? '' : line.slice(0, colon).trimEnd();
      if (!HEADER_NAME.test(name)) {
        throw malformed('A part header line must be "name: value"', body, i);
      }
      fields.push([name, [line.slice(colon + 1).trim()]]);
    }
    i = lineEnd + 1;
  }
  const headers: [string, string][] = fields.map(([name, pieces]) => [
    name,
    pieces.filter((piece) => piece !== '').join(' '),
  ]);
  return { headers, body: body.subarray(contentStart, end) };
}

/**
 * Reads a multipart body given its parsed `Content-Type` (see `parseContentType`), which must be a
 * `multipart/*` type with a `boundary` parameter (quoted or not).
 *
 * @throws {@link RestliSyntaxError} `MALFORMED_MULTIPART` for a non-multipart type, a missing
 *   boundary, or a malformed body.
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('--b\r\nA: 1\r\n\r\nhi\r\n--b--\r\n');
 * parseMultipart(parseContentType('multipart/mixed; boundary="b"'), bytes)[0].headers; // [['A', '1']]
 * ```
 */
export function parseMultipart(
  contentType: ContentType,
  body: Uint8Array,
  options?: MultipartReadOptions,
): MultipartPart[] {
  expectRecord(contentType, 'contentType');
  expectRecord(contentType.parameters, 'contentType.parameters');
  // The error below quotes the media type: a hand-made ContentType may lack it.
  expectString(contentType.mediaType, 'contentType.mediaType');
  expectBytes(body, 'body');
  checkBodyLength(body, options);
  const boundary = ownValue(contentType.parameters, 'boundary');
  if (contentType.type !== 'multipart' || boundary === undefined) {
    const shown = contentType.mediaType;
    throw new RestliSyntaxError(
      'MALFORMED_MULTIPART',
      contentType.type !== 'multipart'
        ? `Not a multipart content type: ${shown}`
        : 'A multipart content type needs a boundary parameter',
      shown,
      shown.length,
    );
  }
  return readMultipart(body, boundary, options);
}
