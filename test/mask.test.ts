import { describe, expect, test } from 'vitest';
import { RestliSyntaxError } from '../src/errors.ts';
import {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  type MaskTree,
  maskToQueryValue,
  unescapeMaskSegment,
} from '../src/mask.ts';
import { vectorsOf } from './helpers/vectors.ts';

/** Mask text with siblings sorted at every level: sibling order is not significant. */
function canonical(text: string): string {
  return JSON.stringify(sortTree(decodeMask(text)));
}
function sortTree(tree: MaskTree): unknown {
  return Object.fromEntries(
    Object.keys(tree)
      .sort()
      .map((k) => [k, typeof tree[k] === 'object' ? sortTree(tree[k] as MaskTree) : tree[k]]),
  );
}

describe('mask-encode vectors', () => {
  test.each(vectorsOf('mask-encode').map((v) => [JSON.stringify(v.input), v] as const))(
    '%s',
    (_n, v) => {
      const text = encodeMask(v.input as MaskTree);
      // The Java output's sibling order is its hash maps'; ours follows the same rule, and where the
      // vector records another order the reference also produced, either is accepted.
      const accepted = [v.expected, v.equivalentOutput].filter((x) => x !== undefined);
      if (!accepted.includes(text)) expect(canonical(text)).toBe(canonical(v.expected as string));
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

describe('mask-decode-error vectors: the Java message, our code', () => {
  test.each(vectorsOf('mask-decode-error').map((v) => [v.input as string, v] as const))(
    '%s',
    (input, v) => {
      try {
        decodeMask(input);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(RestliSyntaxError);
        const e = error as RestliSyntaxError;
        expect(e.reason).toBe((v.expected as { error: string }).error);
        expect(e.code).toMatch(/^MASK_/);
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset).toBeLessThanOrEqual(input.length);
      }
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

  test('siblings in the order of Java hash maps', () => {
    expect(encodeMask(['message', 'id'])).toBe('id,message');
    expect(encodeMask({ total: 1, count: 1, links: { '$*': { rel: 1 } } })).toBe(
      'total,count,links:($*:(rel))',
    );
  });

  test('names the syntax cannot hold are rejected', () => {
    for (const bad of [['a,b'], ['a:b'], ['a(b'], ['a b'], ['a..b']]) {
      expect(() => encodeMask(bad)).toThrowError(expect.objectContaining({ code: 'INVALID_MASK' }));
    }
  });
});

describe('limits and safety', () => {
  test('a deep mask is a clean DEPTH error', () => {
    expect(() => decodeMask('a:('.repeat(1_000_000))).toThrowError(
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
  test('a bare ( and text after a nested mask are errors', () => {
    expect(() => decodeMask('a(b)')).toThrowError(
      expect.objectContaining({ code: 'MASK_UNEXPECTED_OPEN_PAREN' }),
    );
    expect(() => decodeMask('a:(b)c')).toThrowError(
      expect.objectContaining({ code: 'MASK_EXPECTED_CLOSE' }),
    );
  });
});
