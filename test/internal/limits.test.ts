/**
 * The limits every encoder and decoder takes (`maxDepth`, `maxLength`, `invalidUtf8`) are checked
 * by one module (src/internal/limits.ts): a wrong type is INVALID_ARGUMENT at the entry point, never
 * a limit silently turned off (`'10'` compares false with every length) or a misspelt option
 * silently read as the default.
 */
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import * as http from '../../src/http/index.ts';
import * as root from '../../src/index.ts';
import * as java from '../../src/java.ts';
import * as v1 from '../../src/wire/v1/index.ts';
import { thrown } from '../helpers/errors.ts';

type Call = (options: never) => unknown;

/** Each entry point that takes limits, called on an input the limits would otherwise accept. */
const calls: [string, Call, readonly ('maxDepth' | 'maxLength' | 'invalidUtf8')[]][] = [
  ['decode', (o) => root.decode('(a:b)', o), ['maxDepth', 'maxLength', 'invalidUtf8']],
  ['decode (scalar path)', (o) => root.decode('a%20b', o), ['maxLength', 'invalidUtf8']],
  ['decodeQuery', (o) => root.decodeQuery('a=(b:c)', o), ['maxDepth', 'maxLength', 'invalidUtf8']],
  ['decodeKey', (o) => root.decodeKey('a%20b', o), ['maxLength', 'invalidUtf8']],
  ['decodeMask', (o) => root.decodeMask('a,b:(c)', o), ['maxDepth', 'maxLength']],
  ['parseUrn', (o) => root.parseUrn('urn:li:a:(b,c)', o), ['maxDepth', 'maxLength']],
  ['decodeQueryV1', (o) => v1.decodeQueryV1('a.b=1', o), ['maxDepth', 'maxLength', 'invalidUtf8']],
  ['formDecode', (o) => java.formDecode('a%20b', o), ['invalidUtf8']],
  ['percentDecode', (o) => java.percentDecode('a%20b', o), ['invalidUtf8']],
  ['encode', (o) => root.encode({ a: [1] }, o), ['maxDepth']],
  ['flattenV1', (o) => v1.flattenV1({ a: { b: 1 } }, o), ['maxDepth']],
  ['applyPatch', (o) => http.applyPatch({ a: 1 }, { $set: { a: 2 } }, o), ['maxDepth']],
];

const wrong: Record<'maxDepth' | 'maxLength' | 'invalidUtf8', unknown[]> = {
  maxDepth: ['10', 10n, Number.NaN, null, {}],
  maxLength: ['10', 10n, Number.NaN, null, [100]],
  invalidUtf8: ['Replace', 'ignore', '', true, null],
};

describe('limits of the wrong type are INVALID_ARGUMENT, named', () => {
  for (const [name, call, limits] of calls) {
    for (const limit of limits) {
      test.each(wrong[limit].map((value) => [value]))(`${name}: ${limit} %s`, (value) => {
        const error = thrown(() => call({ [limit]: value } as never), RestliError);
        expect(error.code).toBe('INVALID_ARGUMENT');
        expect(error.reason).toMatch(new RegExp(`^options\\.${limit} must be `));
      });
    }
  }
});

describe('limits of the right type are used', () => {
  test.each([
    [
      'maxLength 3 refuses 4 characters',
      () => root.decode('abcd', { maxLength: 3 }),
      'MAX_LENGTH_EXCEEDED',
    ],
    [
      'maxDepth 1 refuses a map in a map',
      () => root.decode('(a:(b:c))', { maxDepth: 1 }),
      'DEPTH_EXCEEDED',
    ],
    [
      'maxDepth 0 refuses a map for encode',
      () => root.encode({ a: 1 }, { maxDepth: 0 }),
      'DEPTH_EXCEEDED',
    ],
  ])('%s', (_what, call, code) => {
    expect(thrown(call, RestliError).code).toBe(code);
  });

  test.each([
    ['decode', () => root.decode('%FF', { invalidUtf8: 'replace' })],
    ['decodeQuery', () => root.decodeQuery('a=%FF', { invalidUtf8: 'replace' }).a],
    ['formDecode', () => java.formDecode('%FF', { invalidUtf8: 'replace' })],
  ])("%s: invalidUtf8 'replace' gives U+FFFD", (_what, call) => {
    expect(call()).toBe('\ufffd');
  });
});
