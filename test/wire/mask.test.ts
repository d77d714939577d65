import { describe, expect, test } from 'vitest';
import {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  type MaskTree,
  maskToQueryValue,
  unescapeMaskSegment,
} from '../../src/wire/mask.ts';
import { thrown } from '../helpers/errors.ts';
import { mutationRun } from '../helpers/linear.ts';
import { vectorsOf } from '../helpers/vectors.ts';

describe('mask-encode vectors', () => {
  test.each(vectorsOf('mask-encode').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const text = encodeMask(v.input as MaskTree);
      // The Java output's sibling order is its hash maps'; ours follows the same rule (where the
      // vector records another order the reference also produced, either is accepted).
      expect([v.expected, v.equivalentOutput]).toContain(text);
      expect(decodeMask(text)).toEqual(v.input);
    },
  );
});

describe('mask-decode vectors', () => {
  test.each(vectorsOf('mask-decode').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      expect(decodeMask(v.input as string)).toEqual(v.expected);
    },
  );
});

/** Our code for each of the reference's IllegalMaskException messages. */
const CODES: Record<string, string> = {
  "Malformed mask syntax: expected '(' token": 'EXPECTED_MASK_OPEN_PAREN',
  'Malformed mask syntax: unexpected range value': 'INVALID_MASK_RANGE',
  "Malformed mask syntax: unexpected end of buffer after ':'": 'UNEXPECTED_MASK_END',
  'Malformed mask syntax: empty parent field name': 'EMPTY_MASK_PARENT',
  'Malformed mask syntax: unmatched nesting': 'UNMATCHED_MASK_NESTING',
  'Malformed mask syntax: expected closing token': 'EXPECTED_MASK_CLOSE',
};

/**
 * Where each error vector's error is (Java's IllegalMaskException has no position): the character
 * after a `:` that should be `(`, the first character of a bad range value, the extra `)` or the
 * end for unmatched nesting, the `:` that ends the input, the start of an empty parent name, the
 * end where a closing token is missing.
 */
const OFFSETS: Record<string, number> = {
  'a:($*,:2)': 7,
  'a:($*,b:5)': 8,
  'a:($*,$start:-10)': 13,
  'a:($*,$count:xyz)': 13,
  'a:($*,$start:1yz)': 13,
  'a:(': 3,
  'a)': 1,
  ':(a)': 0,
  'a:b': 2,
  'a:': 1,
  'a:(b))': 5,
  '$start:3': 8,
  'a:($start:12x)': 10,
  'a:($count: 4)': 10,
  'a:($start:1),$count:2': 21,
};

describe('mask-decode-error vectors: the Java message, our code and offset', () => {
  test.each(vectorsOf('mask-decode-error').map((v) => [v.input as string, v] as const))(
    '%s',
    (input, v) => {
      const e = thrown(() => decodeMask(input));
      expect(e.reason).toBe((v.expected as { error: string }).error);
      expect(e.code).toBe(CODES[e.reason]);
      expect(OFFSETS[input], `no offset written for ${input}`).toBeDefined();
      expect(e.offset).toBe(OFFSETS[input]);
    },
  );
});

describe('mask-segment-escape and -unescape vectors', () => {
  test.each(vectorsOf('mask-segment-escape').map((v) => [v.input, v.expected] as const))(
    '%j → %j',
    (input, expected) => {
      expect(escapeMaskSegment(input as string)).toBe(expected);
    },
  );
  test.each(vectorsOf('mask-segment-unescape').map((v) => [v.input, v.expected] as const))(
    '%j → %j',
    (input, expected) => {
      expect(unescapeMaskSegment(input as string)).toBe(expected);
    },
  );
});

describe('field paths', () => {
  test('a list of paths is a tree of included fields; $ in names is doubled, $* is the wildcard', () => {
    expect(
      decodeMask(
        encodeMask(['id', 'name.first', 'name.last', 'positions.$*.title', '$type', '-bio']),
      ),
    ).toEqual({
      id: 1,
      name: { first: 1, last: 1 },
      positions: { '$*': { title: 1 } },
      $$type: 1,
      bio: 0,
    });
  });

  test('paths merge as a set: the whole field wins over its parts, exclusion over inclusion', () => {
    const cases: [string[], MaskTree][] = [
      [['a', 'a.b'], { a: 1 }],
      [['a.b', 'a'], { a: 1 }],
      [['a.b', 'a.c'], { a: { b: 1, c: 1 } }],
      [['a', '-a.b', 'a.c'], { a: { b: 0 } }],
      [['-a', 'a.b'], { a: 0 }],
      [['a.b', '-a'], { a: 0 }],
      [['a', '-a'], { a: 0 }],
      [['$*.$start'], { '$*': { $$start: 1 } }],
    ];
    for (const [paths, tree] of cases) {
      expect(decodeMask(encodeMask(paths))).toEqual(tree);
      expect(encodeMask(paths)).toBe(encodeMask([...paths].reverse()));
    }
  });

  test('siblings in the order of Java hash maps', () => {
    expect(encodeMask(['message', 'id'])).toBe('id,message');
    expect(encodeMask({ total: 1, count: 1, links: { '$*': { rel: 1 } } })).toBe(
      'total,count,links:($*:(rel))',
    );
  });

  test('names the syntax cannot hold are rejected', () => {
    for (const bad of [['a,b'], ['a:b'], ['a)b'], ['a b'], ['a\u001cb'], ['a..b'], [''], ['-']]) {
      expect(() => encodeMask(bad)).toThrowError(expect.objectContaining({ code: 'INVALID_MASK' }));
    }
    for (const bad of [
      { a: 2 },
      { $start: -1 },
      { $count: 2 ** 31 },
      { $start: 1.5 },
      { '-a': 1 },
    ]) {
      expect(() => encodeMask(bad as MaskTree)).toThrowError(
        expect.objectContaining({ code: 'INVALID_MASK' }),
      );
    }
  });

  test('a name starting with - gets another - where that is harmless', () => {
    expect(encodeMask({ '-a': 0 })).toBe('--a');
    expect(encodeMask({ '-b': { c: 1 } })).toBe('--b:(c)');
    expect(decodeMask('--a,--b:(c)')).toEqual({ '-a': 0, '-b': { c: 1 } });
  });

  test('a range ending the whole mask gets a trailing comma, which the decoder skips', () => {
    expect(encodeMask({ $start: 2 })).toBe('$start:2,');
    expect(decodeMask('$start:2,')).toEqual({ $start: 2 });
    expect(encodeMask({ a: { $start: 2 } })).toBe('a:($start:2)');
  });

  test('undefined entries are left out; a Java int is the largest range', () => {
    expect(encodeMask({ a: 1, b: undefined })).toBe('a');
    expect(decodeMask('a:($count:2147483647)')).toEqual({ a: { $count: 2147483647 } });
    expect(thrown(() => decodeMask('a:($count:2147483648)')).code).toBe('INVALID_MASK_RANGE');
    expect(thrown(() => decodeMask('a:($count:+1)')).code).toBe('INVALID_MASK_RANGE');
  });
});

describe("whitespace is Java's Character.isWhitespace", () => {
  test.each([
    [' ', true],
    ['\t', true],
    ['\n', true],
    ['\u000b', true],
    ['\u001c', true],
    ['\u001f', true],
    ['\u2003', true],
    ['\u2028', true],
    ['\u3000', true],
    ['\u00a0', false],
    ['\u2007', false],
    ['\u202f', false],
    ['\ufeff', false],
    ['\u0085', false],
  ])('%j dropped: %s', (ws, dropped) => {
    expect(decodeMask(`a${ws}b`)).toEqual({ [dropped ? 'ab' : `a${ws}b`]: 1 });
  });
});

describe('limits and safety', () => {
  test('a deep mask is a clean DEPTH error', () => {
    expect(() => decodeMask('a:('.repeat(1_000_000))).toThrowError(
      expect.objectContaining({ code: 'DEPTH_EXCEEDED' }),
    );
    const nested = (n: number) => `${'a:('.repeat(n)}b${')'.repeat(n)}`;
    expect(() => decodeMask(nested(256))).not.toThrow();
    expect(thrown(() => decodeMask(nested(257))).code).toBe('DEPTH_EXCEEDED');
    expect(thrown(() => decodeMask(nested(3), { maxDepth: 2 })).code).toBe('DEPTH_EXCEEDED');
    // A caller-raised limit beyond what the call stack holds is still a RestliError.
    const overflow = thrown(() => decodeMask(nested(50_000), { maxDepth: 100_000 }));
    expect(overflow.code).toBe('DEPTH_EXCEEDED');
    // It points at the `(` where the call stack ran out.
    expect(nested(50_000)[overflow.offset]).toBe('(');
  });
  test.skipIf(mutationRun)('a long mask is linear and has a length limit', () => {
    const wide = Array.from({ length: 200_000 }, (_, i) => `f${i}`).join(',');
    expect(Object.keys(decodeMask(wide))).toHaveLength(200_000);
    expect(thrown(() => decodeMask('abc', { maxLength: 2 })).code).toBe('MAX_LENGTH_EXCEEDED');
  });
  test('a cyclic tree is a DEPTH error, not a stack overflow', () => {
    const cyclic: MaskTree = {};
    cyclic.a = cyclic;
    expect(() => encodeMask(cyclic)).toThrowError(
      expect.objectContaining({ code: 'DEPTH_EXCEEDED' }),
    );
  });
  test('__proto__ is an own field', () => {
    const tree = decodeMask('__proto__:(x),constructor');
    expect(Object.keys(tree)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  test('on the wire: mask characters stay raw', () => {
    expect(maskToQueryValue('name,friends:($start:1,$count:2)', '2.0.0')).toBe(
      'name,friends:($start:1,$count:2)',
    );
    expect(maskToQueryValue('a%2Cb', '2.0.0')).toBe('a%2Cb');
    expect(maskToQueryValue('a%2Cb', '1.0.0')).toBe('a%252Cb');
  });
  // Java's URIMaskUtil.decodeMaskUriFormat treats `(` as an ordinary name character: only `:(`
  // opens a nested mask (its PARSE_FIELDS loop has no case for '(').
  test.each([
    ['a(b,c', { 'a(b': 1, c: 1 }],
    ['(a', { '(a': 1 }],
    ['a(', { 'a(': 1 }],
    ['-(x', { '(x': 0 }],
    ['a(b)', 'UNMATCHED_MASK_NESTING'],
    ['a((:(b)', { 'a((': { b: 1 } }],
    ['x:(y(,(,-(z:(w))', { x: { 'y(': 1, '(': 1, '(z': { w: 1 } } }],
    ['$$st(art', { '$$st(art': 1 }],
  ] as const)('a ( outside :( is part of a name: %s', (text, expected) => {
    if (typeof expected === 'string') {
      expect(() => decodeMask(text)).toThrowError(expect.objectContaining({ code: expected }));
    } else {
      expect(decodeMask(text)).toEqual(expected);
    }
  });
  test.each([
    [{ 'a(b': 1, c: 1 }, ['a(b', 'c']],
    [{ '(': 0 }, ['-(']],
    [{ 'a(': { '(b': 1 } }, ['a(:((b)']],
  ] as const)('names with ( are written as Java writes them: %j', (tree, parts) => {
    const text = encodeMask(tree);
    expect(text.split(',').sort()).toEqual([...parts].sort());
    expect(decodeMask(text)).toEqual(tree);
  });
  test('text after a nested mask is an error', () => {
    expect(() => decodeMask('a:(b)c')).toThrowError(
      expect.objectContaining({ code: 'EXPECTED_MASK_CLOSE' }),
    );
  });
});
