/** The logic of `restli check`, tested without spawning the CLI. */
import { describe, expect, test } from 'vitest';
import {
  CheckTotals,
  checkRequest,
  formatCheckReport,
  formatCheckSummary,
} from '../../src/migrate/check.ts';
import type { Restspec } from '../../src/migrate/idl.ts';

describe('checkRequest', () => {
  test.each([
    [
      '/people?ids=1&ids=2',
      {
        version: '1.0.0',
        source: 'detected',
        valid: true,
        agrees: true,
        v2: '/people?ids=List(1,2)',
        problems: ['SPEAKS_1.0'],
        ok: false,
      },
    ],
    [
      '/people?ids=List(1,2)',
      {
        version: '2.0.0',
        source: 'detected',
        valid: true,
        agrees: true,
        v2: '/people?ids=List(1,2)',
        problems: [],
        ok: true,
      },
    ],
    ['/people/3', { version: '2.0.0', valid: true, v2: '/people/3', problems: [], ok: true }],
    ['/p?x=(a', { version: '2.0.0', valid: false, problems: ['INVALID_URL'], ok: false }],
  ] as const)('%s', (url, expected) => {
    const report = checkRequest(url);
    expect(report).toMatchObject(expected);
    if (!report.valid) expect(report.v2).toBeUndefined();
  });

  test.each([
    [
      { url: '/m?ids=List(1,2)', version: '2.0.0' },
      { source: 'header', agrees: true, problems: [], ok: true },
    ],
    [
      { url: '/m?ids=1&ids=2', version: '2.0.0' },
      { valid: false, agrees: false, problems: ['HEADER_URL_MISMATCH', 'INVALID_URL'], ok: false },
    ],
    [
      { url: '/m?ids=List(1,2)', version: '1.0.0' },
      { agrees: false, problems: ['SPEAKS_1.0', 'HEADER_URL_MISMATCH'], ok: false },
    ],
  ] as const)('with a header: %j', (request, expected) => {
    expect(checkRequest(request)).toMatchObject(expected);
  });

  // A version the library does not know is reported as such, never taken for 1.0; the URL is
  // then read as its own marks say.
  test.each([
    [
      { url: '/m/1', version: '3.0.0' },
      { version: '3.0.0', source: 'header', agrees: true, problems: ['UNSUPPORTED_VERSION'] },
    ],
    [
      { url: '/m?ids=List(1,2)', version: '3.0.0' },
      { version: '3.0.0', valid: true, v2: '/m?ids=List(1,2)', problems: ['UNSUPPORTED_VERSION'] },
    ],
    [
      { url: '/m?ids=List(1,2)', version: '2.0.1' },
      { version: '2.0.1', problems: ['UNSUPPORTED_VERSION'] },
    ],
    [
      { url: '/m?ids=List(1,2)', version: '0.9.0' },
      { version: '0.9.0', problems: ['UNSUPPORTED_VERSION'] },
    ],
    [
      { url: '/m?ids=List(1,2)', version: 'two' },
      { version: 'two', problems: ['UNSUPPORTED_VERSION'] },
    ],
    [
      { url: '/m?ids=1&ids=2', version: '3.0.0' },
      { v2: '/m?ids=List(1,2)', problems: ['UNSUPPORTED_VERSION', 'SPEAKS_1.0'] },
    ],
  ] as const)('an unknown header version: %j', (request, expected) => {
    expect(checkRequest(request)).toMatchObject({ ...expected, ok: false });
  });

  test('with an IDL, guesses become knowledge; warnings are problems, each once', () => {
    const spec: Restspec = {
      name: 'm',
      path: '/m',
      collection: {
        identifier: { name: 'id', type: 'string' },
        finders: [
          {
            name: 'f',
            parameters: [{ name: 't', type: '{ "type": "array", "items": "string" }' }],
          },
        ],
      },
    };
    expect(checkRequest('/m?q=f&t=x&t=y&u=1').problems).toEqual([
      'SPEAKS_1.0',
      'SINGLE_VALUE_ASSUMED_SCALAR',
    ]);
    expect(
      checkRequest({ url: '/m?q=f&t=x', method: 'GET', version: '1.0.0' }, { resources: spec }),
    ).toMatchObject({
      v2: '/m?q=f&t=List(x)',
      problems: ['SPEAKS_1.0'],
    });
  });

  test('wrong-typed requests and malformed IDLs are errors, not reports', () => {
    for (const bad of [null, 7, [], { url: 7 }, { url: '/a', method: 1 }])
      expect(() => checkRequest(bad as never)).toThrowError(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    expect(() => checkRequest('/a', { resources: { name: 'a' } as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_IDL' }),
    );
  });
});

test('formatCheckReport: the text line', () => {
  expect(formatCheckReport(checkRequest('/people?ids=1&ids=2'), '/people?ids=1&ids=2')).toBe(
    '1.0.0(detected) valid agree /people?ids=List(1,2) [SPEAKS_1.0]',
  );
  expect(formatCheckReport(checkRequest('/p?x=(a'), '/p?x=(a')).toBe(
    '2.0.0(detected) INVALID agree /p?x=(a [INVALID_URL]',
  );
});

test('CheckTotals counts, in constant memory, with own-property counters', () => {
  const totals = new CheckTotals();
  for (const url of ['/people?ids=1&ids=2', '/people?ids=List(1,2)', '/p?x=(a'])
    totals.add(checkRequest(url));
  totals.add(checkRequest({ url: '/a', version: '__proto__' }));
  const summary = totals.summary;
  expect(summary).toEqual({
    requests: 4,
    notValid2: 3,
    perVersion: { '1.0.0': 1, '2.0.0': 2, ['__proto__']: 1 },
    // `__proto__` is no version: reported as unsupported, not as 1.0.
    perProblem: { 'SPEAKS_1.0': 1, INVALID_URL: 1, UNSUPPORTED_VERSION: 1 },
  });
  expect(Object.getPrototypeOf(summary.perVersion)).toBe(Object.prototype);
  expect(formatCheckSummary(summary)).toBe(
    'summary: 4 requests, 3 not valid 2.0; versions: 1.0.0 1, 2.0.0 2, __proto__ 1; problems: SPEAKS_1.0 1, INVALID_URL 1, UNSUPPORTED_VERSION 1',
  );
});

test('wrong-typed requests are worded as every other argument error', () => {
  expect(() => checkRequest(7 as never)).toThrowError(
    'request must be a URL or an object with a url, not the number 7',
  );
  expect(() => checkRequest({ url: '/a', method: 1 } as never)).toThrowError(
    'request.method must be a string, not the number 1',
  );
  expect(() => checkRequest({} as never)).toThrowError(
    'request.url must be a string, not undefined',
  );
});
