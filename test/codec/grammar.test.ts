import { describe, expect, test } from 'vitest';
import { checkValueGrammar } from '../../grammar/parser.ts';
import { decode } from '../../src/codec/decode.ts';
import { RestliSyntaxError } from '../../src/errors.ts';

describe('the 2.0 value grammar', () => {
  // Production builds the parser with skipValidations (they cost milliseconds of the first
  // decode and check only the grammar); this runs chevrotain's validations on the same grammar.
  test('passes chevrotain’s grammar validations (occurrence indices, ambiguities, recursion)', () => {
    expect(() => checkValueGrammar()).not.toThrow();
  });
});

describe('one parser for every call', () => {
  // The parser and its token vector are reused (grammar/parser.ts `load`): nothing of a call,
  // finished or failed at any point, may leak into the next.
  const FAILING = ['(a:b', '(a:b))', 'List(1,,2)', '(a:(b:c),d)x', ':', '(a:List(1,(b:c)),'];

  test.each(FAILING)('after %j fails, the next calls read as if first', (bad) => {
    expect(() => decode(bad)).toThrow(RestliSyntaxError);
    expect(decode('(a:List(1,2),b:(c:d))')).toEqual({ a: ['1', '2'], b: { c: 'd' } });
    expect(decode('List()')).toEqual([]);
    expect(() => decode('(a:b')).toThrow(
      expect.objectContaining({ code: 'UNEXPECTED_END', offset: 4 }),
    );
  });

  test('lists nested in lists and maps each get their own items', () => {
    expect(decode('List(List(1,List()),(a:List(2,3),b:List(List(4))),5,List())')).toEqual([
      ['1', []],
      { a: ['2', '3'], b: [['4']] },
      '5',
      [],
    ]);
  });

  test('a long input then a short one: the short one sees only its own tokens', () => {
    decode(`List(${'1,'.repeat(1000)}2)`);
    expect(decode('(x:y)')).toEqual({ x: 'y' });
    expect(() => decode('(x:y')).toThrow(expect.objectContaining({ offset: 4 }));
  });
});
