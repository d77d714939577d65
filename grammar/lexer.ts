/**
 * The scanner of the 2.0 value grammar: splits the still-encoded input on the four grammar
 * characters, then percent-decodes each piece (spec a.2, rules L0–L5). Splitting first is what
 * keeps `%28` inside a string from ever becoming structure.
 *
 * It also counts nesting, so that input deeper than the limit is rejected here, before the
 * recursive parser could overflow the stack.
 *
 * It is the hot half of decoding, so it allocates only what the value keeps: escapes are checked
 * in the scanning loop and decoded by `decodeChecked` (no `decodeURIComponent`, no per-escape
 * arrays), a piece without escapes is one slice, and token objects are reused across calls.
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

/** A token with its decoded text: the string value, or the grammar character. */
export interface ValueToken
  extends Pick<IToken, 'image' | 'startOffset' | 'tokenTypeIdx' | 'tokenType'> {
  /** Decoded text of a string token; the display text of a grammar token. */
  payload: string;
  /** Offset just past the token's raw text (for `List(`, past its paren). */
  end: number;
  /** Where a string token's text starts and ends in the decoded input; -1 when unescaped. */
  dStart: number;
  dEnd: number;
}

/**
 * Token objects reused from one call to the next: decoding is synchronous and the parser reads
 * the tokens only inside the call, so a token object per token per call is pure garbage. Tokens
 * carry only what chevrotain's parser reads (`tokenTypeIdx`, `tokenType`) and what our messages
 * need (`startOffset`, `payload`, `image`): lines, columns and end offsets are never read with
 * `positionTracking: 'onlyOffset'`. Beyond {@link POOLED} tokens, fresh objects are made, so a
 * huge input does not pin a huge pool.
 */
const pool: ValueToken[] = [];
const POOLED = 16_384;
/** The token vector handed to the parser, reused too (see {@link tokenize}). */
const shared: ValueToken[] = [];

/** Writes token `k`: its type, raw span, decoded span (-1 when unescaped) and display text. */
function put(
  tokens: ValueToken[],
  k: number,
  type: TokenType,
  start: number,
  end: number,
  dStart: number,
  dEnd: number,
  text: string,
): void {
  let token = k < POOLED ? pool[k] : undefined;
  if (token === undefined) {
    token = {
      image: text,
      startOffset: start,
      end,
      dStart,
      dEnd,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
      payload: text,
    };
    if (k < POOLED) pool[k] = token;
  } else {
    token.image = text;
    token.startOffset = start;
    token.end = end;
    token.dStart = dStart;
    token.dEnd = dEnd;
    token.tokenTypeIdx = type.tokenTypeIdx!;
    token.tokenType = type;
    token.payload = text;
  }
  tokens[k] = token;
}

/**
 * Splits `input` into tokens; throws on malformed escapes, invalid UTF-8 and excess depth, in the
 * reference's order (a piece's escapes are checked, then it is decoded, before the scanner moves
 * past the grammar character that ends it). The array returned is only valid until the next call
 * (it and its tokens are reused).
 *
 * Decoding is done once for the whole input, by the native `decodeURIComponent`, after the split:
 * the scanner records where each piece starts and ends in the decoded text (a UTF-8 sequence is a
 * run of escapes, which never spans a grammar character), so decoded `%28` is still data. Input
 * that is not UTF-8 takes the piece-by-piece path, which finds the reference's error or writes
 * U+FFFD.
 */
export function tokenize(input: string, maxDepth: number, invalidUtf8: InvalidUtf8): ValueToken[] {
  const n = input.length;
  // The vector is shared too: grown once, it is reused (its length is set at the end).
  const tokens = shared;
  const replace = invalidUtf8 === 'replace';
  let k = 0;
  let depth = 0;
  let start = 0;
  // Where the current piece starts in the decoded text, and the decoded position now.
  let dStart = 0;
  let d = 0;
  let escaped = false;
  let anyEscape = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x25) {
      if (i + 2 >= n || !isHex(input.charCodeAt(i + 1)) || !isHex(input.charCodeAt(i + 2))) {
        throw failAfter(input, start, anyEscape && !replace, escapeError(input, i)!);
      }
      // UTF-16 units this byte adds to valid UTF-8: one per ASCII byte and per lead byte of a
      // two- or three-byte sequence, two for a four-byte lead, none for continuation bytes.
      const b = hexValue(input.charCodeAt(i + 1));
      d += b < 8 || b === 0xc || b === 0xd || b === 0xe ? 1 : b === 0xf ? 2 : 0;
      escaped = true;
      anyEscape = true;
      i += 2;
      continue;
    }
    // Only ( ) , : are grammar characters (L0); everything else accumulates as string data.
    if (c > 0x3a || (c !== 0x28 && c !== 0x29 && c !== 0x2c && c !== 0x3a)) {
      d++;
      continue;
    }
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
        put(tokens, k++, ListStart, start, i + 1, -1, -1, 'List(');
      } else {
        if (start < i) put(tokens, k++, StringToken, start, i, escaped ? dStart : -1, d, '');
        put(tokens, k++, MapStart, i, i + 1, -1, -1, '(');
      }
    } else {
      if (start < i) put(tokens, k++, StringToken, start, i, escaped ? dStart : -1, d, '');
      if (c === 0x29) {
        depth--;
        put(tokens, k++, ObjEnd, i, i + 1, -1, -1, ')');
      } else if (c === 0x2c) {
        put(tokens, k++, ItemSep, i, i + 1, -1, -1, ',');
      } else {
        put(tokens, k++, KvSep, i, i + 1, -1, -1, ':');
      }
    }
    escaped = false;
    start = i + 1;
    d++;
    dStart = d;
  }
  if (start < n) put(tokens, k++, StringToken, start, n, escaped ? dStart : -1, d, '');
  tokens.length = k;
  fillStrings(input, tokens, k, anyEscape, replace);
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

/** Sets the text of every string token, from one decode of the whole input when it has escapes. */
function fillStrings(
  input: string,
  tokens: ValueToken[],
  count: number,
  anyEscape: boolean,
  replace: boolean,
): void {
  let decoded: string | undefined = input;
  let escapedPieces = 0;
  if (anyEscape) {
    for (let k = 0; k < count && escapedPieces <= FEW_ESCAPED_PIECES; k++) {
      if (tokens[k]!.dStart >= 0) escapedPieces++;
    }
  }
  if (anyEscape && escapedPieces <= FEW_ESCAPED_PIECES) {
    // Piece by piece, in input order, so the first bad piece is the reference's first error.
    decoded = undefined;
  } else if (anyEscape) {
    try {
      decoded = decodeURIComponent(input);
    } catch {
      // Not UTF-8 somewhere: the precise decoder finds the first bad escape, or replaces.
      if (!replace) decodeChecked(input, 0, input.length, false);
      decoded = undefined;
    }
  }
  for (let k = 0; k < count; k++) {
    const token = tokens[k]!;
    if (token.tokenType !== StringToken) continue;
    let text: string;
    const start = token.startOffset;
    const end = token.end;
    if (token.dStart < 0) {
      // No escapes: the raw text, where `''` alone is the empty string (L2).
      text =
        end - start === 2 &&
        input.charCodeAt(start) === 0x27 &&
        input.charCodeAt(start + 1) === 0x27
          ? ''
          : input.slice(start, end);
    } else if (decoded !== undefined) {
      text = decoded.slice(token.dStart, token.dEnd);
    } else {
      text = decodePiece(input, start, end, replace);
    }
    token.image = text;
    token.payload = text;
  }
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
 * Forgets the strings the reused tokens hold, so that a large input is not kept alive by them
 * (a slice can pin the string it was cut from) until the next call.
 */
export function releaseTokens(count: number): void {
  for (let k = 0; k < count && k < POOLED; k++) {
    const token = pool[k]!;
    token.image = '';
    token.payload = '';
  }
  // Tokens beyond the pool, and the vector's grown store, go too.
  shared.length = 0;
}
