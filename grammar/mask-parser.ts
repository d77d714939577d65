/**
 * The parser of the mask grammar (spec f.2), a chevrotain `EmbeddedActionsParser` that builds
 * the mask tree directly.
 *
 * ```ebnf
 * mask = [ item ] , { COMMA , [ item ] } ;        (* empty items are skipped *)
 * item = NAME , [ DESCEND , mask , CLOSE ]         (* a field, or a field with a nested mask *)
 *      | RANGE ;                                   (* $start:n or $count:n *)
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

  readonly mask = this.RULE('mask', (target: MaskTree) => {
    this.OPTION(() => this.SUBRULE(this.item, { ARGS: [target] }));
    this.MANY(() => {
      this.CONSUME(MaskComma);
      this.OPTION2(() => this.SUBRULE2(this.item, { ARGS: [target] }));
    });
  });

  readonly item = this.RULE('item', (target: MaskTree) => {
    this.OR([
      {
        ALT: () => {
          const field = this.CONSUME(MaskName) as unknown as MaskToken;
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(MaskDescend);
                const inner: MaskTree = {};
                // Duplicate fields: the later one replaces the earlier (spec f.2).
                this.ACTION(() => setOwn(target, field.name, inner));
                this.SUBRULE(this.mask, { ARGS: [inner] });
                this.CONSUME(MaskClose);
              },
            },
            { ALT: () => this.ACTION(() => setOwn(target, field.name, field.value)) },
          ]);
        },
      },
      {
        ALT: () => {
          const range = this.CONSUME(MaskRange) as unknown as MaskToken;
          this.ACTION(() => setOwn(target, range.name, range.value));
        },
      },
    ]);
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
  withStackGuard(
    () => parser!.mask(tree),
    input,
    () => parser!.deepestOpenOffset(),
  );
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
