/**
 * The parser of PDL (the Java reference's `Pdl.g4`), a chevrotain `EmbeddedActionsParser` that
 * builds a syntax tree with offsets; `src/schema/pdl.ts` turns the tree into the schema model
 * (names, imports, properties), where the reference's semantic checks live.
 *
 * ```ebnf
 * document       = [ NAMESPACE , typeName ] , [ PACKAGE , typeName ] , { IMPORT , typeName } ,
 *                  typeAssignment ;                      (* a declaration, not a reference *)
 * typeAssignment = prefix , ( NULL | typeName | scoped | record | enum | typeref | fixed
 *                           | union | array | map ) ;
 * prefix         = [ SCHEMADOC ] , { prop } ;          (* doc/props only where the reference
 *                                                          allows them; checked later *)
 * prop           = "@" , segment , { "." , segment } , [ "=" , json ] ;
 * segment        = ID | PROPERTY_ID | ESCAPED_PROP ;
 * scoped         = "{" , [ NAMESPACE , typeName ] , [ PACKAGE , typeName ] , typeAssignment , "}" ;
 * record         = RECORD , ID , [ includes ] , "{" , { field } , "}" , [ includes ] ;
 * includes       = INCLUDES , typeAssignment , { typeAssignment } ;
 * field          = prefix , ID , ":" , [ OPTIONAL ] , typeAssignment , [ "=" , json ] ;
 * enum           = ENUM , ID , "{" , { prefix , ID } , "}" ;
 * typeref        = TYPEREF , ID , "=" , typeAssignment ;
 * fixed          = FIXED , ID , NUMBER ;
 * union          = UNION , "[" , { member } , "]" ;
 * member         = prefix , ( ID , ":" , typeAssignment | typeAssignment ) ;
 * array          = ARRAY , "[" , typeAssignment , "]" ;
 * map            = MAP , "[" , typeAssignment , typeAssignment , "]" ;
 * typeName       = ID , { "." , ID } ;
 * json           = STRING | NUMBER | TRUE | FALSE | NULL
 *                | "{" , { STRING , ":" , json } , "}" | "[" , { json } , "]" ;
 * ```
 *
 * After `includes`, a `{` starts another (scoped) include only when a declaration keyword
 * follows it (past any doc and properties); otherwise it opens the fields, as ANTLR's adaptive
 * lookahead decides.
 *
 * @module
 */

import {
  EmbeddedActionsParser,
  EOF,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { RestliSourceSyntaxError } from '../src/errors.ts';
import { setOwn } from '../src/internal/own.ts';
import type { PegasusData } from '../src/types.ts';
import { type PdlToken, pdlError, tokenizePdl } from './pdl-lexer.ts';
import {
  Array_,
  At,
  BooleanLiteral,
  CloseBrace,
  CloseBracket,
  Colon,
  Dot,
  Enum,
  Eq,
  EscapedPropId,
  Fixed,
  Id,
  Import,
  Includes,
  Map_,
  Namespace,
  NullLiteral,
  NumberLiteral,
  OpenBrace,
  OpenBracket,
  Optional,
  Package,
  PropertyId,
  pdlTokens,
  Record,
  Schemadoc,
  StringLiteral,
  Typeref,
  Union,
} from './pdl-tokens.ts';
import { isParserOverflow } from './stack.ts';

/** A name with where it was written. */
export interface PdlName {
  name: string;
  offset: number;
}

/** `@a.b = value`: a property path and its value (`true` when no value is given). */
export interface PdlProp {
  path: string[];
  value: PegasusData;
  offset: number;
}

/** The doc comment and properties written before a declaration, field, symbol or alias. */
export interface PdlPrefix {
  doc?: PdlName & { text: string };
  props: PdlProp[];
  /** Offset of the first prefix token, or of what follows when there is none. */
  offset: number;
}

export type PdlTypeNode =
  | { kind: 'ref'; prefix: PdlPrefix; name: string; offset: number }
  | {
      kind: 'scoped';
      prefix: PdlPrefix;
      namespace?: PdlName;
      package?: PdlName;
      type: PdlTypeNode;
      offset: number;
    }
  | {
      kind: 'record';
      prefix: PdlPrefix;
      name: PdlName;
      beforeIncludes: PdlTypeNode[];
      fields: PdlFieldNode[];
      afterIncludes: PdlTypeNode[];
      offset: number;
    }
  | { kind: 'enum'; prefix: PdlPrefix; name: PdlName; symbols: PdlSymbolNode[]; offset: number }
  | { kind: 'typeref'; prefix: PdlPrefix; name: PdlName; ref: PdlTypeNode; offset: number }
  | { kind: 'fixed'; prefix: PdlPrefix; name: PdlName; size: PdlName; offset: number }
  | { kind: 'union'; prefix: PdlPrefix; members: PdlMemberNode[]; offset: number }
  | { kind: 'array'; prefix: PdlPrefix; items: PdlTypeNode; offset: number }
  | { kind: 'map'; prefix: PdlPrefix; key: PdlTypeNode; values: PdlTypeNode; offset: number };

export interface PdlFieldNode {
  prefix: PdlPrefix;
  name: PdlName;
  optional: boolean;
  type: PdlTypeNode;
  default?: PegasusData;
}

export interface PdlSymbolNode {
  prefix: PdlPrefix;
  name: PdlName;
}

export interface PdlMemberNode {
  alias?: { prefix: PdlPrefix; name: PdlName };
  type: PdlTypeNode;
}

export interface PdlDocumentNode {
  namespace?: PdlName;
  package?: PdlName;
  imports: PdlName[];
  type: PdlTypeNode;
}

const isEnd = (token: IToken): boolean => token.tokenType === EOF;
const shown = (token: IToken): string => (isEnd(token) ? 'end of input' : `'${token.image}'`);

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `expected ${expected.LABEL ?? expected.name} but found ${shown(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `unexpected ${shown(firstRedundant)} after the type declaration`,
  buildNoViableAltMessage: ({ actual, ruleName }) =>
    `unexpected ${shown(actual[0]!)} in ${ruleName.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`,
  buildEarlyExitMessage: ({ actual, ruleName }) =>
    `unexpected ${shown(actual[0]!)} in ${ruleName.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`,
};

const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set([
  Namespace,
  Package,
  Record,
  Enum,
  Typeref,
  Fixed,
]);

class PdlParser extends EmbeddedActionsParser {
  /** The source being parsed, for errors raised from actions. */
  source = '';

  constructor() {
    super(pdlTokens, { recoveryEnabled: false, maxLookahead: 2, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  private tok(type: TokenType, idx = 0): PdlToken {
    return (idx === 0 ? this.CONSUME(type) : this.consume(idx, type)) as unknown as PdlToken;
  }

  /** An identifier: Pegasus names may not contain the `-` that the ID token allows. */
  readonly identifier = this.RULE('identifier', (): PdlName => {
    const token = this.tok(Id);
    this.ACTION(() => {
      if (token.text.includes('-')) {
        throw pdlError(`illegal '-' in identifier ${token.text}`, this.source, token.startOffset);
      }
    });
    return { name: token.text, offset: token.startOffset };
  });

  readonly typeName = this.RULE('typeName', (): PdlName => {
    const first = this.SUBRULE(this.identifier);
    const parts: string[] = [];
    this.MANY(() => {
      this.CONSUME(Dot);
      parts.push(this.SUBRULE2(this.identifier).name);
    });
    return this.ACTION(() => ({
      name: [first.name, ...parts].join('.'),
      offset: first.offset,
    }));
  });

  readonly document = this.RULE('document', (): PdlDocumentNode => {
    const doc: PdlDocumentNode = { imports: [], type: undefined as unknown as PdlTypeNode };
    this.OPTION(() => {
      this.CONSUME(Namespace);
      doc.namespace = this.SUBRULE(this.typeName);
    });
    this.OPTION2(() => {
      this.CONSUME(Package);
      doc.package = this.SUBRULE2(this.typeName);
    });
    this.MANY(() => {
      this.CONSUME(Import);
      doc.imports.push(this.SUBRULE3(this.typeName));
    });
    doc.type = this.SUBRULE(this.typeAssignment);
    return doc;
  });

  readonly propSegment = this.RULE('propSegment', (): string =>
    this.OR([
      { ALT: () => this.tok(Id).text },
      { ALT: () => this.tok(PropertyId).text },
      { ALT: () => this.tok(EscapedPropId).text },
    ]),
  );

  readonly prop = this.RULE('prop', (): PdlProp => {
    const at = this.tok(At);
    const path = [this.SUBRULE(this.propSegment)];
    this.MANY(() => {
      this.CONSUME(Dot);
      path.push(this.SUBRULE2(this.propSegment));
    });
    let value: PegasusData = true;
    this.OPTION(() => {
      this.CONSUME(Eq);
      value = this.SUBRULE(this.json);
    });
    return { path, value, offset: at.startOffset };
  });

  readonly prefix = this.RULE('prefix', (): PdlPrefix => {
    const offset = this.LA(1).startOffset;
    const prefix: PdlPrefix = { props: [], offset };
    this.OPTION(() => {
      const token = this.tok(Schemadoc);
      prefix.doc = { name: token.image, text: token.text, offset: token.startOffset };
    });
    this.MANY(() => {
      prefix.props.push(this.SUBRULE(this.prop));
    });
    return prefix;
  });

  readonly typeAssignment = this.RULE('typeAssignment', (): PdlTypeNode => {
    const prefix = this.SUBRULE(this.prefix);
    return this.SUBRULE(this.typeBody, { ARGS: [prefix] });
  });

  readonly typeBody = this.RULE('typeBody', (prefix: PdlPrefix): PdlTypeNode => {
    const offset = this.LA(1).startOffset;
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(NullLiteral);
          return { kind: 'ref', prefix, name: 'null', offset } as PdlTypeNode;
        },
      },
      {
        ALT: () => {
          const name = this.SUBRULE(this.typeName);
          return { kind: 'ref', prefix, name: name?.name, offset } as PdlTypeNode;
        },
      },
      { ALT: () => this.SUBRULE(this.scoped, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.record, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.enumDecl, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.typeref, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.fixed, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.union, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.array, { ARGS: [prefix] }) },
      { ALT: () => this.SUBRULE(this.map, { ARGS: [prefix] }) },
    ]);
  });

  readonly scoped = this.RULE('scoped', (prefix: PdlPrefix): PdlTypeNode => {
    const open = this.tok(OpenBrace);
    let namespace: PdlName | undefined;
    let pkg: PdlName | undefined;
    this.OPTION(() => {
      this.CONSUME(Namespace);
      namespace = this.SUBRULE(this.typeName);
    });
    this.OPTION2(() => {
      this.CONSUME(Package);
      pkg = this.SUBRULE2(this.typeName);
    });
    const type = this.SUBRULE(this.typeAssignment);
    this.CONSUME(CloseBrace);
    const node: PdlTypeNode = { kind: 'scoped', prefix, type, offset: open.startOffset };
    if (namespace !== undefined) node.namespace = namespace;
    if (pkg !== undefined) node.package = pkg;
    return node;
  });

  /** Whether the `{` at LA(1) opens a scoped declaration rather than a record's fields. */
  private opensScopedDeclaration(): boolean {
    let k = 2;
    if (this.LA(k).tokenType === Schemadoc) k++;
    while (this.LA(k).tokenType === At) {
      k++;
      while (this.LA(k).tokenType !== Eq && this.LA(k).tokenType !== EOF) {
        const type = this.LA(k).tokenType;
        if (type !== Id && type !== PropertyId && type !== EscapedPropId && type !== Dot) break;
        k++;
      }
      if (this.LA(k).tokenType !== Eq) continue;
      k++;
      // Skip one JSON value: a scalar, or balanced brackets and braces.
      let depth = 0;
      do {
        const type = this.LA(k).tokenType;
        if (type === EOF) return false;
        if (type === OpenBrace || type === OpenBracket) depth++;
        else if (type === CloseBrace || type === CloseBracket) depth--;
        k++;
      } while (depth > 0);
    }
    return DECLARATION_KEYWORDS.has(this.LA(k).tokenType);
  }

  readonly includes = this.RULE('includes', (): PdlTypeNode[] => {
    this.CONSUME(Includes);
    const types: PdlTypeNode[] = [];
    this.AT_LEAST_ONE({
      GATE: () => this.LA(1).tokenType !== OpenBrace || this.opensScopedDeclaration(),
      DEF: () => {
        types.push(this.SUBRULE(this.typeAssignment));
      },
    });
    return types;
  });

  readonly record = this.RULE('record', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Record);
    const name = this.SUBRULE(this.identifier);
    let beforeIncludes: PdlTypeNode[] = [];
    let afterIncludes: PdlTypeNode[] = [];
    this.OPTION(() => {
      beforeIncludes = this.SUBRULE(this.includes);
    });
    this.CONSUME(OpenBrace);
    const fields: PdlFieldNode[] = [];
    this.MANY(() => {
      fields.push(this.SUBRULE(this.field));
    });
    this.CONSUME(CloseBrace);
    this.OPTION2(() => {
      afterIncludes = this.SUBRULE2(this.includes);
    });
    return {
      kind: 'record',
      prefix,
      name,
      beforeIncludes,
      fields,
      afterIncludes,
      offset: keyword.startOffset,
    };
  });

  readonly field = this.RULE('field', (): PdlFieldNode => {
    const prefix = this.SUBRULE(this.prefix);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(Colon);
    let optional = false;
    this.OPTION(() => {
      this.CONSUME(Optional);
      optional = true;
    });
    const type = this.SUBRULE(this.typeAssignment);
    const field: PdlFieldNode = { prefix, name, optional, type };
    this.OPTION2(() => {
      this.CONSUME(Eq);
      field.default = this.SUBRULE(this.json);
    });
    return field;
  });

  readonly enumDecl = this.RULE('enumDecl', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Enum);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(OpenBrace);
    const symbols: PdlSymbolNode[] = [];
    this.MANY(() => {
      const symbolPrefix = this.SUBRULE(this.prefix);
      symbols.push({ prefix: symbolPrefix, name: this.SUBRULE2(this.identifier) });
    });
    this.CONSUME(CloseBrace);
    return { kind: 'enum', prefix, name, symbols, offset: keyword.startOffset };
  });

  readonly typeref = this.RULE('typeref', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Typeref);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(Eq);
    const ref = this.SUBRULE(this.typeAssignment);
    return { kind: 'typeref', prefix, name, ref, offset: keyword.startOffset };
  });

  readonly fixed = this.RULE('fixed', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Fixed);
    const name = this.SUBRULE(this.identifier);
    const size = this.tok(NumberLiteral);
    return {
      kind: 'fixed',
      prefix,
      name,
      size: { name: size.text, offset: size.startOffset },
      offset: keyword.startOffset,
    };
  });

  readonly union = this.RULE('union', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Union);
    this.CONSUME(OpenBracket);
    const members: PdlMemberNode[] = [];
    this.MANY(() => {
      members.push(this.SUBRULE(this.member));
    });
    this.CONSUME(CloseBracket);
    return { kind: 'union', prefix, members, offset: keyword.startOffset };
  });

  readonly member = this.RULE('member', (): PdlMemberNode => {
    const prefix = this.SUBRULE(this.prefix);
    return this.OR([
      {
        // `alias: type` — an identifier followed by a colon.
        GATE: () => this.LA(2).tokenType === Colon,
        ALT: () => {
          const name = this.SUBRULE(this.identifier);
          this.CONSUME(Colon);
          const type = this.SUBRULE(this.typeAssignment);
          return { alias: { prefix, name }, type };
        },
      },
      { ALT: () => ({ type: this.SUBRULE(this.typeBody, { ARGS: [prefix] }) }) },
    ]);
  });

  readonly array = this.RULE('array', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Array_);
    this.CONSUME(OpenBracket);
    const items = this.SUBRULE(this.typeAssignment);
    this.CONSUME(CloseBracket);
    return { kind: 'array', prefix, items, offset: keyword.startOffset };
  });

  readonly map = this.RULE('map', (prefix: PdlPrefix): PdlTypeNode => {
    const keyword = this.tok(Map_);
    this.CONSUME(OpenBracket);
    const key = this.SUBRULE(this.typeAssignment);
    const values = this.SUBRULE2(this.typeAssignment);
    this.CONSUME(CloseBracket);
    return { kind: 'map', prefix, key, values, offset: keyword.startOffset };
  });

  readonly json = this.RULE(
    'json',
    (): PegasusData =>
      this.OR([
        { ALT: () => this.tok(StringLiteral).text },
        {
          ALT: () => {
            const token = this.tok(NumberLiteral);
            return this.ACTION(() => pdlNumber(token, this.source));
          },
        },
        { ALT: () => this.tok(BooleanLiteral).image === 'true' },
        {
          ALT: () => {
            this.CONSUME(NullLiteral);
            return null;
          },
        },
        { ALT: () => this.SUBRULE(this.jsonObject) },
        { ALT: () => this.SUBRULE(this.jsonArray) },
      ]),
  );

  readonly jsonObject = this.RULE('jsonObject', (): PegasusData => {
    const map: { [key: string]: PegasusData } = {};
    this.CONSUME(OpenBrace);
    this.MANY(() => {
      const key = this.tok(StringLiteral).text;
      this.CONSUME(Colon);
      const value = this.SUBRULE(this.json);
      this.ACTION(() => setOwn(map, key, value));
    });
    this.CONSUME(CloseBrace);
    return map;
  });

  readonly jsonArray = this.RULE('jsonArray', (): PegasusData => {
    const list: PegasusData[] = [];
    this.CONSUME(OpenBracket);
    this.MANY(() => {
      list.push(this.SUBRULE(this.json));
    });
    this.CONSUME(CloseBracket);
    return list;
  });
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * A number literal as the reference's `PdlParseUtils.toNumber` reads it: with `.`, `e` or `E` a
 * double; otherwise an integer that must fit a long (a bigint beyond 2^53, to keep its digits).
 */
function pdlNumber(token: PdlToken, source: string): number | bigint {
  const text = token.text;
  if (/[.eE]/.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) {
      throw pdlError(
        `'${text}' is not a valid int, long, float or double`,
        source,
        token.startOffset,
      );
    }
    return value;
  }
  const value = BigInt(text);
  if (value < LONG_MIN || value > LONG_MAX) {
    throw pdlError(
      `'${text}' is not a valid int, long, float or double`,
      source,
      token.startOffset,
    );
  }
  return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

let parser: PdlParser | undefined;

/**
 * Parses a PDL source into its syntax tree. The parser is built on first use.
 *
 * @throws {@link RestliSourceSyntaxError} `INVALID_PDL` (or `DEPTH_EXCEEDED`) pointing at the
 *   offending token's line and column.
 */
export function parsePdlDocument(source: string, maxDepth?: number): PdlDocumentNode {
  const tokens = tokenizePdl(source, maxDepth);
  parser ??= new PdlParser();
  parser.source = source;
  parser.input = tokens as IToken[];
  let document: PdlDocumentNode;
  try {
    document = parser.document();
  } catch (error) {
    // Chains that nest without brackets (typeref = typeref = …) are bounded only by the stack.
    if (isParserOverflow(error, parser)) {
      throw pdlError('nesting too deep for the call stack', source, 0, 'DEPTH_EXCEEDED');
    }
    throw error;
  } finally {
    parser.source = '';
  }
  const error = parser.errors[0];
  if (error !== undefined) {
    const offset = isEnd(error.token) ? source.length : error.token.startOffset;
    throw pdlError(error.message, source, offset) as RestliSourceSyntaxError;
  }
  return document;
}

/** Token types of the PDL grammar, for tools such as syntax diagrams. */
export const pdlTokenTypes: readonly TokenType[] = pdlTokens;
