/**
 * The parser of the 2.0 value grammar (spec a.2, token level), a chevrotain
 * `EmbeddedActionsParser` that builds the value directly (no CST).
 *
 * ```ebnf
 * element  = map | list | STRING ;
 * map      = MAP_START , ( OBJ_END | entry , { ITEM_SEP , entry } , OBJ_END ) ;
 * entry    = STRING , KV_SEP , element ;          (* inlined into map *)
 * list     = LIST_START , ( OBJ_END | element , { ITEM_SEP , element } , OBJ_END ) ;
 * document = element ;      (* nothing may follow it *)
 * ```
 *
 * As in the Java reference, `(,` reports a missing key and `List(,` a bad element (not a missing
 * `)`): the message provider knows a `)` expected right after an opening token means that.
 *
 * @module
 */

import {
  EmbeddedActionsParser,
  EOF,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { type ErrorCode, RestliSyntaxError } from '../src/errors.ts';
import { setOwn } from '../src/internal/own.ts';
import type { InvalidUtf8 } from '../src/internal/percent.ts';
import type { RestliData, RestliDataMap } from '../src/types.ts';
import { releaseTokens, tokenize, tokenText, type ValueToken } from './lexer.ts';
import { withStackGuard } from './stack.ts';
import { allTokens, ItemSep, KvSep, ListStart, MapStart, ObjEnd, StringToken } from './tokens.ts';

/** Display text of a token in messages: strings decoded, grammar tokens as their characters. */
function show(token: IToken): string {
  return tokenText(token as unknown as ValueToken);
}

function at(token: IToken): string {
  return `'${show(token)}' (column ${token.startOffset})`;
}

const isEnd = (token: IToken): boolean => token.tokenType === EOF;

/**
 * Messages in the Java reference's words. Each is prefixed with our error code and a NUL, which
 * {@link parseValue} splits off again; chevrotain only carries strings.
 */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (isEnd(actual)) return 'UNEXPECTED_END\0unexpected end of input';
    // Right after `(` or `List(`, a `)` was looked for only because no item could start here:
    // the reference reports the missing key or element instead.
    if (expected === StringToken || (expected === ObjEnd && previous.tokenType === MapStart)) {
      return `EXPECTED_STRING\0expected string token, found grammar token: ${at(actual)}`;
    }
    if (expected === ObjEnd && previous.tokenType === ListStart) {
      return `UNEXPECTED_TOKEN\0unexpected token: ${at(actual)} at start of element`;
    }
    return `EXPECTED_TOKEN\0expected '${expected.LABEL}' but found ${at(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `TRAILING_TOKENS\0tokens left over after parsing; first excess token: ${at(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual }) {
    const token = actual[0]!;
    if (isEnd(token)) return 'UNEXPECTED_END\0unexpected end of input';
    return `UNEXPECTED_TOKEN\0unexpected token: ${at(token)} at start of element`;
  },
  buildEarlyExitMessage({ actual }) {
    return `UNEXPECTED_TOKEN\0unexpected token: ${at(actual[0]!)} at start of element`;
  },
};

class ValueParser extends EmbeddedActionsParser {
  /**
   * `validate: false` skips chevrotain's grammar validations (about 4 ms of the first decode):
   * they check the grammar, not the input, so production skips them and a test runs them
   * ({@link checkValueGrammar}).
   */
  constructor(validate: boolean) {
    super(allTokens, {
      recoveryEnabled: false,
      maxLookahead: 1,
      errorMessageProvider: messages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /**
   * The alternatives of an element, built once per place they are used (an array literal inside
   * a rule would be allocated on every call). Each place has its own occurrence indices, as
   * chevrotain requires; `map` and `list` choose their values with them directly instead of
   * calling the `element` rule, which saves a rule invocation per leaf.
   */
  private alternatives(occurrence: 1 | 2): IOrAlt<RestliData>[] {
    const subrule = `SUBRULE${occurrence}` as const;
    const consume = `CONSUME${occurrence}` as const;
    return [
      { ALT: () => this[subrule](this.map) },
      { ALT: () => this[subrule](this.list) },
      { ALT: () => tokenText(this[consume](StringToken) as unknown as ValueToken) },
    ];
  }

  private readonly elementAlternatives = this.alternatives(1);
  // In `map`, CONSUME1 reads keys, so its values use occurrence 2.
  private readonly valueAlternatives = this.alternatives(2);
  private readonly itemAlternatives = this.alternatives(1);

  readonly element = this.RULE('element', (): RestliData => this.OR(this.elementAlternatives));

  /**
   * The maps under construction, innermost last, and the items of the lists under construction,
   * the innermost list's on top (`items[0, itemCount)`). The repetitions below read them from
   * here rather than capturing a container, so that their options objects and closures are built
   * once, not on every map and list. A list is cut from the item stack when it closes: an array of
   * its exact length, where pushing onto an empty array would reserve room for 17 items. The stack
   * keeps its store from one list and one parse to the next (shrinking it and growing it back
   * cost an allocation per list); `release` lets it go after a large input.
   */
  private maps: RestliDataMap[] = [];
  private items: RestliData[] = [];
  private itemCount = 0;

  // Each entry: STRING ":" element. `MANY_SEP` reads the separators with a plain token test
  // (no lookahead function per item, as `MANY` has). No ACTION wrappers around the stores: during
  // chevrotain's recording phase they only write to a container that is thrown away.
  private readonly entries = {
    SEP: ItemSep,
    DEF: () => {
      const key = tokenText(this.CONSUME1(StringToken) as unknown as ValueToken);
      this.CONSUME(KvSep);
      const value = this.OR1(this.valueAlternatives);
      // Duplicate keys: the last one wins, as in the reference.
      setOwn(this.maps[this.maps.length - 1]!, key, value);
    },
  };

  private readonly listItems = {
    SEP: ItemSep,
    DEF: () => {
      const value = this.OR1(this.itemAlternatives);
      this.items[this.itemCount++] = value;
    },
  };

  readonly map = this.RULE('map', (): RestliDataMap => {
    const map: RestliDataMap = {};
    this.CONSUME(MapStart);
    this.maps.push(map);
    this.MANY_SEP(this.entries);
    this.maps.pop();
    this.CONSUME(ObjEnd);
    return map;
  });

  readonly list = this.RULE('list', (): RestliData[] => {
    this.CONSUME(ListStart);
    // A nested list pushes its items above these and cuts them off before this one goes on.
    const start = this.itemCount;
    this.MANY_SEP(this.listItems);
    this.CONSUME(ObjEnd);
    const list = this.items.slice(start, this.itemCount);
    this.itemCount = start;
    return list;
  });

  /**
   * `MANY_SEP` without the error-recovery bookkeeping: chevrotain 11.2 (pinned) builds a closure
   * and an argument array on every call for `attemptInRepetitionRecovery`, a no-op here since
   * recovery is off — a quarter of the bytes a decode allocated. Same lookahead, same order of
   * calls, so the same errors. Recording (self-analysis) does not go through this method.
   */
  protected manySepFirstInternalLogic(
    _occurrence: number,
    options: { SEP: TokenType; DEF: () => void },
    key: number,
  ): void {
    const self = this as unknown as {
      getLaFuncFromCache(key: number): () => boolean;
      tokenMatcher(token: IToken, type: TokenType): boolean;
      LA_FAST(howMuch: number): IToken;
    };
    if (self.getLaFuncFromCache(key).call(this) !== true) return;
    options.DEF.call(this);
    while (self.tokenMatcher(self.LA_FAST(1), options.SEP)) {
      this.CONSUME(options.SEP);
      options.DEF.call(this);
    }
  }

  /**
   * `CONSUME` without the recovery and CST bookkeeping of chevrotain 11.2 (both off here: a
   * `try` and a label lookup per token): the token test chevrotain uses for token types without
   * categories, and the step. A mismatch goes to chevrotain's own method, which raises the same
   * error as before. Recording (self-analysis) does not go through this method.
   */
  protected consumeInternal(tokenType: TokenType, idx: number, options?: unknown): IToken {
    const state = this as unknown as { tokVector: IToken[]; currIdx: number };
    const next = state.tokVector[state.currIdx + 1]!;
    if (next.tokenTypeIdx === tokenType.tokenTypeIdx) {
      state.currIdx++;
      return next;
    }
    return chevrotainConsume.call(this, tokenType, idx, options);
  }

  /**
   * Readies the parser for `tokens`: what chevrotain's `input` setter does, without the three
   * fresh state arrays it allocates on every parse (~100 bytes of the ~1 500 a decode of the
   * finder allocates). The error list is emptied in place; the backtracking and CST stacks are
   * never pushed (no `BACKTRACK`, no CST), so they stay empty. The rule stack indices are reset,
   * which also undoes a parse that a stack overflow stopped half-way (see grammar/stack.ts). The
   * containers under construction are let go once, after every parse (`parseValue`'s `finally`).
   */
  load(tokens: ValueToken[]): void {
    const state = this as unknown as {
      tokVector: ValueToken[];
      tokVectorLength: number;
      currIdx: number;
      subruleIdx: number;
      currRuleShortName: number;
      RULE_STACK_IDX: number;
      RULE_OCCURRENCE_STACK_IDX: number;
      _errors: IRecognitionException[];
    };
    state.tokVector = tokens;
    state.tokVectorLength = tokens.length;
    state.currIdx = -1;
    state.subruleIdx = 0;
    state.currRuleShortName = 0;
    state.RULE_STACK_IDX = -1;
    state.RULE_OCCURRENCE_STACK_IDX = -1;
    state._errors.length = 0;
  }

  /**
   * Forgets the containers of a parse that stopped half-way, and, after a large input, the item
   * stack's store (it may hold strings cut from that input; after a small one it pins little, and
   * keeping it saves growing it again).
   */
  release(large: boolean): void {
    if (this.maps.length !== 0) this.maps.length = 0;
    this.itemCount = 0;
    if (large) this.items = [];
  }

  /**
   * Offset of the last `(` consumed, for a call stack that overflowed: `currIdx` is never rewound
   * (no backtracking), so the tokens before it are the path down to where the stack ran out.
   */
  deepestOpenOffset(): number {
    for (let i = 0; ; i--) {
      const token = this.LA(i) as unknown as ValueToken;
      if (token.tokenType === EOF) return 0;
      // The paren of `List(` is its last character.
      if (token.tokenType === ListStart) return token.end - 1;
      if (token.tokenType === MapStart) return token.startOffset;
    }
  }
}

/** chevrotain's own `consumeInternal`, for the mismatch path of the override above. */
const chevrotainConsume = (
  EmbeddedActionsParser.prototype as unknown as {
    consumeInternal(this: unknown, tokenType: TokenType, idx: number, options?: unknown): IToken;
  }
).consumeInternal;

let parser: ValueParser | undefined;

/**
 * Parses one 2.0 element under the limits `maxDepth` and `invalidUtf8` (two arguments, not an
 * options object: an object per call is garbage). The parser is built on first use:
 * `performSelfAnalysis` costs a few milliseconds that a client which never decodes should not
 * pay.
 */
export function parseValue(input: string, maxDepth: number, invalidUtf8: InvalidUtf8): RestliData {
  const tokens = tokenize(input, maxDepth, invalidUtf8);
  parser ??= new ValueParser(false);
  try {
    return parseTokens(parser, input, tokens);
  } finally {
    // Reused tokens and items would otherwise keep a large input alive until the next call.
    const large = input.length > 65_536;
    if (large) releaseTokens(tokens.length);
    parser.release(large);
  }
}

/**
 * Builds the parser with chevrotain's grammar validations on, which throws on any grammar
 * definition error (ambiguous alternatives, left recursion, unresolved rules). For tests.
 */
export function checkValueGrammar(): void {
  new ValueParser(true);
}

function parseTokens(parser: ValueParser, input: string, tokens: ValueToken[]): RestliData {
  // chevrotain reads only the fields ValueToken has (see lexer.ts).
  parser.load(tokens);
  const value = withStackGuard(parser, 'element', input);
  // The `errors` getter clones the array on every read; the field behind it does not.
  const error = ((parser as unknown as { _errors?: IRecognitionException[] })._errors ??
    parser.errors)[0];
  if (error !== undefined) {
    const [code, reason] = error.message.split('\0') as [ErrorCode, string];
    const offset = isEnd(error.token) ? input.length : error.token.startOffset;
    throw new RestliSyntaxError(
      code,
      reason,
      input,
      offset,
      isEnd(error.token) ? undefined : show(error.token),
    );
  }
  return value;
}

/** Token types this grammar knows, for tools such as syntax diagrams. */
export const valueTokenTypes: readonly TokenType[] = allTokens;
