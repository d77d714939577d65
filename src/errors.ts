/**
 * Errors raised by restli-protocol. Every error is a {@link RestliError} with a stable
 * {@link ErrorCode}; errors about a piece of input also carry the `offset` into that input and a
 * message that ends with a caret excerpt pointing at it; errors about a value carry its `path`.
 *
 * @module
 */

/**
 * Every code this library throws, as `PROBLEM_SUBJECT`: first what is wrong, then the thing it
 * is wrong with, in English order (`INVALID_URN`, `UNEXPECTED_END`, `MISSING_V1_BRACKET`,
 * `EXPECTED_MASK_CLOSE`). A code that any decoder can raise names no format (`UNEXPECTED_END`,
 * `MALFORMED_ESCAPE`); a code that belongs to one format names it in the subject (`MASK`, `V1`,
 * `JSON`, `URN`). Limits are `<LIMIT>_EXCEEDED`. Codes are stable: renaming one is a breaking
 * change. Warnings (translator, key guessing) have their own codes and are not errors.
 */
export type ErrorCode =
  // Anything: arguments and limits.
  | 'INVALID_ARGUMENT'
  | 'INVALID_OPTION'
  | 'DEPTH_EXCEEDED'
  | 'MAX_LENGTH_EXCEEDED'
  // The 2.0 value grammar (also reached from keys, queries, URLs, id headers).
  | 'UNEXPECTED_END'
  | 'UNEXPECTED_TOKEN'
  | 'EXPECTED_STRING'
  | 'EXPECTED_TOKEN'
  | 'TRAILING_TOKENS'
  | 'MALFORMED_ESCAPE'
  | 'INVALID_HEX_ESCAPE'
  | 'INVALID_UTF8'
  // Encoding (RestliEncodeError).
  | 'UNSUPPORTED_VALUE'
  | 'CIRCULAR_VALUE'
  | 'LONE_SURROGATE'
  // Keys.
  | 'INVALID_KEY'
  | 'INVALID_KEY_FORMAT'
  | 'INVALID_COMPOUND_KEY'
  // Query strings.
  | 'REPEATED_PARAM'
  // Protocol 1.0 names and flattening.
  | 'CONFLICTING_V1_KEY'
  | 'DUPLICATE_V1_KEY'
  | 'EMPTY_V1_KEY'
  | 'EMPTY_V1_SEGMENT'
  | 'INVALID_V1_INDEX'
  | 'INVALID_V1_NAME_ESCAPE'
  | 'MISSING_V1_BRACKET'
  | 'MISSING_V1_NAME'
  | 'MULTIPLE_V1_COMPLEX_VALUES'
  | 'MULTIPLE_V1_INDEXED_VALUES'
  | 'NEGATIVE_V1_INDEX'
  | 'NESTED_V1_LIST'
  | 'UNWRITABLE_V1_KEY'
  | 'INVALID_CODEC'
  // Projections.
  | 'INVALID_MASK'
  | 'INVALID_MASK_RANGE'
  | 'EMPTY_MASK_PARENT'
  | 'EXPECTED_MASK_CLOSE'
  | 'EXPECTED_MASK_OPEN_PAREN'
  | 'UNEXPECTED_MASK_END'
  | 'UNMATCHED_MASK_NESTING'
  // URNs.
  | 'INVALID_URN'
  | 'UNBALANCED_URN'
  // URLs, methods, headers, versions.
  | 'INVALID_URL'
  | 'INVALID_METHOD'
  | 'INVALID_METHOD_OVERRIDE'
  | 'INVALID_TUNNELED_QUERY'
  | 'INVALID_ACTION'
  | 'MISSING_ACTION'
  | 'UNEXPECTED_ACTION_PARAMETER'
  | 'RESERVED_PARAMETER'
  | 'INVALID_HEADER'
  | 'MISMATCHED_RESOURCE'
  | 'MISSING_PATH_KEY'
  | 'INVALID_VERSION'
  | 'OUTDATED_VERSION'
  | 'UNKNOWN_VERSION_OPTION'
  | 'UNSUPPORTED_VERSION'
  // Bodies: content types, JSON, multipart, patches.
  | 'INVALID_CONTENT_TYPE'
  | 'MISSING_CONTENT_TYPE'
  | 'UNSUPPORTED_CODEC'
  | 'INVALID_JSON'
  | 'INVALID_JSON_ESCAPE'
  | 'TRAILING_JSON_TEXT'
  | 'UNEXPECTED_JSON_END'
  | 'UNEXPECTED_JSON_TOKEN'
  | 'INVALID_BOUNDARY'
  | 'COLLIDING_BOUNDARY'
  | 'MALFORMED_MULTIPART'
  | 'INVALID_PATCH'
  // Schemas (PDL, PDSC) and typed values.
  | 'INVALID_PDL'
  | 'UNPRINTABLE_PDL'
  | 'INVALID_SCHEMA'
  | 'UNKNOWN_SCHEMA_TYPE'
  | 'DUPLICATE_SCHEMA_NAME'
  | 'CYCLIC_SCHEMA'
  | 'INVALID_VALUE'
  | 'NON_FINITE_JSON_NUMBER'
  | 'INVALID_JSON_NUMBER'
  // Typed requests and responses.
  | 'UNKNOWN_RESOURCE'
  | 'UNKNOWN_OPERATION'
  | 'UNKNOWN_PARAMETER'
  | 'MISSING_PARAMETER'
  | 'ERROR_RESPONSE'
  // Resource descriptions (IDL) and translation.
  | 'INVALID_IDL'
  | 'UNTRANSLATABLE';

/** Width of the input window shown in a caret excerpt. */
const EXCERPT_WIDTH = 60;

/**
 * Renders `input` around `offset` on one line, with a caret under the offending character.
 * Long inputs are windowed so that a 10 MB input does not produce a 10 MB message.
 *
 * @example
 * caretExcerpt('(a:b:c)', 4); // '  (a:b:c)\n      ^'
 */
export function caretExcerpt(input: string, offset: number): string {
  const at = Math.max(0, Math.min(offset, input.length));
  let start = Math.max(0, at - EXCERPT_WIDTH / 2);
  const end = Math.min(input.length, start + EXCERPT_WIDTH);
  start = Math.max(0, Math.min(start, end - EXCERPT_WIDTH));
  // Control characters would break the one-line layout, so show them as spaces.
  const shown = input.slice(start, end).replace(/[\u0000-\u001f\u007f]/g, ' ');
  const prefix = start > 0 ? '…' : '';
  const suffix = end < input.length ? '…' : '';
  return `  ${prefix}${shown}${suffix}\n  ${' '.repeat(prefix.length + at - start)}^`;
}

/** Base class of every error this library throws. */
export class RestliError extends Error {
  /** A stable, machine-readable code such as `UNEXPECTED_END` or `DEPTH_EXCEEDED`. */
  readonly code: ErrorCode;
  /**
   * What is wrong, without the caret excerpt or the path (for Java-style messages, the Java
   * text): the part to show when the place is shown separately.
   */
  readonly reason: string;
  /** The offending input, when the error is about a piece of input. */
  readonly input: string | undefined;
  /** 0-based index into {@link RestliError.input} of the offending character. */
  readonly offset: number | undefined;

  constructor(code: ErrorCode, reason: string, input?: string, offset?: number) {
    super(
      input !== undefined && offset !== undefined
        ? `${reason}\n${caretExcerpt(input, offset)}`
        : reason,
    );
    this.name = 'RestliError';
    this.code = code;
    this.reason = reason;
    this.input = input;
    this.offset = offset;
  }
}

/**
 * Input that does not follow the wire syntax: a 2.0 value, a v1 query, a mask, a key, a version,
 * a URN or a URL. `offset` indexes the still-encoded input, as the Java reference's columns do.
 */
export class RestliSyntaxError extends RestliError {
  declare readonly input: string;
  declare readonly offset: number;
  /** Display text of the offending token, when there is one. */
  readonly token: string | undefined;

  constructor(code: ErrorCode, reason: string, input: string, offset: number, token?: string) {
    super(code, reason, input, offset);
    this.name = 'RestliSyntaxError';
    this.token = token;
  }
}

/**
 * A value that cannot be written in the wire format; `path` names it (`$.a[2].b`). The message
 * is `reason at path`; {@link RestliError.reason} stays without the path.
 */
export class RestliEncodeError extends RestliError {
  /** Where the bad value sits in the input, as a JSONPath-like string. */
  readonly path: string;

  constructor(code: ErrorCode, reason: string, path: string) {
    super(code, reason);
    this.message = `${reason} at ${path}`;
    this.name = 'RestliEncodeError';
    this.path = path;
  }

  /** The same error with its path re-rooted: `$.a` under `$.q` becomes `$.q.a`. */
  withRoot(root: string): RestliEncodeError {
    return new RestliEncodeError(this.code, this.reason, root + this.path.slice(1));
  }
}

/**
 * A patch that cannot be applied; `path` names the offending part of the patch as it was given
 * (`$.patch.name.$set`). A kind of {@link RestliEncodeError}: both point at a value by path.
 */
export class RestliPatchError extends RestliEncodeError {
  constructor(code: ErrorCode, reason: string, path: string) {
    super(code, reason, path);
    this.name = 'RestliPatchError';
  }
}

/**
 * A lone UTF-16 surrogate in a string given to an escaper (`encodeUriComponent`,
 * `urlEncoderEncode`, multipart headers): `offset` points at it. Encoders of whole values turn it
 * into a {@link RestliEncodeError} that names the value's path instead.
 */
export class LoneSurrogateError extends RestliError {
  declare readonly input: string;
  declare readonly offset: number;

  constructor(input: string, offset: number) {
    super('LONE_SURROGATE', 'lone surrogate cannot be encoded', input, offset);
    this.name = 'LoneSurrogateError';
  }
}

/** 1-based line and column of `offset` in `input` (lines end at `\n`, `\r\n` or `\r`). */
export function lineColumn(input: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, input.length));
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && input.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

/** The source line holding `offset`, windowed as {@link caretExcerpt} does, with a caret. */
export function lineCaretExcerpt(input: string, offset: number): string {
  const at = Math.max(0, Math.min(offset, input.length));
  let start = at;
  while (start > 0 && input[start - 1] !== '\n' && input[start - 1] !== '\r') start--;
  let end = at;
  while (end < input.length && input[end] !== '\n' && input[end] !== '\r') end++;
  return caretExcerpt(input.slice(start, end), at - start);
}

/**
 * A syntax error in a multi-line source such as a PDL schema: the message names the 1-based
 * line and column and shows that line with a caret; `offset` still indexes the whole input.
 */
export class RestliSourceSyntaxError extends RestliSyntaxError {
  /** 1-based line of the offending character. */
  readonly line: number;
  /** 1-based column of the offending character (UTF-16 code units). */
  readonly column: number;

  constructor(code: ErrorCode, reason: string, input: string, offset: number, token?: string) {
    super(code, reason, input, offset, token);
    const { line, column } = lineColumn(input, offset);
    this.line = line;
    this.column = column;
    // The one-line excerpt of the base class would run the source's lines together.
    this.message = `${reason} at line ${line}, column ${column}\n${lineCaretExcerpt(input, offset)}`;
  }
}

/**
 * A value that does not fit its schema (a typed value, Pegasus data or a decoded 2.0 value);
 * `path` names the first bad value (`$.a[2].b`). Like {@link RestliPatchError}, a kind of
 * {@link RestliEncodeError}: all three point at a value by path.
 */
export class RestliSchemaError extends RestliEncodeError {
  constructor(code: ErrorCode, reason: string, path: string) {
    super(code, reason, path);
    this.name = 'RestliSchemaError';
  }
}
