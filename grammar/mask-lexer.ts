/**
 * The scanner of the mask grammar: splits a mask on `,`, `:(`, `)`, drops whitespace inside names,
 * reads `$start:n` / `$count:n` ranges, and raises the reference's errors that depend on raw
 * characters (`:` not followed by `(`, a bad range value). It counts nesting, so a deep mask is
 * rejected before the recursive parser could overflow the stack.
 *
 * @module
 */

import type { IToken, TokenType } from 'chevrotain';
import { type ErrorCode, RestliSyntaxError } from '../src/errors.ts';
import { isMaskWhitespace } from '../src/internal/mask-whitespace.ts';
import { MaskClose, MaskComma, MaskDescend, MaskName, MaskRange } from './mask-tokens.ts';

/** A mask token: a field (name, sign) or a range (name, value), with its offset. */
export interface MaskToken
  extends Pick<IToken, 'image' | 'startOffset' | 'tokenTypeIdx' | 'tokenType'> {
  /** Field name, whitespace removed, `$` kept doubled; `$start`/`$count` for a range. */
  name: string;
  /** 0 for `-name`, 1 otherwise; the range value for a range. */
  value: number;
}

/** Raises an `IllegalMaskException` of the reference, as a RestliSyntaxError. */
export function maskError(
  code: ErrorCode,
  what: string,
  input: string,
  offset: number,
): RestliSyntaxError {
  return new RestliSyntaxError(code, `Malformed mask syntax: ${what}`, input, offset);
}

function token(type: TokenType, image: string, start: number, name = '', value = 0): MaskToken {
  return {
    image,
    startOffset: start,
    tokenTypeIdx: type.tokenTypeIdx!,
    tokenType: type,
    name,
    value,
  };
}

/** Java's `Integer.MAX_VALUE`: the reference reads a range with `Integer.parseInt`. */
const MAX_RANGE = 2147483647;

/**
 * `,` `:` `)`: the characters that end a field name. A `(` does not: the reference's parser reads
 * it as part of the name (`a(b,c` is the fields `a(b` and `c`), and only `:(` opens a nested mask.
 */
function isGrammarChar(c: number): boolean {
  return c === 0x2c || c === 0x3a || c === 0x29;
}

/** Splits `input` into mask tokens. */
export function tokenizeMask(input: string, maxDepth: number): MaskToken[] {
  const tokens: MaskToken[] = [];
  const n = input.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = input[i]!;
    if (c === ',') {
      tokens.push(token(MaskComma, ',', i++));
      continue;
    }
    if (c === ')') {
      depth--;
      tokens.push(token(MaskClose, ')', i++));
      continue;
    }
    // A field: optional `-`, then characters up to the next grammar character.
    const start = i;
    let negative = false;
    if (c === '-') {
      negative = true;
      i++;
    }
    // Whitespace is cut out of the name; the runs between it are copied whole.
    let name = '';
    let run = i;
    while (i < n && !isGrammarChar(input.charCodeAt(i))) {
      if (isMaskWhitespace(input.charCodeAt(i))) {
        name += input.slice(run, i);
        run = i + 1;
      }
      i++;
    }
    name += input.slice(run, i);
    if (input[i] !== ':') {
      // Empty items (`a,,b`, a lone `-`) are skipped, as the reference does.
      if (name !== '')
        tokens.push(token(MaskName, input.slice(start, i), start, name, negative ? 0 : 1));
      continue;
    }
    // `name:` — a range or a nested mask.
    const colon = i;
    if (colon + 1 >= n) {
      throw maskError('UNEXPECTED_MASK_END', "unexpected end of buffer after ':'", input, colon);
    }
    if (name === '$start' || name === '$count') {
      const valueStart = colon + 1;
      let end = valueStart;
      while (end < n && input[end] !== ',' && input[end] !== ')') end++;
      // The reference needs a `,` or `)` after a range: a range ending the mask is an error.
      if (end >= n) throw maskError('EXPECTED_MASK_CLOSE', 'expected closing token', input, n);
      const text = input.slice(valueStart, end);
      // ASCII digits only (no sign, no space), and no more than an `int` holds.
      if (!/^[0-9]+$/.test(text) || Number(text) > MAX_RANGE) {
        throw maskError('INVALID_MASK_RANGE', 'unexpected range value', input, valueStart);
      }
      tokens.push(token(MaskRange, input.slice(start, end), start, name, Number(text)));
      i = end;
      continue;
    }
    if (input[colon + 1] !== '(') {
      throw maskError('EXPECTED_MASK_OPEN_PAREN', "expected '(' token", input, colon + 1);
    }
    if (name === '') {
      throw maskError('EMPTY_MASK_PARENT', 'empty parent field name', input, start);
    }
    if (++depth > maxDepth) {
      throw new RestliSyntaxError(
        'DEPTH_EXCEEDED',
        `nesting deeper than maxDepth ${maxDepth}`,
        input,
        colon,
      );
    }
    // A leading `-` before a nested mask is ignored, as the reference does.
    tokens.push(token(MaskName, input.slice(start, colon), start, name, 1));
    tokens.push(token(MaskDescend, ':(', colon));
    i = colon + 2;
  }
  return tokens;
}
