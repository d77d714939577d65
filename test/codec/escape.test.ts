import { describe, expect, test } from 'vitest';
import { encode } from '../../src/codec/encode.ts';
import { encodeUriComponent, type UriComponent, urlEncoderEncode } from '../../src/codec/escape.ts';
import {
  referenceRestliEscape,
  referenceUrlEncoder,
  referenceUrlEscape,
} from '../helpers/reference.ts';
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

test.each([
  ['\ud800', 0],
  ['a\udc00b', 1],
  ['x\ud83d', 1],
  // A high surrogate followed by something other than a low one: below, above, another high.
  ['\ud83d\u00e9', 0],
  ['\ud83d\ue000', 0],
  ['\ud800\ud800', 0],
  ['\ud83d\ude1b\ude1b', 2],
])('lone surrogate %j at %d is rejected by every URL layer and the 2.0 encoder', (s, at) => {
  for (const run of [
    () => urlEncoderEncode(s),
    () => encodeUriComponent(s, 'PATH_SEGMENT', true),
    () => encodeUriComponent(s, 'QUERY_PARAM', false),
  ]) {
    expect(run).toThrowError(expect.objectContaining({ code: 'LONE_SURROGATE', offset: at }));
  }
  for (const context of ['query', 'path', 'body'] as const) {
    expect(() => encode(s, { context })).toThrowError(
      expect.objectContaining({ code: 'LONE_SURROGATE' }),
    );
  }
});

/**
 * Every ASCII code unit, controls included (the escape-table vectors hold printable ASCII only),
 * and one character of each UTF-8 length, through every table, against the references built from
 * spec a.4 and b.2.
 */
describe('every ASCII character and each UTF-8 length, in every context', () => {
  const chars = [...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)), 'é', '亀', '😛'];
  test.each(chars.map((c) => [c.codePointAt(0)!.toString(16), c] as const))('U+%s', (_, c) => {
    // 2.0 values: rest.li escaping, then the context's URL layer (none for body).
    expect(encode(c, { context: 'body' })).toBe(referenceRestliEscape(c));
    expect(encode(c, { context: 'path' })).toBe(
      referenceUrlEscape(referenceRestliEscape(c), 'path'),
    );
    expect(encode(c, { context: 'query' })).toBe(
      referenceUrlEscape(referenceRestliEscape(c), 'query'),
    );
    // URL layers alone (a lone `%` is escaped either way).
    expect(encodeUriComponent(c, 'QUERY_PARAM', false)).toBe(referenceUrlEscape(c, 'query'));
    expect(encodeUriComponent(c, 'PATH_SEGMENT', true)).toBe(referenceUrlEscape(c, 'path'));
    // A whole path keeps `/` and `;` besides the segment set (Java UriComponent.Type.PATH).
    expect(encodeUriComponent(c, 'PATH', false)).toBe(
      c === '/' || c === ';' ? c : referenceUrlEscape(c, 'path'),
    );
    expect(urlEncoderEncode(c)).toBe(referenceUrlEncoder(c));
  });

  test('an escape run is left alone only when contextual, in every URL table', () => {
    for (const component of ['QUERY_PARAM', 'PATH_SEGMENT', 'PATH'] as const) {
      expect(encodeUriComponent('a%2Fb%zz%4', component, true)).toBe('a%2Fb%25zz%254');
      expect(encodeUriComponent('a%2Fb', component, false)).toBe('a%252Fb');
    }
  });
});

describe('wrong arguments are INVALID_ARGUMENT naming the parameter and what it must be', () => {
  const invalid = (reason: RegExp) =>
    expect.objectContaining({ code: 'INVALID_ARGUMENT', reason: expect.stringMatching(reason) });
  test.each([
    [() => encodeUriComponent(1 as never, 'PATH', false), /^s must be a string, not /],
    [
      () => encodeUriComponent('a', 'PATHS' as never, false),
      /^component must be 'QUERY_PARAM', 'PATH_SEGMENT' or 'PATH', not /,
    ],
    [() => encodeUriComponent('a', 'toString' as never, false), /^component must be 'QUERY/],
    [() => encodeUriComponent('a', 'PATH', 'yes' as never), /^contextual must be a boolean, not /],
    [() => urlEncoderEncode(null as never), /^s must be a string, not /],
  ])('%#', (run, reason) => {
    expect(run).toThrowError(invalid(reason));
  });

  test('URLEncoder is never contextual: every % is escaped (spec b.2)', () => {
    expect(urlEncoderEncode('%41 %zz')).toBe(referenceUrlEncoder('%41 %zz'));
    expect(urlEncoderEncode('%41')).toBe('%2541');
  });
});
