import { describe, expect, test } from 'vitest';
import { parseNameSegment } from '../../../src/wire/v1/segment.ts';
import { thrown } from '../../helpers/errors.ts';
import { vectorsOf } from '../../helpers/vectors.ts';

/** Our code for each Java PathSegment message. */
const CODES: [string, string][] = [
  ['Invalid Non-integer key index', 'INVALID_V1_INDEX'],
  ['Negative integer key index', 'NEGATIVE_V1_INDEX'],
  ['Path segment name expected', 'MISSING_V1_NAME'],
  ["'[' expected", 'MISSING_V1_BRACKET'],
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
    ['a]', 'MISSING_V1_BRACKET', 1],
    ['[0]', 'MISSING_V1_NAME', 0],
    ['a[]', 'INVALID_V1_INDEX', 2],
    ['a[1x]', 'INVALID_V1_INDEX', 3],
    ['a[2147483648]', 'INVALID_V1_INDEX', 11],
    ['a[-1]', 'NEGATIVE_V1_INDEX', 2],
    ['a~z[1]', 'INVALID_V1_NAME_ESCAPE', 1],
    ['', 'EMPTY_V1_SEGMENT', 0],
  ])('%j fails with %s at %d', (input, code, offset) => {
    const error = thrown(() => parseNameSegment(input));
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
  });
});
