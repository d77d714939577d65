/**
 * The scanner of the 2.0 value grammar: splits the still-encoded input on the four grammar
 * characters, then percent-decodes each piece (spec a.2, rules L0–L5). Splitting first is what
 * keeps `%28` inside a string from ever becoming structure.
 *
 * It also counts nesting, so that input deeper than the limit is rejected here, before the
 * recursive parser could overflow the stack.
 *
 * @module
 */

import type { IToken, TokenType } from 'chevrotain';
import { RestliSyntaxError } from '../src/errors.ts';
import { type InvalidUtf8, isHex, percentDecode } from '../src/internal/percent.ts';
import { ItemSep, KvSep, ListStart, MapStart, ObjEnd, StringToken } from './tokens.ts';

/** A token with its decoded text: the string value, or the grammar character. */
export interface ValueToken
  extends Pick<IToken, 'image' | 'startOffset' | 'tokenTypeIdx' | 'tokenType'> {
  /** Decoded text of a string token; the display text of a grammar token. */
  payload: string;
}

/** Options of {@link tokenize}. */
export interface ScanOptions {
  maxDepth: number;
  invalidUtf8: InvalidUtf8;
}

/**
 * A token carrying only what chevrotain's parser reads (`tokenTypeIdx`, `tokenType`) and what our
 * messages need (`startOffset`, `payload`): lines, columns and end offsets are never read with
 * `positionTracking: 'onlyOffset'`, and four fewer fields per token is measurably faster. A
 * string token's image is its decoded text, to spare a second copy of the raw text.
 */
function token(type: TokenType, image: string, start: number, payload: string): ValueToken {
  return { image, startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, payload };
}

/** Splits `input` into tokens; throws on malformed escapes, invalid UTF-8 and excess depth. */
export function tokenize(input: string, options: ScanOptions): ValueToken[] {
  const tokens: ValueToken[] = [];
  const n = input.length;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x25) {
      // The reference reads the two characters after `%` as hex digits whatever they are, so
      // `%4)` is a bad digit `)`, not a truncated escape before a `)`.
      checkEscape(input, i);
      i += 2;
      continue;
    }
    // Only ( ) , : are grammar characters (L0); everything else accumulates as string data.
    if (c !== 0x28 && c !== 0x29 && c !== 0x2c && c !== 0x3a) continue;
    const text = start < i ? stringText(input, start, i, options.invalidUtf8) : undefined;
    if (c === 0x28) {
      if (++depth > options.maxDepth) {
        throw new RestliSyntaxError(
          'DEPTH_EXCEEDED',
          `nesting deeper than maxDepth ${options.maxDepth}`,
          input,
          i,
          '(',
        );
      }
      // L1: `List(` is recognized on the decoded text, so `%4Cist(` opens a list too.
      if (text === 'List') {
        tokens.push(token(ListStart, input.slice(start, i + 1), start, 'List('));
      } else {
        if (text !== undefined) tokens.push(token(StringToken, text, start, text));
        tokens.push(token(MapStart, '(', i, '('));
      }
    } else {
      if (text !== undefined) tokens.push(token(StringToken, text, start, text));
      if (c === 0x29) {
        depth--;
        tokens.push(token(ObjEnd, ')', i, ')'));
      } else if (c === 0x2c) {
        tokens.push(token(ItemSep, ',', i, ','));
      } else {
        tokens.push(token(KvSep, ':', i, ':'));
      }
    }
    start = i + 1;
  }
  if (start < n) {
    const text = stringText(input, start, n, options.invalidUtf8);
    tokens.push(token(StringToken, text, start, text));
  }
  return tokens;
}

/** Throws the reference's error for a `%` at `i` that is not followed by two hex digits. */
function checkEscape(input: string, i: number): void {
  if (i + 2 >= input.length) {
    throw new RestliSyntaxError(
      'MALFORMED_ESCAPE',
      `Malformed percent-encoded octet at index ${i}`,
      input,
      i,
    );
  }
  for (const j of [i + 1, i + 2]) {
    if (!isHex(input.charCodeAt(j))) {
      throw new RestliSyntaxError(
        'MALFORMED_ESCAPE',
        `Malformed percent-encoded octet at index ${j}, invalid hexadecimal digit '${input[j]}'`,
        input,
        j,
      );
    }
  }
}

/** The value of the raw string `input[start, end)`: L2 (`''`) and L4 (percent-decoding). */
function stringText(input: string, start: number, end: number, invalidUtf8: InvalidUtf8): string {
  const raw = input.slice(start, end);
  if (raw === "''") return '';
  if (!raw.includes('%')) return raw;
  // The scanner has already checked every escape's two hex digits, so the native decoder can
  // only fail on invalid UTF-8; our own decoder then finds the offset (or writes U+FFFD).
  if (invalidUtf8 === 'error') {
    try {
      return decodeURIComponent(raw);
    } catch {
      // fall through to the precise error
    }
  }
  return percentDecode(raw, { invalidUtf8, base: start, whole: input });
}
