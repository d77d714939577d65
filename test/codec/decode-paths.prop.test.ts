import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { tokenize, tokenText } from '../../grammar/lexer.ts';
import { parseValue } from '../../grammar/parser.ts';
import { StringToken } from '../../grammar/tokens.ts';
import { decode, decodeScalar } from '../../src/codec/decode.ts';
import { DEFAULT_MAX_DEPTH } from '../../src/codec/limits.ts';
import { RestliSyntaxError } from '../../src/errors.ts';
import { percentDecode } from '../../src/internal/percent.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { runs } from '../helpers/linear.ts';

/** What a call did: its value, or its error's code, offset and reason. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    const { code, offset, reason, name } = error as {
      code: string;
      offset: number;
      reason: string;
      name: string;
    };
    return { name, code, offset, reason };
  }
}

// Pieces biased towards what the decoders treat specially: escapes (ASCII, multi-byte, invalid,
// malformed, truncated), the empty-string quote, `List`, and non-ASCII text.
const scalarPiece = fc.oneof(
  fc.constantFrom(
    '%',
    '%2',
    '%4',
    '%zz',
    '%25',
    '%27',
    '%28',
    '%3A',
    '%2C',
    '%20',
    '%C3',
    '%A9',
    '%C3%A9',
    '%E2%82%AC',
    '%F0%9F%98%80',
    '%ED%A0%80',
    '%C0%80',
    '%F4%90%80%80',
    '%FF',
    "''",
    "'",
    'List',
    '%4Cist',
    'a',
    '+',
    'é',
    '😀',
    '\ud800',
    ' ',
  ),
  trickyString.map((s) => s.replace(/[(),:]/g, '')),
);
const grammarPiece = fc.constantFrom('(', ')', ',', ':', 'List(', '%4Cist(');
const scalarText = fc.array(scalarPiece, { maxLength: 12 }).map((p) => p.join(''));
const anyText = fc
  .array(fc.oneof(scalarPiece, grammarPiece), { maxLength: 24 })
  .map((p) => p.join(''));
const modes = fc.constantFrom<'error' | 'replace'>('error', 'replace');

describe('the direct scalar path against the grammar path', () => {
  test.prop([scalarText, modes], { numRuns: runs(3000) })(
    'a value with no grammar character: same value or same error',
    (text, invalidUtf8) => {
      const direct = outcome(() => decodeScalar(text, invalidUtf8));
      const grammar = outcome(() => parseValue(text, DEFAULT_MAX_DEPTH, invalidUtf8));
      if (text === '') {
        // Empty input is the grammar's to refuse; the direct path declines it.
        expect(direct).toEqual({ value: undefined });
      } else {
        expect(direct).toEqual(grammar);
      }
    },
  );

  test.prop([anyText, modes], { numRuns: runs(3000) })(
    'decode, whichever path it takes, agrees with the grammar path on any input',
    (text, invalidUtf8) => {
      expect(outcome(() => decode(text, { invalidUtf8 }))).toEqual(
        outcome(() => parseValue(text, DEFAULT_MAX_DEPTH, invalidUtf8)),
      );
    },
  );
});

/**
 * The scanner as the reference reads (the previous implementation): piece by piece, each
 * piece's escapes checked as they come, the piece decoded on its own when the grammar character
 * that ends it is reached, then the depth checked. Returns the decoded strings, or throws.
 */
function referenceStrings(text: string, invalidUtf8: 'error' | 'replace', maxDepth: number) {
  const strings: string[] = [];
  let start = 0;
  let depth = 0;
  const piece = (end: number) => {
    const raw = text.slice(start, end);
    return raw === "''" ? '' : percentDecode(raw, { invalidUtf8, base: start, whole: text });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '%') {
      const bad = [i + 1, i + 2].find((j) => !/[0-9A-Fa-f]/.test(text[j] ?? ''));
      if (i + 2 >= text.length) {
        throw new RestliSyntaxError(
          'MALFORMED_ESCAPE',
          `Malformed percent-encoded octet at index ${i}`,
          text,
          i,
        );
      }
      if (bad !== undefined) {
        const reason = `Malformed percent-encoded octet at index ${bad}, invalid hexadecimal digit '${text[bad]}'`;
        throw new RestliSyntaxError('MALFORMED_ESCAPE', reason, text, bad);
      }
      i += 2;
      continue;
    }
    if (!'(),:'.includes(c)) continue;
    const s = start < i ? piece(i) : undefined;
    if (c === '(' && ++depth > maxDepth) {
      throw new RestliSyntaxError(
        'DEPTH_EXCEEDED',
        `nesting deeper than maxDepth ${maxDepth}`,
        text,
        i,
      );
    }
    if (c === ')') depth--;
    if (s !== undefined && !(c === '(' && s === 'List')) strings.push(s);
    start = i + 1;
  }
  if (start < text.length) strings.push(piece(text.length));
  return strings;
}

describe('the one-decode scanner against a piece-by-piece reference', () => {
  test.prop([anyText, modes, fc.constantFrom(1, 2, DEFAULT_MAX_DEPTH)], { numRuns: runs(3000) })(
    'same strings, or the same first error (escape, UTF-8 and depth errors in input order)',
    (text, invalidUtf8, maxDepth) => {
      const ours = outcome(() =>
        tokenize(text, maxDepth, invalidUtf8)
          .filter((t) => t.tokenType === StringToken)
          .map(tokenText),
      );
      const reference = outcome(() => referenceStrings(text, invalidUtf8, maxDepth));
      expect(ours).toEqual(reference);
    },
  );
});
