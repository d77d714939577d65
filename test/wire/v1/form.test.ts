import { describe, expect, test } from 'vitest';
import { formDecode } from '../../../src/wire/v1/form.ts';
import { thrown } from '../../helpers/errors.ts';

describe('formDecode: java URLDecoder', () => {
  test.each([
    ['', ''],
    ['plain', 'plain'],
    ['a+b', 'a b'],
    ['a%2Bb', 'a+b'],
    ['%41%42', 'AB'],
    ['%c3%a9+%E4%BA%80', 'é 亀'],
    ['%F0%9F%98%9B', '😛'],
    ['100%25', '100%'],
    ['x=%26&y', 'x=&&y'],
    // The hex pair goes through Integer.parseInt(…, 16): a sign is accepted.
    ['%+F', '\u000f'],
    ['%-0', '\u0000'],
  ])('%j → %j', (input, expected) => {
    expect(formDecode(input)).toBe(expected);
  });

  test.each([
    [
      '%zz',
      'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"',
      1,
    ],
    [
      'ab%4g',
      'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "4g"',
      4,
    ],
    ['%-1', 'URLDecoder: Illegal hex characters in escape (%) pattern - negative value', 0],
    ['%', 'URLDecoder: Incomplete trailing escape (%) pattern', 0],
    ['a%4', 'URLDecoder: Incomplete trailing escape (%) pattern', 1],
    ['%41%4', 'URLDecoder: Incomplete trailing escape (%) pattern', 3],
  ])('%j fails: %s', (input, reason, offset) => {
    const error = thrown(() => formDecode(input));
    expect(error.code).toBe('MALFORMED_ESCAPE');
    expect(error.reason).toBe(reason);
    expect(error.offset).toBe(offset);
  });

  test('invalid UTF-8 is an error unless replacement is asked for', () => {
    const error = thrown(() => formDecode('ok+%E9x'));
    expect(error.code).toBe('INVALID_UTF8');
    expect(error.offset).toBe(3);
    expect(formDecode('ok+%E9x', { invalidUtf8: 'replace' })).toBe('ok \ufffdx');
  });

  test('offsets can point into a larger input', () => {
    const whole = 'a=1&b=%zz';
    const error = thrown(() => formDecode(whole.slice(6), { base: 6, whole }));
    expect(error.offset).toBe(7);
    expect(error.input).toBe(whole);
  });
});
