/**
 * Errors raised by restli-protocol. Every error is a {@link RestliError} with a stable string
 * `code`; errors about a piece of input also carry the `offset` into that input and a message
 * that ends with a caret excerpt pointing at it.
 *
 * @module
 */

/** Width of the input window shown in a caret excerpt. */
const EXCERPT_WIDTH = 60;

/**
 * Renders `input` around `offset` on one line, with a caret under the offending character.
 * Long inputs are windowed so that a 10 MB input does not produce a 10 MB message.
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
  readonly code: string;
  /** The message without the caret excerpt (for Java-style messages, the Java text). */
  readonly reason: string;
  /** The offending input, when the error is about a piece of input. */
  readonly input: string | undefined;
  /** 0-based index into {@link RestliError.input} of the offending character. */
  readonly offset: number | undefined;

  constructor(code: string, reason: string, input?: string, offset?: number) {
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

  constructor(code: string, reason: string, input: string, offset: number, token?: string) {
    super(code, reason, input, offset);
    this.name = 'RestliSyntaxError';
    this.token = token;
  }
}

/** A value that cannot be written in the wire format; `path` names it (`$.a[2].b`). */
export class RestliEncodeError extends RestliError {
  /** Where the bad value sits in the input, as a JSONPath-like string. */
  readonly path: string;

  constructor(code: string, reason: string, path: string) {
    super(code, `${reason} at ${path}`);
    this.name = 'RestliEncodeError';
    this.path = path;
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

  constructor(code: string, reason: string, input: string, offset: number, token?: string) {
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
 * `path` names the first bad value (`$.a[2].b`).
 */
export class RestliSchemaError extends RestliError {
  /** Where the bad value sits, as a JSONPath-like string. */
  readonly path: string;

  constructor(code: string, reason: string, path: string) {
    super(code, `${reason} at ${path}`);
    this.name = 'RestliSchemaError';
    this.path = path;
  }
}
