/**
 * Token types of PDL, the Pegasus schema language (the Java reference's `Pdl.g4`). Produced by
 * the hand-written scanner in `pdl-lexer.ts`, so every pattern is `Lexer.NA`: the scanner does
 * ANTLR's longest match (a keyword wins a tie with an identifier, a number a tie with a property
 * segment) in one pass, with no backtracking regex over comments or strings.
 *
 * ```ebnf
 * keyword      = "array" | "enum" | "fixed" | "import" | "optional" | "package" | "map"
 *              | "namespace" | "record" | "typeref" | "union" | "includes" ;
 * punctuation  = "(" | ")" | "{" | "}" | "[" | "]" | "@" | ":" | "." | "=" ;
 * BOOLEAN      = "true" | "false" ;
 * NULL         = "null" ;
 * SCHEMADOC    = "/**" , ? any text ? , "*" , "/" ;      (* block and line comments are skipped *)
 * NUMBER       = [ "-" ] , ( "0" | [1-9] , { digit } ) , [ "." , digit , { digit } ]
 *                , [ ( "e" | "E" ) , [ "+" | "-" ] , digit , { digit } ] ;
 * STRING       = '"' , { ? JSON string character or escape ? } , '"' ;
 * ID           = [A-Za-z_] , { [A-Za-z0-9_-] } | "`" , [A-Za-z_] , { [A-Za-z0-9_-] } , "`" ;
 * PROPERTY_ID  = [A-Za-z0-9_-] , { [A-Za-z0-9_-] } ;
 * ESCAPED_PROP = "`" , ? any characters but ` ? , "`" ;
 * (* whitespace and commas are insignificant *)
 * ```
 *
 * @module
 */

import { createToken, Lexer, type TokenType } from 'chevrotain';

const token = (name: string, label: string): TokenType =>
  createToken({ name, pattern: Lexer.NA, label });

export const Array_ = token('Array', "'array'");
export const Enum = token('Enum', "'enum'");
export const Fixed = token('Fixed', "'fixed'");
export const Import = token('Import', "'import'");
export const Optional = token('Optional', "'optional'");
export const Package = token('Package', "'package'");
export const Map_ = token('Map', "'map'");
export const Namespace = token('Namespace', "'namespace'");
export const Record = token('Record', "'record'");
export const Typeref = token('Typeref', "'typeref'");
export const Union = token('Union', "'union'");
export const Includes = token('Includes', "'includes'");

export const OpenParen = token('OpenParen', "'('");
export const CloseParen = token('CloseParen', "')'");
export const OpenBrace = token('OpenBrace', "'{'");
export const CloseBrace = token('CloseBrace', "'}'");
export const OpenBracket = token('OpenBracket', "'['");
export const CloseBracket = token('CloseBracket', "']'");
export const At = token('At', "'@'");
export const Colon = token('Colon', "':'");
export const Dot = token('Dot', "'.'");
export const Eq = token('Eq', "'='");

export const BooleanLiteral = token('BooleanLiteral', 'true or false');
export const NullLiteral = token('NullLiteral', "'null'");
export const Schemadoc = token('Schemadoc', 'a doc comment');
export const NumberLiteral = token('NumberLiteral', 'a number');
export const StringLiteral = token('StringLiteral', 'a string');
export const Id = token('Id', 'an identifier');
export const PropertyId = token('PropertyId', 'a property name');
export const EscapedPropId = token('EscapedPropId', 'an escaped property name');

/** Keywords by their text. */
export const KEYWORDS: ReadonlyMap<string, TokenType> = new Map([
  ['array', Array_],
  ['enum', Enum],
  ['fixed', Fixed],
  ['import', Import],
  ['optional', Optional],
  ['package', Package],
  ['map', Map_],
  ['namespace', Namespace],
  ['record', Record],
  ['typeref', Typeref],
  ['union', Union],
  ['includes', Includes],
  ['true', BooleanLiteral],
  ['false', BooleanLiteral],
  ['null', NullLiteral],
]);

/** Punctuation by its character. */
export const PUNCTUATION: ReadonlyMap<string, TokenType> = new Map([
  ['(', OpenParen],
  [')', CloseParen],
  ['{', OpenBrace],
  ['}', CloseBrace],
  ['[', OpenBracket],
  [']', CloseBracket],
  ['@', At],
  [':', Colon],
  ['.', Dot],
  ['=', Eq],
]);

/** Every token type, in the order the parser is given them. */
export const pdlTokens: TokenType[] = [
  Array_,
  Enum,
  Fixed,
  Import,
  Optional,
  Package,
  Map_,
  Namespace,
  Record,
  Typeref,
  Union,
  Includes,
  OpenParen,
  CloseParen,
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  At,
  Colon,
  Dot,
  Eq,
  BooleanLiteral,
  NullLiteral,
  Schemadoc,
  NumberLiteral,
  StringLiteral,
  Id,
  PropertyId,
  EscapedPropId,
];
