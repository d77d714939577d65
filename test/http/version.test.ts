import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { RestliError, RestliSyntaxError } from '../../src/errors.ts';
import {
  announcedVersion,
  assertSupportedVersion,
  BASELINE_VERSION,
  compareVersions,
  errorResponseHeaderName,
  formatVersion,
  idHeaderName,
  isSupportedVersion,
  LATEST_VERSION,
  NEXT_VERSION,
  negotiateVersion,
  OLDEST_SUPPORTED_VERSION,
  PREVIOUS_VERSION,
  PROTOCOL_VERSION_HEADER,
  parseVersion,
  type VersionOption,
  versionFromHeaders,
} from '../../src/http/version.ts';
import { thrown } from '../helpers/errors.ts';
import { vectorsOf } from '../helpers/vectors.ts';

const thrownAny = (f: () => unknown) => thrown(f, RestliError);

describe('version vectors: major.minor.patch, a -suffix ignored', () => {
  test.each(vectorsOf('version').map((v) => [v.input as string, v.expected as string] as const))(
    '%s → %s',
    (input, expected) => {
      expect(formatVersion(parseVersion(input))).toBe(expected);
    },
  );
});

describe('version-error vectors: Java message as reason, INVALID_VERSION, first bad character', () => {
  // The Java message has no position; these offsets are ours: where the text stops being a version.
  const offsets: Record<string, number> = {
    '': 0,
    '1': 1,
    '1.2': 3,
    '1.2.illegal': 4,
    '1.2-illegal': 3,
    '1.2.3-alpha.beta': 11,
  };
  test.each(vectorsOf('version-error').map((v) => [v.input as string, v.expected] as const))(
    '%j',
    (input, expected) => {
      const e = thrownAny(() => parseVersion(input));
      expect(e).toBeInstanceOf(RestliSyntaxError);
      expect(e.code).toBe('INVALID_VERSION');
      expect(e.reason).toBe((expected as { error: string }).error);
      expect(e.offset).toBe(offsets[input]);
      expect(e.message).toContain(`Illegal version ${input} specified.\n`);
    },
  );
});

describe('more invalid versions', () => {
  test.each([
    ['-1.2.3', 0],
    ['+1.2.3', 0],
    ['1.-2.3', 2],
    ['1.2.-3', 4],
    [' 1.2.3', 0],
    ['1.2.3 ', 5],
    ['1. 2.3', 2],
    ['1.2.3- x', 6],
    ['1.2.3-a\tb', 7],
    ['1.2.3.4', 5],
    ['1.2.3.', 5],
    ['1..3', 2],
    ['0x1.2.3', 1],
    ['1e2.0.0', 1],
    ['1.2.3a', 5],
    ['١.2.3', 0],
    ['2147483648.0.0', 0],
    ['1.99999999999.0', 2],
  ] as const)('%j at %i', (input, offset) => {
    const e = thrownAny(() => parseVersion(input)) as RestliSyntaxError;
    expect(e.code).toBe('INVALID_VERSION');
    expect(e.reason).toBe(`Illegal version ${input} specified.`);
    expect(e.offset).toBe(offset);
  });

  test.each([
    ['1.2.3-', '1.2.3'],
    ['01.002.0003', '1.2.3'],
    ['2147483647.0.0-rc-1', '2147483647.0.0'],
    ['1.2.3-é😛', '1.2.3'],
  ])('%j is %s', (input, expected) => {
    expect(formatVersion(parseVersion(input))).toBe(expected);
  });
});

describe('version-compare vectors: numeric by major, minor, patch', () => {
  test.each(
    vectorsOf('version-compare').map(
      (v) => [...(v.input as [string, string]), v.expected] as const,
    ),
  )('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(parseVersion(a), parseVersion(b))).toBe(expected);
    expect(compareVersions(b, a)).toBe(-(expected as number) || 0);
  });

  test('numeric, not textual, and suffixes ignored', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.2.3-alpha', '1.2.3')).toBe(0);
    expect(thrownAny(() => compareVersions('1.2', '1.2.0')).code).toBe('INVALID_VERSION');
  });

  const parts = fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12));
  propTest.prop([parts, parts])('orders like the tuple (major, minor, patch)', (a, b) => {
    const i = a.findIndex((x, k) => x !== b[k]);
    const expected = i < 0 ? 0 : Math.sign(a[i]! - b[i]!);
    expect(compareVersions(a.join('.'), b.join('.'))).toBe(expected);
  });
});

describe('version-header vectors: X-RestLi-Protocol-Version, missing → 1.0.0', () => {
  test.each(
    vectorsOf('version-header').map((v) => [JSON.stringify(v.input), v.input, v.expected] as const),
  )('%s', (_n, input, expected) => {
    expect(formatVersion(versionFromHeaders(input as Record<string, string>))).toBe(expected);
  });

  test.each([
    [{}, '1.0.0'],
    [{ 'x-restli-protocol-version': '2.0.0' }, '2.0.0'],
    [{ 'X-RESTLI-PROTOCOL-VERSION': '2.0.0-SNAPSHOT' }, '2.0.0'],
    [{ 'Content-Type': 'application/json', 'x-RestLi-protocol-version': ['1.2.3'] }, '1.2.3'],
    [{ 'x-restli-protocol-version': undefined }, '1.0.0'],
    [new Headers({ 'x-restli-protocol-version': '2.0.0' }), '2.0.0'],
    [new Headers(), '1.0.0'],
    [new Map([['X-RestLi-Protocol-Version', '2.0.0']]), '2.0.0'],
  ])('%o → %s', (headers, expected) => {
    expect(formatVersion(versionFromHeaders(headers))).toBe(expected);
  });

  test('a present but empty or repeated header is an invalid version, not a missing one', () => {
    expect(thrownAny(() => versionFromHeaders({ [PROTOCOL_VERSION_HEADER]: '' })).code).toBe(
      'INVALID_VERSION',
    );
    const twice = { 'x-restli-protocol-version': ['1.0.0', '2.0.0'] };
    expect(thrownAny(() => versionFromHeaders(twice)).reason).toBe(
      'Illegal version 1.0.0, 2.0.0 specified.',
    );
  });

  test('inherited properties are not headers', () => {
    const headers = Object.create({ 'X-RestLi-Protocol-Version': '2.0.0' });
    expect(formatVersion(versionFromHeaders(headers))).toBe('1.0.0');
  });
});

describe('version-negotiation vectors (latest = next = 3.0.0)', () => {
  interface Case {
    baseline: string;
    previous: string;
    latest: string;
    next: string;
    announced: string;
    option: VersionOption;
    forceUseNextOverride: boolean;
  }
  test.each(vectorsOf('version-negotiation').map((v) => [v.source, v.input, v.expected] as const))(
    '%s',
    (_s, input, expected) => {
      const { announced, option, ...config } = input as Case;
      const negotiate = () => negotiateVersion(announced, option, config);
      if (typeof expected === 'string') {
        expect(formatVersion(negotiate())).toBe(expected);
        return;
      }
      // The vector gives the start of Java's message, then "..." (it checks containment).
      const javaMessage = (expected as { error: string }).error.replace(/\.\.\.$/, '');
      const e = thrownAny(negotiate);
      expect(e.code).toBe('OUTDATED_VERSION');
      expect(e.reason.startsWith(javaMessage)).toBe(true);
    },
  );

  test('the shipped constants: 1.0.0 previous, 2.0.0 for the rest', () => {
    expect([OLDEST_SUPPORTED_VERSION, PREVIOUS_VERSION].map(formatVersion)).toEqual([
      '1.0.0',
      '1.0.0',
    ]);
    expect([BASELINE_VERSION, LATEST_VERSION, NEXT_VERSION].map(formatVersion)).toEqual([
      '2.0.0',
      '2.0.0',
      '2.0.0',
    ]);
    expect(Object.isFrozen(LATEST_VERSION)).toBe(true);
    expect(PROTOCOL_VERSION_HEADER).toBe('X-RestLi-Protocol-Version');
  });

  test.each([
    ['2.0.0', undefined, '2.0.0'],
    ['1.0.0', undefined, '1.0.0'],
    ['1.5.0', undefined, '1.5.0'],
    ['3.0.0', undefined, '2.0.0'],
    ['3.0.0', 'FORCE_USE_PREVIOUS', '1.0.0'],
    ['1.0.0', 'FORCE_USE_NEXT', '2.0.0'],
  ] as const)(
    'with the shipped constants, announced %s and %s → %s',
    (announced, option, expected) => {
      expect(formatVersion(negotiateVersion(announced, option))).toBe(expected);
    },
  );

  test('the error names both versions; bad input is reported', () => {
    expect(thrownAny(() => negotiateVersion('0.9.0')).reason).toBe(
      'Announced version is less than the earliest supported version!' +
        'Announced version: 0.9.0, earliest supported version: 1.0.0',
    );
    expect(thrownAny(() => negotiateVersion('2.0', 'USE_LATEST_IF_AVAILABLE')).code).toBe(
      'INVALID_VERSION',
    );
    const option = 'USE_NEXT' as VersionOption;
    expect(thrownAny(() => negotiateVersion('2.0.0', option)).code).toBe('UNKNOWN_VERSION_OPTION');
  });
});

describe('announced-version vectors: restli.protocol and restli.protocol.percentage', () => {
  // The vectors hold no random draw: each gives the same answer for the lowest and the highest.
  test.each(vectorsOf('announced-version').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const properties = v.input as Record<string, string | null>;
      for (const random of [() => 0, () => 0.999_999]) {
        expect(formatVersion(announcedVersion(properties, random))).toBe(v.expected);
      }
    },
  );

  test('a percentage p picks the announced version when the draw (1..100) is at most p', () => {
    const properties = { 'restli.protocol': '3.0.0', 'restli.protocol.percentage': '10' };
    expect(formatVersion(announcedVersion(properties, () => 0.09))).toBe('3.0.0'); // draw 10
    expect(formatVersion(announcedVersion(properties, () => 0.1))).toBe('2.0.0'); // draw 11
    const one = { ...properties, 'restli.protocol.percentage': 1 };
    expect(formatVersion(announcedVersion(one, () => 0))).toBe('3.0.0');
    expect(formatVersion(announcedVersion(one, () => 0.01))).toBe('2.0.0');
  });

  test('the draw happens only for a percentage in 1..100', () => {
    let draws = 0;
    const random = () => {
      draws++;
      return 0;
    };
    for (const p of ['0', '101', '-5', 'x', '', ' 5', '5.0', '99999999999', null]) {
      announcedVersion({ 'restli.protocol': '3.0.0', 'restli.protocol.percentage': p }, random);
    }
    expect(draws).toBe(0);
    announcedVersion({ 'restli.protocol': '3.0.0', 'restli.protocol.percentage': '+50' }, random);
    expect(draws).toBe(1);
  });

  test('a Map, a configured baseline, own properties only, and a bad announced version', () => {
    const map = new Map([['restli.protocol', '1.0.0']]);
    expect(formatVersion(announcedVersion(map))).toBe('1.0.0');
    expect(formatVersion(announcedVersion({}, Math.random, { baseline: '1.0.0' }))).toBe('1.0.0');
    const inherited = Object.create({ 'restli.protocol': '1.0.0' });
    expect(formatVersion(announcedVersion(inherited))).toBe('2.0.0');
    expect(thrownAny(() => announcedVersion({ 'restli.protocol': '2.0' })).code).toBe(
      'INVALID_VERSION',
    );
  });
});

describe('server acceptance and version-dependent header names', () => {
  test.each([
    ['0.9.9', false],
    ['1.0.0', true],
    ['1.5.0', true],
    ['2.0.0', true],
    ['2.0.0-beta', true],
    ['2.0.1', false],
    ['3.0.0', false],
  ] as const)('%s supported: %s', (v, supported) => {
    expect(isSupportedVersion(v)).toBe(supported);
    if (supported) {
      expect(() => assertSupportedVersion(v)).not.toThrow();
    } else {
      const e = thrownAny(() => assertSupportedVersion(v));
      expect(e.code).toBe('UNSUPPORTED_VERSION');
      // Every unsupported version above is already in its canonical major.minor.patch form.
      expect(e.reason).toBe(`Rest.li protocol version ${v} used by the client is not supported!`);
    }
  });

  test.each([
    [undefined, 'X-LinkedIn-Id', 'X-LinkedIn-Error-Response'],
    [null, 'X-LinkedIn-Id', 'X-LinkedIn-Error-Response'],
    ['1.0.0', 'X-LinkedIn-Id', 'X-LinkedIn-Error-Response'],
    ['1.9.9', 'X-LinkedIn-Id', 'X-LinkedIn-Error-Response'],
    ['2.0.0', 'X-RestLi-Id', 'X-RestLi-Error-Response'],
    ['3.0.0', 'X-RestLi-Id', 'X-RestLi-Error-Response'],
    ['0.5.0', 'X-RestLi-Id', 'X-RestLi-Error-Response'],
  ] as const)('version %s: %s, %s', (v, id, error) => {
    expect(idHeaderName(v)).toBe(id);
    expect(errorResponseHeaderName(v)).toBe(error);
    if (typeof v === 'string') expect(idHeaderName(parseVersion(v))).toBe(id);
  });

  test('the id header name from response headers: missing version → X-LinkedIn-Id', () => {
    expect(idHeaderName(versionFromHeaders({}))).toBe('X-LinkedIn-Id');
    expect(idHeaderName(versionFromHeaders({ 'X-RestLi-Protocol-Version': '2.0.0' }))).toBe(
      'X-RestLi-Id',
    );
  });
});

describe('properties', () => {
  const part = fc.nat(2 ** 31 - 1);
  const suffix = fc.option(
    fc.string().filter((s) => !/[.\s\p{Cc}]/u.test(s)),
    { nil: undefined },
  );
  propTest.prop([part, part, part, suffix])(
    'parse(format(v)) is v, and a -suffix changes nothing',
    (major, minor, patch, tail) => {
      const text = `${major}.${minor}.${patch}`;
      const parsed = parseVersion(tail === undefined ? text : `${text}-${tail}`);
      expect(parsed).toEqual({ major, minor, patch });
      expect(formatVersion(parsed)).toBe(text);
    },
  );

  const noise = fc
    .array(fc.constantFrom('1', '0', '.', '-', ' ', 'a', '+', '٣', '\t', '9', 'é', '😛'), {
      maxLength: 12,
    })
    .map((parts) => parts.join(''));
  propTest.prop([noise], { numRuns: 2000 })(
    'any text either parses to what it says or is an INVALID_VERSION at a real offset',
    (text) => {
      const valid = /^(\d+)\.(\d+)\.(\d+)(-[^.\s\p{Cc}]*)?$/u.exec(text);
      if (valid) {
        expect(parseVersion(text)).toEqual({
          major: Number(valid[1]),
          minor: Number(valid[2]),
          patch: Number(valid[3]),
        });
        return;
      }
      const e = thrownAny(() => parseVersion(text)) as RestliSyntaxError;
      expect(e.code).toBe('INVALID_VERSION');
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(text.length);
      // Everything before the offset is a valid start of a version.
      expect(text.slice(0, e.offset)).toMatch(/^(\d+(\.(\d+(\.(\d+(-[^.\s\p{Cc}]*)?)?)?)?)?)?$/u);
    },
  );
});
