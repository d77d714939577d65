/**
 * Token types of the projection (mask) grammar (spec f.2). Produced by the scanner in
 * `mask-lexer.ts`, so every pattern is `Lexer.NA`.
 *
 * ```ebnf
 * NAME    = [ "-" ] , { char } ;          (* whitespace inside is dropped; may be empty *)
 * DESCEND = ":(" ;
 * RANGE   = ( "$start" | "$count" ) , ":" , digit , { digit } ;
 * COMMA   = "," ;
 * CLOSE   = ")" ;
 * char    = ? any character except , : ( ) ? ;
 * ```
 *
 * @module
 */

import { createToken, Lexer } from 'chevrotain';

export const MaskName = createToken({ name: 'MaskName', pattern: Lexer.NA, label: 'field' });
export const MaskDescend = createToken({ name: 'MaskDescend', pattern: Lexer.NA, label: ':(' });
export const MaskRange = createToken({ name: 'MaskRange', pattern: Lexer.NA, label: 'range' });
export const MaskComma = createToken({ name: 'MaskComma', pattern: Lexer.NA, label: ',' });
export const MaskClose = createToken({ name: 'MaskClose', pattern: Lexer.NA, label: ')' });

export const maskTokens = [MaskName, MaskDescend, MaskRange, MaskComma, MaskClose];
