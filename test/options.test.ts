/**
 * The value parser's options pass down: every decoder that reaches the value parser accepts
 * `maxDepth`, `maxLength` and `invalidUtf8` and applies them to what it parses.
 */
import { describe, expect, test } from 'vitest';
import type { RestliError } from '../src/errors.ts';
import { parseUrl } from '../src/http/url.ts';
import { convertUrl } from '../src/migrate/convert.ts';
import { decodeKey } from '../src/wire/keys.ts';
import { decodeQuery } from '../src/wire/query.ts';

type Options = { maxDepth?: number; maxLength?: number; invalidUtf8?: 'error' | 'replace' };

/** Each decoder, reading one input; the result is the decoded string leaf `a` where there is one. */
const decoders: [string, string, (input: string, options: Options) => unknown][] = [
  ['decodeQuery 2.0', 'a=', (text, o) => decodeQuery(`a=${text}`, o).a],
  ['decodeQuery 1.0', 'a=', (text, o) => decodeQuery(`a=${text}`, { version: '1.0.0', ...o }).a],
  ['parseUrl (query)', '/r?a=', (text, o) => parseUrl(`/r?a=${text}`, o).params.a],
  ['parseUrl (key)', '/r/', (text, o) => parseUrl(`/r/${text}`, { resource: 'r', ...o }).id],
  ['decodeKey', '', (text, o) => decodeKey(text, { kind: 'primitive', ...o })],
  [
    'convertUrl',
    '/r?a=',
    (text, o) => convertUrl(`/r?a=${text}`, { from: '2.0.0', to: '2.0.0', ...o }).url,
  ],
];

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return (error as RestliError).code;
  }
  return undefined;
}

describe.each(decoders)('%s', (_name, prefix, read) => {
  test('invalidUtf8: an error by default, U+FFFD when replaced', () => {
    expect(code(() => read('%E9', {}))).toBe('INVALID_UTF8');
    const replaced = read('%E9', { invalidUtf8: 'replace' });
    expect(String(replaced)).toContain(
      prefix.startsWith('/') && typeof replaced === 'string' && replaced.startsWith('/')
        ? '%EF%BF%BD'
        : '\ufffd',
    );
  });

  test('maxLength: the whole input counts', () => {
    const text = 'x'.repeat(20);
    expect(code(() => read(text, {}))).toBeUndefined();
    expect(code(() => read(text, { maxLength: prefix.length + 10 }))).toBe('MAX_LENGTH_EXCEEDED');
  });
});

describe.each(
  decoders.filter(([name]) => !['decodeKey', 'parseUrl (key)', 'decodeQuery 1.0'].includes(name)),
)('%s', (_name, _prefix, read) => {
  test('maxDepth reaches the value parser', () => {
    const deep = '(b:(c:(d:1)))';
    expect(code(() => read(deep, {}))).toBeUndefined();
    expect(code(() => read(deep, { maxDepth: 2 }))).toBe('DEPTH_EXCEEDED');
    expect(code(() => read(deep, { maxDepth: 3 }))).toBeUndefined();
  });
});

test('maxDepth reaches the value parser through keys', () => {
  const deep = '(a:(b:(c:1)))';
  expect(code(() => decodeKey(deep, { kind: 'complex', maxDepth: 2 }))).toBe('DEPTH_EXCEEDED');
  expect(code(() => decodeKey(deep, { kind: 'complex', maxDepth: 3 }))).toBeUndefined();
  const url = `/r/${deep}`;
  const resource = { path: 'r', keyKind: 'complex' } as const;
  expect(code(() => parseUrl(url, { resource, maxDepth: 2 }))).toBe('DEPTH_EXCEEDED');
  expect(code(() => parseUrl(url, { resource, maxDepth: 3 }))).toBeUndefined();
});

test('maxDepth reaches the 1.0 parser, where names carry the nesting', () => {
  const query = 'a.b.c.d=1';
  expect(code(() => decodeQuery(query, { version: '1.0.0', maxDepth: 2 }))).toBe('DEPTH_EXCEEDED');
  expect(code(() => decodeQuery(query, { version: '1.0.0', maxDepth: 3 }))).toBeUndefined();
  const url = `/r?${query}`;
  expect(code(() => convertUrl(url, { from: '1.0.0', to: '2.0.0', maxDepth: 2 }))).toBe(
    'DEPTH_EXCEEDED',
  );
});
