/**
 * The parser of the mask grammar (spec f.2), a chevrotain `EmbeddedActionsParser` that builds
 * the mask tree directly.
 *
 * ```ebnf
 * mask = [ item ] , { COMMA , [ item ] } ;        (* empty items are skipped *)
 * item = NAME , [ DESCEND , mask , CLOSE ]         (* a field, or a field with a nested mask *)
 *      | RANGE ;                                   (* $start:n or $count:n; inlined into mask *)
 * ```
 *
 * @module
 */

import {
  EmbeddedActionsParser,
  EOF,
  type IParserErrorMessageProvider,
  type IToken,
} from 'chevrotain';
import type { ErrorCode } from '../src/errors.ts';
import { setOwn } from '../src/internal/own.ts';
import type { MaskTree } from '../src/types.ts';
import { type MaskToken, maskError, tokenizeMask } from './mask-lexer.ts';
import {
  MaskClose,
  MaskComma,
  MaskDescend,
  MaskName,
  MaskRange,
  maskTokens,
} from './mask-tokens.ts';
import { withStackGuard } from './stack.ts';

/** A missing `)` at the end is unmatched nesting; anything else out of place wants a `,` or `)`. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ actual }) =>
    actual.tokenType === EOF
      ? 'UNMATCHED_MASK_NESTING\0unmatched nesting'
      : 'EXPECTED_MASK_CLOSE\0expected closing token',
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    firstRedundant.tokenType === MaskClose
      ? 'UNMATCHED_MASK_NESTING\0unmatched nesting'
      : 'EXPECTED_MASK_CLOSE\0expected closing token',
  buildNoViableAltMessage: () => 'EXPECTED_MASK_CLOSE\0expected closing token',
  buildEarlyExitMessage: () => 'EXPECTED_MASK_CLOSE\0expected closing token',
};

class MaskParser extends EmbeddedActionsParser {
  constructor() {
    super(maskTokens, { recoveryEnabled: false, maxLookahead: 1, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  /**
   * The mask trees under construction, innermost last; `parseMask` pushes the root. Items are
   * written to the innermost one, so the `item` of the grammar is inlined into `mask` (no rule
   * invocation of its own) and each nesting level costs one rule's stack frames, not two: a mask
   * at the default maxDepth then decodes from a deep caller stack (issue 8).
   */
  targets: MaskTree[] = [];

  /** `item` at one place in `mask`: chevrotain wants distinct occurrence indices per place. */
  private itemAt(occurrence: 1 | 2): () => void {
    const or = `OR${occurrence}` as const;
    const option = `OPTION${occurrence + 2}` as 'OPTION3' | 'OPTION4';
    const name = `CONSUME${occurrence}` as const;
    const range = `CONSUME${occurrence + 2}` as 'CONSUME3' | 'CONSUME4';
    const descend = `CONSUME${occurrence + 4}` as 'CONSUME5' | 'CONSUME6';
    const close = `CONSUME${occurrence + 6}` as 'CONSUME7' | 'CONSUME8';
    const subrule = `SUBRULE${occurrence}` as const;
    const nested = (): MaskTree => {
      this[descend](MaskDescend);
      const inner: MaskTree = {};
      this.ACTION(() => this.targets.push(inner));
      this[subrule](this.mask);
      this.ACTION(() => this.targets.pop());
      this[close](MaskClose);
      return inner;
    };
    const alternatives = [
      {
        ALT: () => {
          const field = this[name](MaskName) as unknown as MaskToken;
          const inner = this[option](nested);
          // Duplicate fields: the later one replaces the earlier (spec f.2).
          this.ACTION(() =>
            setOwn(this.targets[this.targets.length - 1]!, field.name, inner ?? field.value),
          );
        },
      },
      {
        ALT: () => {
          const token = this[range](MaskRange) as unknown as MaskToken;
          this.ACTION(() =>
            setOwn(this.targets[this.targets.length - 1]!, token.name, token.value),
          );
        },
      },
    ];
    return () => this[or](alternatives);
  }

  private readonly firstItem = this.itemAt(1);
  private readonly laterItem = this.itemAt(2);
  private readonly more = (): void => {
    this.CONSUME(MaskComma);
    this.OPTION2(this.laterItem);
  };

  readonly mask = this.RULE('mask', () => {
    this.OPTION1(this.firstItem);
    this.MANY(this.more);
  });

  /**
   * Offset of the last `(` consumed, for a call stack that overflowed: `currIdx` is never rewound
   * (no backtracking), so the tokens before it are the path down to where the stack ran out.
   */
  deepestOpenOffset(): number {
    for (let i = 0; ; i--) {
      const token = this.LA(i);
      if (token.tokenType === EOF) return 0;
      // A descend token is `:(`; point at its paren.
      if (token.tokenType === MaskDescend) return token.startOffset + 1;
    }
  }
}

let parser: MaskParser | undefined;

/** Parses mask text into a mask tree; the parser is built on first use. */
export function parseMask(input: string, maxDepth: number): MaskTree {
  const tokens = tokenizeMask(input, maxDepth);
  parser ??= new MaskParser();
  parser.input = tokens as unknown as IToken[];
  const tree: MaskTree = {};
  parser.targets = [tree];
  withStackGuard(parser, 'mask', input);
  const error = parser.errors[0];
  if (error !== undefined) {
    const [code, what] = error.message.split('\0') as [ErrorCode, string];
    const offset = error.token.tokenType === EOF ? input.length : error.token.startOffset;
    throw maskError(code, what, input, offset);
  }
  return tree;
}

/** The token types of this grammar, for tools. */
export const maskTokenTypes = [MaskName, MaskDescend, MaskRange, MaskComma, MaskClose];
