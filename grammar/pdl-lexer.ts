/**
 * The scanner of PDL: one left-to-right pass that skips whitespace, commas and comments and
 * produces the tokens of `pdl-tokens.ts` with ANTLR's longest-match rule. Comments and strings
 * are scanned with `indexOf` and a character loop, never a backtracking regex, so every input
 * is read in linear time. It also counts `[` and `{` nesting, so that a deep input is refused
 * here before the recursive parser could overflow the stack.
 *
 * @module
 */

import type { IToken, TokenType } from 'chevrotain';
import { type ErrorCode, RestliSourceSyntaxError } from '../src/errors.ts';
import { jsonEscapeAt } from '../src/internal/json.ts';
import {
  EscapedPropId,
  Id,
  KEYWORDS,
  NumberLiteral,
  PropertyId,
  PUNCTUATION,
  Schemadoc,
  StringLiteral,
} from './pdl-tokens.ts';

/** A PDL token: what chevrotain reads, plus the decoded text. */
export interface PdlToken
  extends Pick<IToken, 'image' | 'startOffset' | 'tokenTypeIdx' | 'tokenType'> {
  /**
   * Decoded text: an identifier without backticks, a string's value, a doc comment's markdown,
   * a number's literal text; the image otherwise.
   */
  text: string;
}

/** A PDL syntax error at `offset` (code `INVALID_PDL` unless given). */
export function pdlError(
  reason: string,
  input: string,
  offset: number,
  code: ErrorCode = 'INVALID_PDL',
): RestliSourceSyntaxError {
  return new RestliSourceSyntaxError(code, reason, input, offset);
}

function token(type: TokenType, image: string, start: number, text = image): PdlToken {
  return { image, startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, text };
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isIdStart = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
/** `[A-Za-z0-9_-]`: the characters of an ID's tail and of a property segment. */
const isIdPart = (c: number): boolean => isIdStart(c) || isDigit(c) || c === 0x2d;

/** Length of the NUMBER_LITERAL at `i`, 0 when there is none. */
function numberLength(input: string, i: number): number {
  const start = i;
  if (input.charCodeAt(i) === 0x2d) i++;
  const first = input.charCodeAt(i);
  if (first === 0x30) i++;
  else if (isDigit(first)) while (isDigit(input.charCodeAt(i))) i++;
  else return 0;
  if (input.charCodeAt(i) === 0x2e && isDigit(input.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(input.charCodeAt(i))) i++;
  }
  const e = input.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    let j = i + 1;
    const sign = input.charCodeAt(j);
    if (sign === 0x2b || sign === 0x2d) j++;
    if (isDigit(input.charCodeAt(j))) {
      while (isDigit(input.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i - start;
}

/** Default nesting limit of `[` and `{`. */
export const PDL_MAX_DEPTH = 200;

/** Splits a PDL source into tokens. */
export function tokenizePdl(input: string, maxDepth = PDL_MAX_DEPTH): PdlToken[] {
  const tokens: PdlToken[] = [];
  const n = input.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    // WS: [ \t\n\r\f,]+ — commas are insignificant.
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x2c) {
      i++;
      continue;
    }
    if (c === 0x2f) {
      const next = input.charCodeAt(i + 1);
      if (next === 0x2f) {
        while (i < n && input[i] !== '\n' && input[i] !== '\r') i++;
        continue;
      }
      if (next === 0x2a) {
        // `/**` opens a doc comment when a `*/` follows the third character (longest match);
        // `/**/` alone is an empty block comment.
        const docEnd = input.charCodeAt(i + 2) === 0x2a ? input.indexOf('*/', i + 3) : -1;
        if (docEnd >= 0) {
          const image = input.slice(i, docEnd + 2);
          tokens.push(token(Schemadoc, image, i, extractMarkdown(image)));
          i = docEnd + 2;
          continue;
        }
        const end = input.indexOf('*/', i + 2);
        if (end < 0) throw pdlError('unterminated comment', input, i);
        i = end + 2;
        continue;
      }
    }
    const punctuation = PUNCTUATION.get(input[i]!);
    if (punctuation !== undefined) {
      if (c === 0x5b || c === 0x7b) {
        if (++depth > maxDepth) {
          throw pdlError(`nesting deeper than ${maxDepth}`, input, i, 'DEPTH_EXCEEDED');
        }
      } else if (c === 0x5d || c === 0x7d) {
        depth--;
      }
      tokens.push(token(punctuation, input[i]!, i));
      i++;
      continue;
    }
    if (c === 0x22) {
      i = scanString(input, i, tokens);
      continue;
    }
    if (c === 0x60) {
      const end = input.indexOf('`', i + 1);
      if (end < 0) throw pdlError('unterminated backtick escape', input, i);
      if (end === i + 1) throw pdlError('empty backtick escape', input, i);
      const inner = input.slice(i + 1, end);
      const image = input.slice(i, end + 1);
      let isId = isIdStart(inner.charCodeAt(0));
      for (let k = 1; isId && k < inner.length; k++) isId = isIdPart(inner.charCodeAt(k));
      tokens.push(token(isId ? Id : EscapedPropId, image, i, inner));
      i = end + 1;
      continue;
    }
    if (isIdPart(c)) {
      let end = i;
      while (end < n && isIdPart(input.charCodeAt(end))) end++;
      const number = c === 0x2d || isDigit(c) ? numberLength(input, i) : 0;
      // Longest match; a number wins a tie with a property segment (its rule comes first).
      if (number > 0 && number >= end - i) {
        const image = input.slice(i, i + number);
        tokens.push(token(NumberLiteral, image, i));
        i += number;
        continue;
      }
      const image = input.slice(i, end);
      const keyword = KEYWORDS.get(image);
      const type = keyword ?? (isIdStart(c) ? Id : PropertyId);
      tokens.push(token(type, image, i));
      i = end;
      continue;
    }
    throw pdlError(`unexpected character '${input[i]}'`, input, i);
  }
  return tokens;
}

/** Scans the string literal at `start`, pushes it, returns the offset after it. */
function scanString(input: string, start: number, tokens: PdlToken[]): number {
  let out = '';
  let i = start + 1;
  let chunk = i;
  for (;;) {
    if (i >= input.length) throw pdlError('unterminated string', input, start);
    const c = input.charCodeAt(i);
    if (c === 0x22) break;
    if (c !== 0x5c) {
      i++;
      continue;
    }
    out += input.slice(chunk, i);
    // PDL's string escapes are JSON's: one decoder for both.
    const code = jsonEscapeAt(input, i);
    const unicode = input.charCodeAt(i + 1) === 0x75;
    if (code < 0) throw pdlError(unicode ? 'bad \\u escape' : 'bad escape in string', input, i);
    out += String.fromCharCode(code);
    i += unicode ? 6 : 2;
    chunk = i;
  }
  out += input.slice(chunk, i);
  tokens.push(token(StringLiteral, input.slice(start, i + 1), start, out));
  return i + 1;
}

/**
 * The markdown of a doc comment, as the reference's `PdlParseUtils.extractMarkdown` computes
 * it: the `/**` and `*\/` cut off, first and last line dropped when blank, each line's leading
 * whitespace and `*` margin (with one space after it) removed, `&#47;&#42;` / `&#42;&#47;` and
 * HTML entities unescaped.
 */
export function extractMarkdown(comment: string): string {
  const body = comment.trim();
  const lines = body.slice(3, body.length - 2).split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if ((k === 0 || k === lines.length - 1) && line.trim() === '') continue;
    let index = 0;
    while (index < line.length && line.charCodeAt(index) <= 0x20) index++;
    if (line[index] === '*') {
      out.push(line.slice(line[index + 1] === ' ' ? index + 2 : index + 1));
    } else {
      out.push(line);
    }
  }
  return unescapeHtml(out.join('\n').replaceAll('&#47;&#42;', '/*').replaceAll('&#42;&#47;', '*/'));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Unescapes numeric and the common named HTML entities (commons-text `unescapeHtml4`). */
function unescapeHtml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, name) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}
