/**
 * Issue 8 reproducers for the wire layer: prototype pollution, stack overflows, wrong-typed
 * arguments, and round trips that changed data silently. Each case failed before the fix.
 */
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import {
  createAsciiHexCodec,
  dataMapToQueryString,
  formDecode,
  parseNameSegment,
} from '../../src/java.ts';
import { decodeKey, encodeKey } from '../../src/wire/keys.ts';
import {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  maskToQueryValue,
  unescapeMaskSegment,
} from '../../src/wire/mask.ts';
import {
  decodeQuery,
  decodeQueryParams,
  encodeQuery,
  type QueryParams,
} from '../../src/wire/query.ts';
import { formatUrn, isUrn, parseUrn, type Urn } from '../../src/wire/urn.ts';
import {
  decodeQueryV1,
  encodeQueryV1,
  escapeNameSegment,
  flattenV1,
  unescapeNameSegment,
  unflattenV1,
} from '../../src/wire/v1/index.ts';

/** Object.prototype's own keys before any test ran. */
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(String({})).toBe('[object Object]');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('no prototype pollution: names from callers and the wire are own properties', () => {
  test.each([
    ['encodeMask paths', () => encodeMask(['__proto__.polluted'])],
    ['encodeMask paths, toString', () => encodeMask(['__proto__.toString'])],
    ['encodeMask exclusion', () => encodeMask(['-__proto__.polluted', 'constructor.prototype'])],
    ['encodeQuery fields 2.0', () => encodeQuery({ fields: ['__proto__.polluted'] })],
    [
      'encodeQuery fields 1.0',
      () => encodeQuery({ fields: ['__proto__.toString'] }, { version: '1.0.0' }),
    ],
    ['decodeMask', () => decodeMask('__proto__:(polluted,toString)')],
    ['decodeQuery 2.0', () => decodeQuery('__proto__=(polluted:1)&fields=__proto__:(x)')],
    [
      'decodeQuery 1.0',
      () => decodeQuery('__proto__.polluted=1&fields=__proto__:(x)', { version: '1.0.0' }),
    ],
    ['decodeQueryV1', () => decodeQueryV1('__proto__.polluted=1&a.__proto__.toString=2')],
    [
      'decodeKey v1 complex',
      () => decodeKey('__proto__.polluted=1', { kind: 'complex', version: '1.0.0' }),
    ],
    [
      'decodeKey v1 compound',
      () => decodeKey('__proto__=1', { kind: 'compound', version: '1.0.0' }),
    ],
    ['decodeQueryParams', () => decodeQueryParams(JSON.parse('{"__proto__":["(polluted:1)"]}'))],
  ])('%s', (_name, run) => {
    run();
    expectPrototypeIntact();
  });

  test('decoded __proto__ names come back as own properties', () => {
    const mask = decodeMask('__proto__:(polluted)');
    expect(Object.hasOwn(mask, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(mask, '__proto__')?.value).toEqual({ polluted: 1 });
    const query = decodeQuery(encodeQuery({ fields: ['__proto__.polluted'] }));
    expect(Object.hasOwn(query.fields as object, '__proto__')).toBe(true);
    const v1 = decodeQuery(
      encodeQuery(JSON.parse('{"__proto__":{"polluted":"1"}}'), { version: '1.0.0' }),
      { version: '1.0.0' },
    );
    expect(Object.hasOwn(v1, '__proto__')).toBe(true);
    expectPrototypeIntact();
  });
});

/** Runs `f` with about `fraction` of the call stack already used by the caller. */
function withStackUsed<T>(fraction: number, f: () => T): T | unknown {
  let depth = 0;
  const dive = (target: number): unknown => {
    depth++;
    if (depth >= target) {
      try {
        return f();
      } catch (error) {
        return error;
      }
    }
    return dive(target);
  };
  let total = 0;
  try {
    dive(Number.POSITIVE_INFINITY);
  } catch {
    total = depth;
  }
  depth = 0;
  return dive(Math.floor(total * fraction));
}

describe('a call-stack overflow is a clean DEPTH_EXCEEDED', () => {
  const deepMask = `${'a:('.repeat(100_000)}b${')'.repeat(100_000)}`;
  const deepUrn = `urn:li:x:${'('.repeat(100_000)}y${')'.repeat(100_000)}`;
  test.each([
    ['decodeMask', () => decodeMask(deepMask, { maxDepth: 1e9 })],
    ['parseUrn', () => parseUrn(deepUrn, { maxDepth: 1e9 })],
  ])('%s under a raised maxDepth', (_name, run) => {
    expect(run).toThrowError(expect.objectContaining({ code: 'DEPTH_EXCEEDED' }));
    expect(() => run()).toThrowError(RestliError);
  });

  test.each([0.5, 0.9, 0.99])('at the default depth with %s of the stack used', (fraction) => {
    const mask = `${'a:('.repeat(256)}b${')'.repeat(256)}`;
    const urn = `urn:li:x:${'('.repeat(256)}y${')'.repeat(256)}`;
    for (const run of [(): unknown => decodeMask(mask), (): unknown => parseUrn(urn)]) {
      const result = withStackUsed(fraction, run);
      if (result instanceof Error) {
        expect(result).toBeInstanceOf(RestliError);
        expect((result as RestliError).code).toBe('DEPTH_EXCEEDED');
      }
    }
    // The parsers are still usable afterwards.
    expect(decodeMask('a:(b)')).toEqual({ a: { b: 1 } });
    expect(parseUrn('urn:li:x:(1,2)').id).toEqual(['1', '2']);
  });
});

const WRONG = [null, undefined, [], ['a', 'b'], new Date(0), new Map(), 7, true, () => 1];
const WRONG_OBJECTS = WRONG.filter((v) => v !== undefined);
const WRONG_STRINGS = [null, undefined, [], { a: 1 }, new Date(0), 7, 7n];

describe('wrong-typed arguments are INVALID_ARGUMENT naming the parameter', () => {
  const cases: [string, string, (bad: never) => unknown, readonly unknown[]][] = [
    ['encodeQuery', 'params', (bad) => encodeQuery(bad), WRONG],
    ['encodeQuery', 'options', (bad) => encodeQuery({ a: 1 }, bad), WRONG_OBJECTS],
    ['decodeQuery', 'query', (bad) => decodeQuery(bad), WRONG_STRINGS],
    ['decodeQuery', 'options', (bad) => decodeQuery('a=1', bad), WRONG_OBJECTS],
    ['decodeQueryParams', 'multimap', (bad) => decodeQueryParams(bad), WRONG],
    ['encodeMask', 'mask', (bad) => encodeMask(bad), WRONG.filter((v) => !Array.isArray(v))],
    ['decodeMask', 'text', (bad) => decodeMask(bad), WRONG_STRINGS],
    ['decodeMask', 'options', (bad) => decodeMask('a', bad), WRONG_OBJECTS],
    ['escapeMaskSegment', 'name', (bad) => escapeMaskSegment(bad), WRONG_STRINGS],
    ['unescapeMaskSegment', 'name', (bad) => unescapeMaskSegment(bad), WRONG_STRINGS],
    ['maskToQueryValue', 'mask', (bad) => maskToQueryValue(bad, '2.0.0'), WRONG_STRINGS],
    ['encodeKey', 'key', (bad) => encodeKey(bad), [null, undefined, [], new Date(0), new Map()]],
    ['encodeKey', 'options', (bad) => encodeKey('a', bad), WRONG_OBJECTS],
    ['encodeKey', 'options.kind', (bad) => encodeKey('a', { kind: bad }), ['x', 1, null]],
    ['encodeKey', 'options.context', (bad) => encodeKey('a', { context: bad }), ['x', 1]],
    ['decodeKey', 'text', (bad) => decodeKey(bad), WRONG_STRINGS],
    ['decodeKey', 'options', (bad) => decodeKey('a', bad), WRONG_OBJECTS],
    ['parseUrn', 'text', (bad) => parseUrn(bad), WRONG_STRINGS],
    ['formatUrn', 'urn', (bad) => formatUrn(bad), WRONG],
    ['flattenV1', 'params', (bad) => flattenV1(bad), WRONG],
    ['encodeQueryV1', 'params', (bad) => encodeQueryV1(bad), WRONG],
    ['dataMapToQueryString', 'params', (bad) => dataMapToQueryString(bad), WRONG],
    ['dataMapToQueryString', 'escaping', (bad) => dataMapToQueryString({}, bad), ['x', 1, null]],
    ['decodeQueryV1', 'query', (bad) => decodeQueryV1(bad), WRONG_STRINGS],
    ['unflattenV1', 'multimap', (bad) => unflattenV1(bad), [null, undefined, [], 7, { a: ['1'] }]],
    ['unflattenV1', 'multimap', (bad) => unflattenV1(new Map([['a', bad]])), ['1', [1], null]],
    ['formDecode', 's', (bad) => formDecode(bad), WRONG_STRINGS],
    ['parseNameSegment', 'segment', (bad) => parseNameSegment(bad), WRONG_STRINGS],
    ['escapeNameSegment', 'segment', (bad) => escapeNameSegment(bad), WRONG_STRINGS],
    ['unescapeNameSegment', 'segment', (bad) => unescapeNameSegment(bad), WRONG_STRINGS],
    ['createAsciiHexCodec', 'escapeChar', (bad) => createAsciiHexCodec(bad, []), WRONG_STRINGS],
    ['createAsciiHexCodec', 'reserved', (bad) => createAsciiHexCodec('~', bad), [null, 'ab', {}]],
  ];
  for (const [fn, parameter, run, bads] of cases) {
    test(`${fn}: ${parameter}`, () => {
      for (const bad of bads) {
        let error: unknown;
        try {
          run(bad as never);
        } catch (e) {
          error = e;
        }
        expect(error, `${fn}(${String(bad)})`).toBeInstanceOf(RestliError);
        expect((error as RestliError).code).toBe('INVALID_ARGUMENT');
        expect((error as RestliError).message).toContain(fn);
        expect((error as RestliError).message).toContain(parameter);
      }
    });
  }

  test('the issue reproducers', () => {
    for (const bad of [[], ['a', 'b'], null]) {
      expect(() => encodeQuery(bad as unknown as QueryParams)).toThrowError(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });

  test('isUrn is a predicate: anything that is not a string is not a URN', () => {
    for (const bad of WRONG_STRINGS) expect(isUrn(bad as never)).toBe(false);
  });
});

describe('URN ids that are numbers are written as their text', () => {
  test.each([
    [{ namespace: 'li', entityType: 'person', id: 123 }, 'urn:li:person:123'],
    [{ namespace: 'li', entityType: 'person', id: -7 }, 'urn:li:person:-7'],
    [
      { namespace: 'li', entityType: 'person', id: 2n ** 70n },
      'urn:li:person:1180591620717411303424',
    ],
    [{ namespace: 'li', entityType: 'person', id: 1.5 }, 'urn:li:person:1.5'],
    [{ namespace: 'li', entityType: 'pair', id: [1, 'a', 2n] }, 'urn:li:pair:(1,a,2)'],
  ] as [Urn, string][])('→ %s', (urn, text) => {
    expect(formatUrn(urn)).toBe(text);
    expect(formatUrn(parseUrn(text))).toBe(text);
  });
  test.each([Number.NaN, Number.POSITIVE_INFINITY, null, {}, true])('id %s is refused', (id) => {
    expect(() => formatUrn({ namespace: 'li', entityType: 'x', id } as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_URN' }),
    );
  });
});

describe('round trips that changed data silently now round-trip or are refused', () => {
  const v1 = { version: '1.0.0' } as const;

  test.each([
    ['path', { 'a&b': 'x', c: { d: '1' } }],
    ['path', { 'a=b': 'x', 'p+q': 'y', 'r%41': 'z', 's t': 'u' }],
    ['query', { 'a&b': 'x', 'k=': ['1', '2'] }],
    ['header', { 'a&b+c': 'x y', '%': '%' }],
    ['body', { a: 'x&b', c: 'v&&w&', 'e f': 'g+h%41' }],
  ] as const)('v1 complex key in the %s keeps its field names and values: %j', (context, key) => {
    const text = encodeKey(key, { kind: 'complex', version: '1.0.0', context });
    expect(decodeKey(text, { kind: 'complex', version: '1.0.0', context })).toEqual(key);
  });

  test('v1 complex key names escape only what the reader splits on or decodes', () => {
    expect(
      encodeKey({ 'a&b': 'x' }, { kind: 'complex', version: '1.0.0', context: 'header' }),
    ).toBe('a%26b=x');
    expect(
      encodeKey({ 'a b': 'x y' }, { kind: 'complex', version: '1.0.0', context: 'header' }),
    ).toBe('a b=x+y');
  });

  test.each([[{ a: 'x&b=y' }], [{ 'a&b': 'x' }], [{ 'a=b': 'x' }]])(
    'unescaped (body) v1 keys refuse what would read back as other fields: %j',
    (key) => {
      expect(() =>
        encodeKey(key, { kind: 'complex', version: '1.0.0', context: 'body' }),
      ).toThrowError(expect.objectContaining({ code: 'UNWRITABLE_V1_KEY' }));
    },
  );

  test('v1 root lists under escaped names, and mixed lists, read back', () => {
    for (const params of [
      { 'a.b': ['x', 'y'] },
      { 'a.b': ['y', 'x'] },
      { 'c[0]': ['1'] },
      { a: ['x', { b: '1' }] },
      { a: [{ b: '1' }, 'x', ''] },
    ]) {
      expect(decodeQuery(encodeQuery(params, v1), v1)).toEqual(params);
    }
  });

  test('v1 lists directly inside lists are refused where they would be misread', () => {
    for (const params of [
      { a: [['x'], ['y']] },
      { a: [{ b: [['x', 'y']] }] },
      { a: [[['x', 'y']]] },
    ]) {
      expect(() => encodeQuery(params, v1)).toThrowError(
        expect.objectContaining({ code: 'NESTED_V1_LIST' }),
      );
    }
  });

  test("2.0 empty name: written '' as Java does, read back as the empty name", () => {
    expect(encodeQuery({ '': 'x' })).toBe("''=x");
    expect(decodeQuery(encodeQuery({ '': 'x' }))).toEqual({ '': 'x' });
    expect(decodeQuery(encodeQuery({ "''": 'x', '': 'y' }))).toEqual({ "''": 'x', '': 'y' });
  });

  test.each([['é'], ['a=b'], ['a&b'], ['a+b'], ['a#b'], ['a%b'], ['a\u00a0b']])(
    '2.0 projection with %s is refused (servers read projections raw)',
    (field) => {
      expect(() => encodeQuery({ fields: [field] })).toThrowError(
        expect.objectContaining({
          code: 'INVALID_MASK',
          path: expect.stringMatching(/^\$\.fields/),
        }),
      );
      // Protocol 1.0 servers form-decode the projection, so it is sent there.
      expect(decodeQuery(encodeQuery({ fields: [field] }, v1), v1)).toEqual({
        fields: { [field]: 1 },
      });
    },
  );

  test('a mask string whose 2.0 query escaping would change it is refused too', () => {
    expect(() => encodeQuery({ fields: 'a, b' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_MASK' }),
    );
    expect(decodeQuery(encodeQuery({ fields: 'a, b' }, v1), v1)).toEqual({
      fields: { a: 1, b: 1 },
    });
    expect(encodeQuery({ fields: 'a,b:(c)' })).toBe('fields=a,b:(c)');
  });

  test('2.0 projections with only raw-safe characters round-trip, %XX included', () => {
    for (const fields of [['a(b', 'c'], ['%C3%A9'], ['$type', 'x.y'], ['a/b?c;d']]) {
      const text = encodeQuery({ fields });
      expect(decodeQuery(text)).toEqual({ fields: decodeMask(encodeMask(fields)) });
    }
  });

  test("decodeMask(' -x') is the field -x, which encodeMask does not turn into an exclusion", () => {
    expect(decodeMask(' -x')).toEqual({ '-x': 1 });
    expect(() => encodeMask({ '-x': 1 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_MASK' }),
    );
    expect(decodeMask(encodeMask({ '-x': 0 }))).toEqual({ '-x': 0 });
  });

  test('encoder output its own decoder accepts', () => {
    expect(decodeMask(encodeMask({ $count: 10 }))).toEqual({ $count: 10 });
    expect(decodeMask(encodeMask({ $start: 0, $count: 10 }))).toEqual({ $start: 0, $count: 10 });
    expect(decodeQuery(encodeQuery({ a: ['x', { b: 'y' }] }, v1), v1)).toEqual({
      a: ['x', { b: 'y' }],
    });
  });
});
