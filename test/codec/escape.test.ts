import { describe, expect, test } from 'vitest';
import { encodeUriComponent, type UriComponent, urlEncoderEncode } from '../../src/codec/escape.ts';
import { vectorsOf } from '../helpers/vectors.ts';

describe('uri-component-encode vectors: Java UriComponent.encode', () => {
  test.each(vectorsOf('uri-component-encode').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const input = v.input as { input: string; component: UriComponent; contextual: boolean };
      expect(encodeUriComponent(input.input, input.component, input.contextual)).toBe(v.expected);
    },
  );
});

describe('escape-table vectors: the URL layers of protocol 1.0', () => {
  test.each(vectorsOf('escape-table').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const input = v.input as string;
      const expected = v.expected as Record<string, string>;
      // A v1 value is URL-escaped for a query parameter, non-contextually.
      expect(encodeUriComponent(input, 'QUERY_PARAM', false)).toBe(expected.v1queryValue);
      expect(urlEncoderEncode(input)).toBe(expected.v1pathKey);
    },
  );
});

test('the URL layer leaves only valid %XX escapes alone when contextual', () => {
  expect(encodeUriComponent('%41%4g%', 'QUERY_PARAM', true)).toBe('%41%254g%25');
  expect(encodeUriComponent('%41', 'QUERY_PARAM', false)).toBe('%2541');
});

test('lone surrogates are rejected by every URL layer', () => {
  for (const s of ['\ud800', 'a\udc00b', '\ud83d']) {
    expect(() => urlEncoderEncode(s)).toThrowError(
      expect.objectContaining({ code: 'LONE_SURROGATE' }),
    );
    expect(() => encodeUriComponent(s, 'PATH_SEGMENT', true)).toThrowError(
      expect.objectContaining({ code: 'LONE_SURROGATE' }),
    );
  }
});
