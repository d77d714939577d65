import { readFileSync } from 'node:fs';
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { RestliEncodeError } from '../../src/errors.ts';
import { parseJson, quoteJson, stringifyJson } from '../../src/internal/json.ts';
import { loneSurrogateString, trickyString } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';
import { expectLinear } from '../helpers/linear.ts';

const SUITE = new URL('../fixtures/restli-test-suite/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', SUITE), 'utf8')) as {
  jsonTestData: { data: string }[];
};

/** A JSON value with every kind of leaf the reader returns, bigints beyond 2^53 included. */
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    trickyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc
      .bigInt({ min: -(2n ** 90n), max: 2n ** 90n })
      .filter((b) => b > 2n ** 53n || b < -(2n ** 53n)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(trickyString, fc.constantFrom('__proto__', 'constructor')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

describe('Pegasus JSON reader', () => {
  test.each([
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['18446744073709551616', 18446744073709551616n],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', 9007199254740992n],
    ['1.5e3', 1500],
    ['1E400', Number.POSITIVE_INFINITY],
    ['-0', -0],
    ['"\\u00e9\\/\\b"', 'é/\b'],
    ['"\\ud83d\\ude1b"', '😛'],
    [' [ ] ', []],
    ['{"__proto__":1}', JSON.parse('{"__proto__":1}')],
    ['{"a":1,"a":2}', { a: 2 }],
  ] as const)('%s', (text, expected) => {
    expect(parseJson(text)).toEqual(expected);
  });

  test.each([
    ['', 0, 'UNEXPECTED_JSON_END'],
    ['{', 1, 'UNEXPECTED_JSON_END'],
    ['{"a":1,}', 7, 'UNEXPECTED_JSON_TOKEN'],
    ['{"a" 1}', 5, 'UNEXPECTED_JSON_TOKEN'],
    ['{"a":01}', 6, 'INVALID_JSON_NUMBER'],
    ['[1.]', 3, 'UNEXPECTED_JSON_TOKEN'],
    ['-', 1, 'UNEXPECTED_JSON_END'],
    ['"a\u0001"', 2, 'UNEXPECTED_JSON_TOKEN'],
    ['"abc', 4, 'UNEXPECTED_JSON_END'],
    ['"\\x"', 1, 'INVALID_JSON_ESCAPE'],
    ['"\\u12G4"', 1, 'INVALID_JSON_ESCAPE'],
    ['{} x', 3, 'TRAILING_JSON_TEXT'],
    ['[1 2]', 3, 'UNEXPECTED_JSON_TOKEN'],
    ['tru', 0, 'UNEXPECTED_JSON_TOKEN'],
    ['NaN', 0, 'UNEXPECTED_JSON_TOKEN'],
  ] as const)('%j fails at %i with %s', (text, offset, code) => {
    expect(thrown(() => parseJson(text))).toMatchObject({ code, offset });
  });

  test('a caller-chosen code replaces the syntax codes, not DEPTH_EXCEEDED', () => {
    expect(thrown(() => parseJson('[', { code: 'INVALID_JSON' })).code).toBe('INVALID_JSON');
    expect(thrown(() => parseJson('[[[]]]', { maxDepth: 2, code: 'INVALID_JSON' }))).toMatchObject({
      code: 'DEPTH_EXCEEDED',
      offset: 2,
    });
  });

  test('comments, on request, are whitespace (Jackson ALLOW_COMMENTS, .pdsc files)', () => {
    const text = '// head\n{ /* a */ "a" : [1, /**/ 2] // tail\r}';
    expect(parseJson(text, { comments: true })).toEqual({ a: [1, 2] });
    expect(thrown(() => parseJson(text))).toMatchObject({
      code: 'UNEXPECTED_JSON_TOKEN',
      offset: 0,
    });
    expect(thrown(() => parseJson('[1 /* open', { comments: true }))).toMatchObject({
      code: 'UNEXPECTED_JSON_END',
      offset: 3,
    });
    expect(thrown(() => parseJson('[1 / 2]', { comments: true }))).toMatchObject({
      code: 'UNEXPECTED_JSON_TOKEN',
      offset: 3,
    });
    expect(parseJson('1 // no newline', { comments: true })).toBe(1);
  });

  test('a million nested arrays fail fast, without a stack overflow', () => {
    const deep = '['.repeat(1_000_000);
    expect(thrown(() => parseJson(deep)).code).toBe('DEPTH_EXCEEDED');
    expect(parseJson(`${'['.repeat(5000)}${']'.repeat(5000)}`, { maxDepth: 5000 })).toBeDefined();
  });

  test('linear in the input (n and 10n), reading and writing', () => {
    const body = (n: number) =>
      `[${Array.from({ length: n }, (_, i) => `{"k${i}":"v\\n${i}","n":${i}}`).join(',')}]`;
    expectLinear((n) => parseJson(body(n)), 5_000);
    const value = (n: number) => Array.from({ length: n }, (_, i) => ({ [`k${i}`]: `v\n${i}` }));
    expectLinear((n) => stringifyJson(value(n)), 5_000);
  });
});

describe('Pegasus JSON writer (Jackson)', () => {
  test.each([
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\b\t\n\f\r', '"\\b\\t\\n\\f\\r"'],
    ['\u0000\u001f\u007f', '"\\u0000\\u001F\u007f"'],
    ['/é亀😛\u2028', '"/é亀😛\u2028"'],
  ])('quotes %j as Jackson does', (s, expected) => {
    expect(quoteJson(s)).toBe(expected);
  });

  test('a lone surrogate is escaped on request (text read back as text: PDL)', () => {
    expect(stringifyJson({ 'k\udc00': 'a\ud800b' }, { loneSurrogates: 'escape' })).toBe(
      '{"k\\uDC00":"a\\uD800b"}',
    );
    // A valid pair stays raw.
    expect(stringifyJson('😛', { loneSurrogates: 'escape' })).toBe('"😛"');
  });

  test('an integral double beyond 2^53 is written so that it reads back as a double', () => {
    expect(stringifyJson([2 ** 53, -(2 ** 60), 1e21, 9007199254740991])).toBe(
      '[9.007199254740992e+15,-1.152921504606847e+18,1e+21,9007199254740991]',
    );
    expect(parseJson(stringifyJson(2 ** 60))).toBe(2 ** 60);
  });

  test('pretty output is Jackson DefaultPrettyPrinter output', () => {
    expect(stringifyJson({ elements: [{ a: 1 }, { b: [] }], paging: {} }, { pretty: true })).toBe(
      '{\n  "elements" : [ {\n    "a" : 1\n  }, {\n    "b" : [ ]\n  } ],\n  "paging" : { }\n}',
    );
  });

  test('refusals name the path', () => {
    expect(thrown(() => stringifyJson({ a: [Number.NaN] }), RestliEncodeError)).toMatchObject({
      code: 'NON_FINITE_JSON_NUMBER',
      path: '$.a[0]',
    });
    expect(thrown(() => stringifyJson({ a: 'x\ud800' }), RestliEncodeError).code).toBe(
      'LONE_SURROGATE',
    );
    expect(thrown(() => stringifyJson([undefined]), RestliEncodeError).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(thrown(() => stringifyJson({ d: new Date(0) }), RestliEncodeError).code).toBe(
      'INVALID_ARGUMENT',
    );
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(thrown(() => stringifyJson(cycle), RestliEncodeError).code).toBe('DEPTH_EXCEEDED');
  });

  fcTest.prop([loneSurrogateString])('a lone surrogate is refused, never replaced', (s) => {
    expect(thrown(() => quoteJson(s), RestliEncodeError).code).toBe('LONE_SURROGATE');
  });

  fcTest.prop([loneSurrogateString])('an escaped lone surrogate reads back unchanged', (s) => {
    expect(parseJson(stringifyJson(s, { loneSurrogates: 'escape' }))).toBe(s);
  });

  fcTest.prop([jsonValue, fc.boolean()])('write then read is the identity', (value, pretty) => {
    const text = stringifyJson(value, { pretty });
    expect(parseJson(text)).toEqual(value);
    // An independent reference: JSON.parse agrees wherever it can represent the value.
    if (!text.match(/\d{16,}/)) expect(JSON.parse(text)).toEqual(value);
  });

  test.each(manifest.jsonTestData.map((d) => [d.data] as const))(
    'jsonTestData %s round-trips (compact and pretty)',
    (file) => {
      const text = readFileSync(new URL(file, SUITE), 'utf8');
      const value = parseJson(text);
      // Independent reference where no integer needs a bigint.
      if (!/\d{16,}/.test(text)) expect(value).toEqual(JSON.parse(text));
      expect(parseJson(stringifyJson(value))).toEqual(value);
      expect(parseJson(stringifyJson(value, { pretty: true }))).toEqual(value);
    },
  );

  test('large-values keeps every digit', () => {
    const text = readFileSync(new URL('data/large-values.json', SUITE), 'utf8');
    expect(parseJson(text)).toEqual({
      i32Max: 2147483647,
      i64: 2147483648,
      i64Max: 9223372036854775807n,
    });
  });
});
