/**
 * Token types of the protocol 2.0 value grammar (spec a.2, lexical level).
 *
 * The tokens are produced by the hand-written scanner in `lexer.ts`, not by a chevrotain Lexer:
 * `List(` depends on the *decoded* text before `(`, which no regular pattern can express, and a
 * single pass that splits and decodes at once is the fastest. So every pattern here is
 * `Lexer.NA`.
 *
 * ```ebnf
 * MAP_START  = "(" ;                  (* when the text before it does not decode to List *)
 * LIST_START = "List" , "(" ;         (* the text since the last grammar char decodes to List *)
 * OBJ_END    = ")" ;
 * ITEM_SEP   = "," ;
 * KV_SEP     = ":" ;
 * STRING     = strchar , { strchar } ;  (* raw text '' alone is the empty string *)
 * strchar    = ? any character except ( ) , : and % ? | "%" , hex , hex ;
 * ```
 *
 * @module
 */

import { createToken, Lexer } from 'chevrotain';

export const MapStart = createToken({ name: 'MapStart', pattern: Lexer.NA, label: '(' });
export const ListStart = createToken({ name: 'ListStart', pattern: Lexer.NA, label: 'List(' });
export const ObjEnd = createToken({ name: 'ObjEnd', pattern: Lexer.NA, label: ')' });
export const ItemSep = createToken({ name: 'ItemSep', pattern: Lexer.NA, label: ',' });
export const KvSep = createToken({ name: 'KvSep', pattern: Lexer.NA, label: ':' });
export const StringToken = createToken({ name: 'String', pattern: Lexer.NA, label: 'string' });

/** Every token type, in the order the parser is given them. */
export const allTokens = [MapStart, ListStart, ObjEnd, ItemSep, KvSep, StringToken];
