import { describe, expect, test } from 'vitest';
import { decodeOctetRun, percentDecode } from '../../src/internal/percent.ts';
import { thrown } from '../helpers/errors.ts';
import { vectorsOf } from '../helpers/vectors.ts';

/** The index the Java message gives, which is our offset. */
const javaIndex = (message: string): number => Number(/index (\d+)/.exec(message)![1]);

describe('uri-decode vectors: percent-decoding as the 2.0 parser does it', () => {
  test.each(vectorsOf('uri-decode').map((v) => [v.input, v.expected] as const))(
    '%s → %s',
    (input, expected) => {
      expect(percentDecode(input as string)).toBe(expected);
    },
  );

  test.each(vectorsOf('uri-decode-error').map((v) => [v.input, v.expected] as const))(
    '%s is an error',
    (input, expected) => {
      const { error } = expected as { error: string };
      const e = thrown(() => percentDecode(input as string));
      expect(e.code).toBe('MALFORMED_ESCAPE');
      expect(e.reason).toBe(error);
      expect(e.offset).toBe(javaIndex(error));
    },
  );
});

describe('uri-decode-octets vectors: one run of escapes', () => {
  test.each(vectorsOf('uri-decode-octets').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const { input, start } = v.input as { input: string; start: number };
      expect(decodeOctetRun(input, start)).toEqual(v.expected);
    },
  );

  test.each(vectorsOf('uri-decode-octets-error').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s is an error',
    (_n, v) => {
      const { input, start } = v.input as { input: string; start: number };
      const e = thrown(() => decodeOctetRun(input, start));
      expect(e.reason).toBe((v.expected as { error: string }).error);
      expect(e.offset).toBe(start);
    },
  );
});

describe('invalid UTF-8', () => {
  test.each([
    ['%E9', 0],
    ['ab%ED%A0%BD', 2],
    ['%C3%A9%C3', 6],
    ['%C0%80', 0],
    ['%F4%90%80%80', 0],
    ['x%41%FF', 4],
  ])('%s is rejected by default at %i', (input, offset) => {
    const e = thrown(() => percentDecode(input));
    expect(e.code).toBe('INVALID_UTF8');
    expect(e.offset).toBe(offset);
  });

  test.each([
    ['%E9', '\ufffd'],
    ['%ED%A0%BD', '\ufffd\ufffd\ufffd'],
    ['%C3%A9%C3', 'é\ufffd'],
    ['a%41%FFb', 'aA\ufffdb'],
  ])('%s becomes %s with invalidUtf8: replace, as in Java', (input, expected) => {
    expect(percentDecode(input, { invalidUtf8: 'replace' })).toBe(expected);
  });

  test('plusAsSpace is form decoding', () => {
    expect(percentDecode('a+b%2B', { plusAsSpace: true })).toBe('a b+');
    expect(percentDecode('a+b%2B')).toBe('a+b+');
  });
});
