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
import { checkEscape, decodeChecked, type InvalidUtf8 } from '../src/internal/percent.ts';
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
 * Token objects reused from one call to the next: decoding is synchronous and the parser reads
 * the tokens only inside the call, so a token object per token per call is pure garbage. Tokens
 * carry only what chevrotain's parser reads (`tokenTypeIdx`, `tokenType`) and what our messages
 * need (`startOffset`, `payload`, `image`): lines, columns and end offsets are never read with
 * `positionTracking: 'onlyOffset'`. Beyond {@link POOLED} tokens, fresh objects are made, so a
 * huge input does not pin a huge pool.
 */
const pool: ValueToken[] = [];
const POOLED = 4096;
/** The token vector handed to the parser, reused too (see {@link tokenize}). */
const shared: ValueToken[] = [];

function put(
  tokens: ValueToken[],
  k: number,
  type: TokenType,
  image: string,
  start: number,
  payload: string,
): void {
  let token = k < POOLED ? pool[k] : undefined;
  if (token === undefined) {
    token = {
      image,
      startOffset: start,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
      payload,
    };
    if (k < POOLED) pool[k] = token;
  } else {
    token.image = image;
    token.startOffset = start;
    token.tokenTypeIdx = type.tokenTypeIdx!;
    token.tokenType = type;
    token.payload = payload;
  }
  tokens[k] = token;
}

/**
 * Splits `input` into tokens; throws on malformed escapes, invalid UTF-8 and excess depth. The
 * array returned is only valid until the next call (it and its tokens are reused).
 */
export function tokenize(input: string, options: ScanOptions): ValueToken[] {
  const n = input.length;
  // An upper bound on the token count: a shared vector for ordinary inputs, a fresh one for huge.
  const tokens = n < POOLED ? shared : [];
  const replace = options.invalidUtf8 === 'replace';
  const maxDepth = options.maxDepth;
  let k = 0;
  let depth = 0;
  let start = 0;
  let escaped = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x25) {
      checkEscape(input, i);
      escaped = true;
      i += 2;
      continue;
    }
    // Only ( ) , : are grammar characters (L0); everything else accumulates as string data.
    if (c > 0x3a || (c !== 0x28 && c !== 0x29 && c !== 0x2c && c !== 0x3a)) continue;
    const text = start < i ? stringText(input, start, i, escaped, replace) : undefined;
    escaped = false;
    if (c === 0x28) {
      if (++depth > maxDepth) {
        throw new RestliSyntaxError(
          'DEPTH_EXCEEDED',
          `nesting deeper than maxDepth ${maxDepth}`,
          input,
          i,
          '(',
        );
      }
      // L1: `List(` is recognized on the decoded text, so `%4Cist(` opens a list too.
      if (text === 'List') {
        put(tokens, k++, ListStart, input.slice(start, i + 1), start, 'List(');
      } else {
        if (text !== undefined) put(tokens, k++, StringToken, text, start, text);
        put(tokens, k++, MapStart, '(', i, '(');
      }
    } else {
      if (text !== undefined) put(tokens, k++, StringToken, text, start, text);
      if (c === 0x29) {
        depth--;
        put(tokens, k++, ObjEnd, ')', i, ')');
      } else if (c === 0x2c) {
        put(tokens, k++, ItemSep, ',', i, ',');
      } else {
        put(tokens, k++, KvSep, ':', i, ':');
      }
    }
    start = i + 1;
  }
  if (start < n) {
    const text = stringText(input, start, n, escaped, replace);
    put(tokens, k++, StringToken, text, start, text);
  }
  tokens.length = k;
  return tokens;
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
}

/**
 * The value of the raw string `input[start, end)`: L2 (`''`) and L4 (percent-decoding).
 * `escaped` says whether it holds a `%`; its escapes are already checked.
 */
export function stringText(
  input: string,
  start: number,
  end: number,
  escaped: boolean,
  replace: boolean,
): string {
  if (!escaped) {
    if (
      end - start === 2 &&
      input.charCodeAt(start) === 0x27 &&
      input.charCodeAt(start + 1) === 0x27
    )
      return '';
    return input.slice(start, end);
  }
  return decodeChecked(input, start, end, replace, false, 0, input);
}
