import { describe, expect, test } from 'vitest';
import {
  decodeBatchKeys,
  decodeIdHeader,
  encodeBatchKeys,
  encodeIdHeader,
} from '../../src/http/id-header.ts';
import type { Key, KeyKind } from '../../src/wire/keys.ts';

describe('the created entity id header (spec d.6, i.4)', () => {
  test.each([
    [7, 'primitive', '2.0.0', 'X-RestLi-Id', '7'],
    ['a b/c:d,e', 'primitive', '2.0.0', 'X-RestLi-Id', 'a b/c:d,e'],
    ['', 'primitive', '2.0.0', 'X-RestLi-Id', ''],
    ["it's", 'primitive', '1.0.0', 'X-LinkedIn-Id', "it's"],
    [{ a: 'x,y', d: 'x y' }, 'compound', '2.0.0', 'X-RestLi-Id', '(a:x%2Cy,d:x y)'],
    [{ a: 'x,y', d: 'x y' }, 'compound', '1.0.0', 'X-LinkedIn-Id', 'a=x%2Cy&d=x+y'],
    [{ a: 'dolor', b: 7, $params: { p: 'q' } }, 'complex', '2.0.0', 'X-RestLi-Id', '(a:dolor,b:7)'],
    [
      { 'a b': 'x y', b: 7, $params: { p: 'q' } },
      'complex',
      '1.0.0',
      'X-LinkedIn-Id',
      'a b=x+y&b=7',
    ],
  ] as const)('%j (%s, %s) → %s: %s', (key, kind, version, name, value) => {
    const header = encodeIdHeader(key as Key, { kind: kind as KeyKind, version });
    expect(header).toEqual({ name, value });
    // Read back from a response of that version; complex keys come back without $params.
    const headers = { [name.toLowerCase()]: value, 'X-RestLi-Protocol-Version': version };
    const { $params: _p, ...rest } =
      typeof key === 'object' ? (key as Record<string, unknown>) : {};
    const expected =
      typeof key === 'object'
        ? JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === 'number' ? String(v) : v)))
        : String(key);
    expect(decodeIdHeader(headers, { kind: kind as KeyKind })).toEqual(expected);
  });

  test('a missing version header means 1.0.0, so X-LinkedIn-Id', () => {
    expect(decodeIdHeader({ 'x-linkedin-id': '123' })).toBe('123');
    expect(decodeIdHeader({ 'X-RestLi-Id': '123' })).toBeUndefined();
  });

  test('malformed ids are clean errors, never a hang', () => {
    for (const value of ['(a,b)', '(a:b', 'List(', '((a:b):c)']) {
      expect(() =>
        decodeIdHeader(
          { 'X-RestLi-Id': value, 'X-RestLi-Protocol-Version': '2.0.0' },
          { kind: 'compound' },
        ),
      ).toThrowError(expect.objectContaining({ name: 'RestliSyntaxError' }));
    }
  });
});

describe('batch body keys', () => {
  test('request bodies keep $params; response bodies drop it', () => {
    const key = { id: 1, message: 'KeyMessage1', $params: { id: 10, message: 'ParamMessage1' } };
    expect(encodeBatchKeys([[key, 'v']], { kind: 'complex' })).toEqual({
      '($params:(id:10,message:ParamMessage1),id:1,message:KeyMessage1)': 'v',
    });
    expect(encodeBatchKeys([[key, 'v']], { kind: 'complex', version: '1.0.0' })).toEqual({
      '$params.id=10&$params.message=ParamMessage1&id=1&message=KeyMessage1': 'v',
    });
    expect(encodeBatchKeys([[key, 'v']], { kind: 'complex', full: false })).toEqual({
      '(id:1,message:KeyMessage1)': 'v',
    });
  });

  test.each([
    ['compound', '2.0.0', true],
    ['compound', '1.0.0', true],
    ['complex', '2.0.0', true],
    ['complex', '1.0.0', true],
    ['complex', '1.0.0', false],
  ] as const)('%s keys in %s bodies (full: %s) round-trip', (kind, version, full) => {
    const keys: Key[] =
      kind === 'compound'
        ? [
            { part1: 'a b', part2: 'x&y=z' },
            { part1: '(1)', part2: 'é' },
          ]
        : [{ a: 'x y', b: { c: 'd' }, ...(full ? { $params: { p: 'q r' } } : {}) }];
    const map = encodeBatchKeys(
      keys.map((k, i) => [k, i] as const),
      { kind, version, full },
    );
    const back = decodeBatchKeys(map, { kind, version, full });
    expect(back.map(([k]) => k)).toEqual(JSON.parse(JSON.stringify(keys)));
    expect(back.map(([, v]) => v)).toEqual(keys.map((_k, i) => i));
  });
});
