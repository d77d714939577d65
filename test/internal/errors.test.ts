/** The caret excerpt every syntax error carries, and the one test for a call-stack overflow. */
import { describe, expect, test } from 'vitest';
import { caretExcerpt } from '../../src/errors.ts';
import { isStackOverflow } from '../../src/internal/stack.ts';

describe('caretExcerpt', () => {
  test.each([
    ['(a:b:c)', 4, '  (a:b:c)\n      ^'],
    ['', 0, '  \n  ^'],
    ['abc', 3, '  abc\n     ^'],
    ['abc', 99, '  abc\n     ^'],
    ['abc', -5, '  abc\n  ^'],
    // Control characters would break the one-line layout: each shows as one space.
    ['a\tb\nc\rd\u0000e\u001fz\u007f!', 3, '  a b c d e z !\n     ^'],
    // Wider than the 60-character window: cut around the offset, the cuts marked.
    [
      `${'x'.repeat(100)}!${'y'.repeat(100)}`,
      100,
      `  …${'x'.repeat(30)}!${'y'.repeat(29)}…\n  ${' '.repeat(31)}^`,
    ],
    [`!${'y'.repeat(100)}`, 0, `  !${'y'.repeat(59)}…\n  ^`],
    [`${'x'.repeat(100)}!`, 100, `  …${'x'.repeat(59)}!\n  ${' '.repeat(60)}^`],
  ])('caretExcerpt(%j, %i)', (input, offset, expected) => {
    expect(caretExcerpt(input, offset)).toBe(expected);
  });
});

describe('isStackOverflow', () => {
  test.each([
    [new RangeError('Maximum call stack size exceeded'), true], // V8
    [new RangeError('Maximum call stack size exceeded.'), true], // JavaScriptCore
    [Object.assign(new Error('too much recursion'), { name: 'InternalError' }), true], // SpiderMonkey
    [new Error('too much recursion?'), false],
    [new RangeError('Invalid array length'), false],
    [new Error('Maximum call stack size exceeded'), false],
    ['Maximum call stack size exceeded', false],
    [undefined, false],
  ])('%s: %s', (error, expected) => {
    expect(isStackOverflow(error)).toBe(expected);
  });

  test('a real overflow', () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    let error: unknown;
    try {
      recurse(0);
    } catch (caught) {
      error = caught;
    }
    expect(isStackOverflow(error)).toBe(true);
  });
});
