/**
 * The scanner of the 2.0 value grammar: splits the still-encoded input on the four grammar
 * characters, then percent-decodes each piece (spec a.2, rules L0–L5). Splitting first is what
 * keeps `%28` inside a string from ever becoming structure.
 *
 * It also counts nesting, so that input deeper than the limit is rejected here, before the
 * recursive parser could overflow the stack.
 *
 * It is the hot half of decoding, so it allocates only what the value keeps: escapes are checked
 * in the scanning loop (no per-escape arrays), the text is decoded natively once for the whole
 * input (or once per escaped piece when they are few), a string token's text is cut only when
 * the parser takes it (one slice), and token objects are reused across calls.
 *
 * @module
 */

import type { IToken, TokenType } from 'chevrotain';
import { RestliSyntaxError } from '../src/errors.ts';
import {
  decodeChecked,
  escapeError,
  hexValue,
  type InvalidUtf8,
  isHex,
} from '../src/internal/percent.ts';
import { ItemSep, KvSep, ListStart, MapStart, ObjEnd, StringToken } from './tokens.ts';

/**
 * A token as the parser sees it. A string token's text is not stored on it: {@link tokenText}
 * cuts it from the input (or its decoded copy) when the parser consumes it, so the text goes
 * straight into the value, and a reused token (old in the heap) is never made to point at a
 * new string (each such store costs the garbage collector a remembered slot).
 */
export interface ValueToken extends Pick<IToken, 'startOffset' | 'tokenTypeIdx' | 'tokenType'> {
  /** Offset just past the token's raw text (for `List(`, past its paren). */
  end: number;
  /** Where a string token's text starts and ends in the decoded input; -1 when unescaped. */
  dStart: number;
  dEnd: number;
  /**
   * The decoded text of an escaped string token when the input was decoded piece by piece
   * (see {@link prepareStrings}); otherwise unused.
   */
  payload: string;
}

/**
 * Token objects reused from one call to the next: decoding is synchronous and the parser reads
 * the tokens only inside the call, so a token object per token per call is pure garbage. Tokens
 * carry only what chevrotain's parser reads (`tokenTypeIdx`, `tokenType`; `image` only in its
 * default messages, which ours replace) and where the text is (`startOffset`, `end`, `dStart`,
 * `dEnd`): lines and columns are never read. Beyond {@link POOLED} tokens, fresh objects are
 * made, so a huge input does not pin a huge pool.
 */
const pool: ValueToken[] = [];
const POOLED = 16_384;
/** The token vector handed to the parser, reused too (see {@link tokenize}). */
const shared: ValueToken[] = [];

/** Writes token `k`: its type, raw span and decoded span (-1 when unescaped). */
function put(
  tokens: ValueToken[],
  k: number,
  type: TokenType,
  start: number,
  end: number,
  dStart: number,
  dEnd: number,
): void {
  let token = k < POOLED ? pool[k] : undefined;
  if (token === undefined) {
    token = {
      startOffset: start,
      end,
      dStart,
      dEnd,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
      payload: '',
    };
    if (k < POOLED) pool[k] = token;
  } else {
    token.startOffset = start;
    token.end = end;
    token.dStart = dStart;
    token.dEnd = dEnd;
    token.tokenTypeIdx = type.tokenTypeIdx!;
    token.tokenType = type;
  }
  tokens[k] = token;
}

/** 1 for the characters up to `:` that stop the scan: `%` and the grammar's `(` `)` `,` `:`. */
const SPECIAL = new Uint8Array(0x3b);
for (const c of '%(),:') SPECIAL[c.charCodeAt(0)] = 1;

/**
 * Splits `input` into tokens; throws on malformed escapes, invalid UTF-8 and excess depth, in the
 * reference's order (a piece's escapes are checked, then it is decoded, before the scanner moves
 * past the grammar character that ends it). The array returned, its tokens and their
 * {@link tokenText} are only valid until the next call (they are reused).
 *
 * Decoding is done after the split, once for the whole input by the native `decodeURIComponent`
 * (or once per escaped piece when they are few): the scanner records where each piece starts and
 * ends in the decoded text (a UTF-8 sequence is a run of escapes, which never spans a grammar
 * character), so decoded `%28` is still data. Input that is not UTF-8 takes the piece-by-piece
 * path, which finds the reference's error or writes U+FFFD.
 */
export function tokenize(input: string, maxDepth: number, invalidUtf8: InvalidUtf8): ValueToken[] {
  const n = input.length;
  // The vector is shared too: grown once, it is reused (its length is set at the end).
  const tokens = shared;
  const replace = invalidUtf8 === 'replace';
  let k = 0;
  let depth = 0;
  let start = 0;
  // Units an escape's three characters lose once decoded, summed so far: the decoded position of
  // raw offset `i` is `i - shift` (ordinary characters need no bookkeeping), and where the
  // current piece starts in the decoded text.
  let shift = 0;
  let dStart = 0;
  let escaped = false;
  let anyEscape = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    // Only % ( ) , : stop the scan (L0): everything else accumulates as string data.
    if (c > 0x3a || SPECIAL[c] === 0) continue;
    if (c === 0x25) {
      if (i + 2 >= n || !isHex(input.charCodeAt(i + 1)) || !isHex(input.charCodeAt(i + 2))) {
        throw failAfter(input, start, anyEscape && !replace, escapeError(input, i)!);
      }
      // UTF-16 units this byte adds to valid UTF-8: one per ASCII byte and per lead byte of a
      // two- or three-byte sequence, two for a four-byte lead, none for continuation bytes.
      const b = hexValue(input.charCodeAt(i + 1));
      shift += b < 8 || b === 0xc || b === 0xd || b === 0xe ? 2 : b === 0xf ? 1 : 3;
      escaped = true;
      anyEscape = true;
      i += 2;
      continue;
    }
    const d = i - shift;
    if (c === 0x28) {
      if (++depth > maxDepth) {
        const error = new RestliSyntaxError(
          'DEPTH_EXCEEDED',
          `nesting deeper than maxDepth ${maxDepth}`,
          input,
          i,
          '(',
        );
        throw failAfter(input, i, anyEscape && !replace, error);
      }
      // L1: `List(` is recognized on the decoded text, so `%4Cist(` opens a list too.
      if (d - dStart === 4 && isList(input, start, i, escaped, replace)) {
        put(tokens, k++, ListStart, start, i + 1, -1, -1);
      } else {
        if (start < i) put(tokens, k++, StringToken, start, i, escaped ? dStart : -1, d);
        put(tokens, k++, MapStart, i, i + 1, -1, -1);
      }
    } else {
      if (start < i) put(tokens, k++, StringToken, start, i, escaped ? dStart : -1, d);
      if (c === 0x29) {
        depth--;
        put(tokens, k++, ObjEnd, i, i + 1, -1, -1);
      } else if (c === 0x2c) {
        put(tokens, k++, ItemSep, i, i + 1, -1, -1);
      } else {
        put(tokens, k++, KvSep, i, i + 1, -1, -1);
      }
    }
    escaped = false;
    start = i + 1;
    dStart = d + 1;
  }
  if (start < n) put(tokens, k++, StringToken, start, n, escaped ? dStart : -1, n - shift);
  tokens.length = k;
  prepareStrings(input, tokens, k, anyEscape, replace);
  return tokens;
}

/**
 * Returns `error` to be thrown, but first throws the invalid UTF-8 error of `input[0, end)` if
 * there is one: the reference decodes each piece before it reads on, so that error comes first.
 * (No closures in the scanning loop: one capturing its loop variable costs a context per pass.)
 */
function failAfter(input: string, end: number, check: boolean, error: unknown): unknown {
  if (check) decodeChecked(input, 0, end, false);
  return error;
}

/** Whether the raw piece `input[start, end)`, four units long once decoded, decodes to `List`. */
function isList(
  input: string,
  start: number,
  end: number,
  escaped: boolean,
  replace: boolean,
): boolean {
  if (!escaped) {
    return (
      end - start === 4 &&
      input.charCodeAt(start) === 0x4c &&
      input.charCodeAt(start + 1) === 0x69 &&
      input.charCodeAt(start + 2) === 0x73 &&
      input.charCodeAt(start + 3) === 0x74
    );
  }
  try {
    return decodeChecked(input, start, end, replace) === 'List';
  } catch (error) {
    // An earlier piece's invalid UTF-8 is the reference's first error.
    throw failAfter(input, start, !replace, error);
  }
}

/**
 * Pieces with escapes up to which each is decoded on its own: one native call per piece costs
 * less than a decoded copy of the whole input when they are few (the finder: 130 bytes fewer),
 * and more when they are many (100 URNs: 3x the time).
 */
const FEW_ESCAPED_PIECES = 4;

/** The input of the current call, and its decoded copy when it was decoded whole. */
let source = '';
let decodedSource: string | undefined;

/**
 * Readies the string tokens' texts for {@link tokenText}, raising every escape's UTF-8 error
 * now, in input order (the reference decodes each piece as it scans). With many escaped pieces
 * the input is decoded once, natively, and texts are cut from that copy; with few, each escaped
 * piece is decoded on its own here and kept on its token.
 */
function prepareStrings(
  input: string,
  tokens: ValueToken[],
  count: number,
  anyEscape: boolean,
  replace: boolean,
): void {
  source = input;
  decodedSource = input;
  if (!anyEscape) return;
  let escapedPieces = 0;
  for (let k = 0; k < count && escapedPieces <= FEW_ESCAPED_PIECES; k++) {
    if (tokens[k]!.dStart >= 0) escapedPieces++;
  }
  if (escapedPieces > FEW_ESCAPED_PIECES) {
    try {
      decodedSource = decodeURIComponent(input);
      return;
    } catch {
      // Not UTF-8 somewhere: the precise decoder finds the first bad escape, or replaces.
      if (!replace) decodeChecked(input, 0, input.length, false);
    }
  }
  // Piece by piece, in input order, so the first bad piece is the reference's first error.
  decodedSource = undefined;
  for (let k = 0; k < count; k++) {
    const token = tokens[k]!;
    if (token.dStart < 0) continue;
    token.payload = decodePiece(input, token.startOffset, token.end, replace);
  }
}

/**
 * The decoded text of string token `token` of the current call: the raw text where it has no
 * escapes (`''` alone is the empty string, L2), else its span of the decoded input or the text
 * decoded for it by {@link prepareStrings}. A grammar token's text is its label.
 */
export function tokenText(token: ValueToken): string {
  if (token.tokenType !== StringToken) return token.tokenType.LABEL!;
  const start = token.startOffset;
  const end = token.end;
  if (token.dStart < 0) {
    return end - start === 2 &&
      source.charCodeAt(start) === 0x27 &&
      source.charCodeAt(start + 1) === 0x27
      ? ''
      : source.slice(start, end);
  }
  return decodedSource !== undefined
    ? decodedSource.slice(token.dStart, token.dEnd)
    : token.payload;
}

/** One piece with escapes (all well formed): natively, or precisely when it is not UTF-8. */
function decodePiece(input: string, start: number, end: number, replace: boolean): string {
  try {
    return decodeURIComponent(input.slice(start, end));
  } catch {
    return decodeChecked(input, start, end, replace);
  }
}

/**
 * Forgets the strings this module holds, so that a large input is not kept alive by them (a
 * slice can pin the string it was cut from) until the next call.
 */
export function releaseTokens(count: number): void {
  for (let k = 0; k < count && k < POOLED; k++) pool[k]!.payload = '';
  source = '';
  decodedSource = undefined;
  // Tokens beyond the pool, and the vector's grown store, go too.
  shared.length = 0;
}
