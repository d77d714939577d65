import { describe, expect, test } from 'vitest';
import { parseNameSegment } from '../../../src/wire/v1/segment.ts';
import { thrown } from '../../helpers/errors.ts';
import { vectorsOf } from '../../helpers/vectors.ts';

/** Our code for each Java PathSegment message. */
const CODES: [string, string][] = [
  ['Invalid Non-integer key index', 'V1_BAD_INDEX'],
  ['Negative integer key index', 'V1_NEGATIVE_INDEX'],
  ['Path segment name expected', 'V1_MISSING_NAME'],
  ["'[' expected", 'V1_MISSING_BRACKET'],
];

describe('v1-name-segment vectors: name[index]', () => {
  test.each(vectorsOf('v1-name-segment').map((v) => [v.input as string, v.expected] as const))(
    '%j → %j',
    (input, expected) => {
      expect(parseNameSegment(input)).toEqual(expected);
    },
  );

  test.each(
    vectorsOf('v1-name-segment-error').map(
      (v) => [v.input as string, (v.expected as { error: string }).error] as const,
    ),
  )('%j fails: %s', (input, message) => {
    const error = thrown(() => parseNameSegment(input));
    expect(error.reason).toBe(message);
    expect(error.code).toBe(CODES.find(([text]) => message.includes(text))?.[1]);
  });
});

describe('what a segment is', () => {
  test.each([
    ['plain', { name: 'plain' }],
    ['a~5B0~5D[1]', { name: 'a[0]', index: 1 }],
    ['a~2Eb', { name: 'a.b' }],
    ['a[01]', { name: 'a', index: 1 }],
    ['a[+7]', { name: 'a', index: 7 }],
    ['a[-0]', { name: 'a', index: 0 }],
    ['a[0]x', { name: 'a[0]x' }],
    ['a[1][2]', { name: 'a[1]', index: 2 }],
    ['a[2147483647]', { name: 'a', index: 2147483647 }],
    // Integer.parseInt reads any Unicode decimal digit.
    ['a[\u0663]', { name: 'a', index: 3 }],
  ])('%j → %j', (input, expected) => {
    expect(parseNameSegment(input)).toEqual(expected);
  });

  test.each([
    ['a]', 'V1_MISSING_BRACKET', 1],
    ['[0]', 'V1_MISSING_NAME', 0],
    ['a[]', 'V1_BAD_INDEX', 2],
    ['a[1x]', 'V1_BAD_INDEX', 3],
    ['a[2147483648]', 'V1_BAD_INDEX', 11],
    ['a[-1]', 'V1_NEGATIVE_INDEX', 2],
    ['a~z[1]', 'V1_BAD_NAME_ESCAPE', 1],
    ['', 'V1_EMPTY_SEGMENT', 0],
  ])('%j fails with %s at %d', (input, code, offset) => {
    const error = thrown(() => parseNameSegment(input));
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
  });
});
