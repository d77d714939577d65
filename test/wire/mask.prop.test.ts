/**
 * Properties of the mask codec. Field names are biased to what the syntax gives a meaning to:
 * `$ , : ( ) -`, whitespace, `$*`, `$start`, `$count`, `__proto__`, non-ASCII and emoji.
 *
 * Names that cannot be written, and are therefore kept out of the round trip (encodeMask rejects
 * them with a RestliEncodeError `INVALID_MASK`, checked below):
 * - the empty name (the decoder skips empty items);
 * - names holding `, : )` (the grammar's characters; the syntax has no escape for them; a `(`
 *   is an ordinary name character, as in the Java reference);
 * - names holding Java whitespace (the decoder drops it);
 * - an included (`1`) name starting with `-` (read back as an exclusion); excluded and nested
 *   ones are written with one more `-`.
 * `$start` and `$count` hold integers from 0 to 2147483647 and are generated apart.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliEncodeError, RestliError } from '../../src/errors.ts';
import { hasMaskWhitespace } from '../../src/internal/mask-whitespace.ts';
import {
  decodeMask,
  encodeMask,
  escapeMaskSegment,
  type MaskTree,
  unescapeMaskSegment,
} from '../../src/wire/mask.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { runs } from '../helpers/linear.ts';

const PIECES = [
  '$',
  '$$',
  '$*',
  '$start',
  '$count',
  ',',
  ':',
  '(',
  ')',
  ':(',
  '-',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '.',
  '*',
  '%2C',
  '__proto__',
  'constructor',
  'a',
  'B',
  '0',
  'é',
  '亀',
  '😛',
];

/** Names built from the pieces above and a few arbitrary characters. */
const rawName: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, trickyString), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

const writable = (name: string): boolean =>
  name !== '' && !/[,:)]/.test(name) && !hasMaskWhitespace(name);

/** A name encodeMask accepts for a nested mask or an exclusion (ranges are generated apart). */
const fieldName = rawName.filter((n) => writable(n) && n !== '$start' && n !== '$count');

const rangeValue = fc.oneof(fc.constantFrom(0, 1, 2147483647), fc.nat());

/** Random mask trees with only writable names. */
const maskTree: fc.Arbitrary<MaskTree> = fc.letrec<{ tree: MaskTree }>((tie) => ({
  tree: fc
    .record(
      {
        fields: fc.array(
          fc.tuple(
            fieldName,
            fc.oneof(
              { depthSize: 'small' },
              fc.constant(0 as const),
              fc.constant(1 as const),
              tie('tree'),
            ),
          ),
          { maxLength: 5 },
        ),
        $start: rangeValue,
        $count: rangeValue,
      },
      { requiredKeys: ['fields'] },
    )
    .map(({ fields, $start, $count }) => {
      const tree: MaskTree = {};
      for (const [name, value] of fields) {
        // An included name starting with `-` cannot be written: make it an exclusion.
        const v = value === 1 && name.startsWith('-') ? 0 : value;
        Object.defineProperty(tree, name, {
          value: v,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
      if ($start !== undefined) tree.$start = $start;
      if ($count !== undefined) tree.$count = $count;
      return tree;
    }),
})).tree;

describe('round trip', () => {
  test.prop([maskTree], { numRuns: runs(800) })('decodeMask(encodeMask(t)) is t', (tree) => {
    expect(decodeMask(encodeMask(tree))).toEqual(tree);
  });

  test.prop([
    fc.boolean(),
    fc.array(
      rawName.filter((n) => !n.includes('.')),
      { minLength: 1, maxLength: 4 },
    ),
  ])(
    'a path of real names comes back with every $ doubled, except the $* wildcard',
    (dash, names) => {
      const path = `${dash ? '-' : ''}${names.join('.')}`;
      // Read the path as encodeMask does: a leading `-` excludes.
      const exclude = path.startsWith('-');
      const segments = (exclude ? path.slice(1) : path).split('.');
      // A name starting with `-` can be nested or excluded, but not included.
      const last = segments.length - 1;
      const representable = segments.every(
        (s, i) => writable(s) && !(s.startsWith('-') && i === last && !exclude),
      );
      if (!representable) {
        expect(() => encodeMask([path])).toThrowError(RestliEncodeError);
        return;
      }
      let expected: MaskTree | 0 | 1 = exclude ? 0 : 1;
      for (const s of segments.reverse()) {
        const level: MaskTree = {};
        Object.defineProperty(level, s === '$*' ? s : escapeMaskSegment(s), {
          value: expected,
          writable: true,
          enumerable: true,
          configurable: true,
        });
        expected = level;
      }
      expect(decodeMask(encodeMask([path]))).toEqual(expected);
    },
  );

  test.prop([fc.array(trickyString, { maxLength: 6 })])(
    'the text of a list of paths does not depend on their order',
    (paths) => {
      const run = (p: string[]) => {
        try {
          return encodeMask(p);
        } catch (error) {
          return (error as RestliEncodeError).code;
        }
      };
      expect(run([...paths].reverse())).toBe(run(paths));
    },
  );

  test.prop([rawName])('unescapeMaskSegment undoes escapeMaskSegment', (name) => {
    expect(unescapeMaskSegment(escapeMaskSegment(name))).toBe(name);
  });
});

describe('what cannot be written is refused', () => {
  test.prop([rawName.filter((n) => !writable(n))])('names with , : ( ) or whitespace', (name) => {
    const error = (() => {
      try {
        encodeMask({ ok: 1, nested: { [name]: 0 } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RestliEncodeError);
    expect((error as RestliEncodeError).code).toBe('INVALID_MASK');
  });
});

/** Strings made of mask syntax and names: most are near-misses of a valid mask. */
const maskish: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PIECES, ':(', '),', '$start:', '$count:1', '1') },
      trickyString,
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('decoding anything', () => {
  test.prop([maskish, fc.integer({ min: 0, max: 4 })], { numRuns: runs(3000) })(
    'decodeMask returns a tree or throws a RestliError with an offset in the input',
    (text, maxDepth) => {
      try {
        decodeMask(text, { maxDepth });
      } catch (error) {
        expect(error).toBeInstanceOf(RestliError);
        const e = error as RestliError;
        expect(e.code).toMatch(/^([A-Z]+_MASK_[A-Z_]+|DEPTH_EXCEEDED)$/);
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset).toBeLessThanOrEqual(text.length);
      }
    },
  );

  test.prop([maskish], { numRuns: runs(2000) })(
    'whatever decodes is written back to a text that decodes to the same tree',
    (text) => {
      let tree: MaskTree;
      try {
        tree = decodeMask(text);
      } catch {
        return;
      }
      // Only an included name that starts with `-` (from ` -a`) has no writable form.
      const dashedInclude = (t: MaskTree): boolean =>
        Object.entries(t).some(
          ([k, v]) => (v === 1 && k.startsWith('-')) || (typeof v === 'object' && dashedInclude(v)),
        );
      fc.pre(!dashedInclude(tree));
      expect(decodeMask(encodeMask(tree))).toEqual(tree);
    },
  );

  test.prop([maskish])('__proto__ is only ever an own field', (text) => {
    try {
      decodeMask(`__proto__:(${text}),${text}`);
    } catch {
      // syntax errors are fine here
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});
