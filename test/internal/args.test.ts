/** How a wrong argument is named in an INVALID_ARGUMENT message: its kind, never its content. */
import { describe, expect, test } from 'vitest';
import { describeArgument } from '../../src/internal/args.ts';

describe('describeArgument', () => {
  test.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [[1], 'an array'],
    [{}, 'an object'],
    [JSON.parse('{"a":1}'), 'an object'],
    [Object.create(null), 'an object'],
    [new Date(0), 'a Date'],
    [new Map(), 'a Map'],
    [new Error('x'), 'an Error'],
    [new Uint8Array(1), 'a Uint8Array'],
    ['abc', 'the string "abc"'],
    ['x'.repeat(41), `the string "${'x'.repeat(40)}…"`],
    [5, 'the number 5'],
    [5n, 'the bigint 5'],
    [true, 'the boolean true'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    // A caller's object with its own `constructor` or `toString` is still named by its prototype.
    [JSON.parse('{"constructor":{"name":"Evil"},"toString":1}'), 'an object'],
  ])('%o is %s', (value, text) => {
    expect(describeArgument(value)).toBe(text);
  });
});
