import { describe, expect, test } from 'vitest';
import { checkValueGrammar } from '../../grammar/parser.ts';

describe('the 2.0 value grammar', () => {
  // Production builds the parser with skipValidations (they cost milliseconds of the first
  // decode and check only the grammar); this runs chevrotain's validations on the same grammar.
  test('passes chevrotain’s grammar validations (occurrence indices, ambiguities, recursion)', () => {
    expect(() => checkValueGrammar()).not.toThrow();
  });
});
