/**
 * The fast paths of issue 12 held to independent references on random input: the Java HashMap
 * order of small tables (against a simulation of HashMap's buckets and resizes), the one UTF-8
 * lead-byte classification (against the ranges of RFC 3629), the compiled template matcher
 * (against the rule written out with string templates), detectVersion's name marks (against
 * the regular expressions they replaced) and key segment marks (against the rule written with
 * `split` and `startsWith`), the insertion sort of short string lists (against `Array#sort`),
 * form decoding's native path (against URLDecoder's reading, escape run by escape run), and the
 * written-out tests that replace `split('/')` and the projection names' set.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliSyntaxError } from '../../src/errors.ts';
import { javaHashMapOrder, javaStringHash } from '../../src/internal/java-hash-order.ts';
import { isProjectionParam, PROJECTION_PARAMS } from '../../src/internal/projections.ts';
import { sortStrings } from '../../src/internal/sort.ts';
import {
  compileTemplate,
  decodedSegment,
  matchTemplate,
  placeholderName,
  templateSegments,
} from '../../src/internal/template.ts';
import { splitSegments } from '../../src/internal/url-parts.ts';
import { utf8Continuations, utf8SequenceLength } from '../../src/internal/utf8.ts';
import { detectVersion } from '../../src/migrate/detect.ts';
import { formDecodeAt, formDecodeJava } from '../../src/wire/v1/form.ts';
import { trickyString } from '../helpers/arbitraries.ts';

/** java.util.HashMap as a table of bucket lists: put in order, resize (split in order), iterate. */
function referenceHashMapOrder(keys: readonly string[]): string[] {
  const hash = (k: string) => {
    const h = javaStringHash(k);
    return h ^ (h >>> 16);
  };
  let table: string[][] = Array.from({ length: 16 }, () => []);
  const resize = () => {
    const next: string[][] = Array.from({ length: table.length * 2 }, () => []);
    for (const bucket of table) for (const k of bucket) next[hash(k) & (next.length - 1)]!.push(k);
    table = next;
  };
  let size = 0;
  for (const k of keys) {
    const bucket = table[hash(k) & (table.length - 1)]!;
    bucket.push(k);
    // treeifyBin resizes instead while the table is smaller than 64.
    if (bucket.length > 8 && table.length < 64) resize();
    if (++size > table.length * 0.75) resize();
  }
  return table.flat();
}

/** Keys that collide often: short strings over a tiny alphabet, plus "Aa"/"BB" pairs. */
const collidingKeys = fc.uniqueArray(
  fc.oneof(
    fc.stringMatching(/^[AaBb]{0,4}$/),
    fc.constantFrom('Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa', 'p', '\u0080'),
    trickyString,
  ),
  { maxLength: 40 },
);

describe('javaHashMapOrder', () => {
  test.prop([collidingKeys])('is the order of a simulated java.util.HashMap', (keys) => {
    expect(javaHashMapOrder(keys)).toEqual(referenceHashMapOrder(keys));
  });

  test('nine colliding keys in a small table resize it (the general path)', () => {
    // Strings of "Aa"/"BB" pairs share one hash: nine of them crowd one bucket.
    const pairs = ['Aa', 'BB'];
    const keys: string[] = [];
    for (let i = 0; keys.length < 9; i++) {
      keys.push([0, 1, 2, 3].map((b) => pairs[(i >> b) & 1]).join(''));
    }
    expect(javaHashMapOrder(keys)).toEqual(referenceHashMapOrder(keys));
  });
});

describe('utf8Continuations', () => {
  test.prop([fc.integer({ min: 0, max: 0xff })])(
    'follows the lead-byte ranges of RFC 3629',
    (b) => {
      const expected =
        b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
      expect(utf8Continuations(b)).toBe(expected);
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 4 })])(
    'utf8SequenceLength agrees with TextEncoder on well-formed text',
    (s) => {
      const bytes = new TextEncoder().encode(s);
      for (let i = 0; i < bytes.length; ) {
        const n = utf8SequenceLength(bytes, i);
        expect(n).toBeGreaterThan(0);
        i += n;
      }
    },
  );
});

/** The matcher written out over string templates, as it was before templates were compiled. */
function referenceMatch(segments: readonly string[], template: readonly string[]): number {
  for (let start = 0; start + template.length <= segments.length; start++) {
    if (segments.length - start - template.length > 1) continue;
    const fits = template.every(
      (t, i) => placeholderName(t) !== undefined || decodedSegment(segments[start + i]!) === t,
    );
    if (fits) return start;
  }
  return -1;
}

const segment = fc.constantFrom('a', 'b', 'albums', '{id}', '{k}', 'a%20b', 'a b', '%zz', '');

describe('matchTemplate', () => {
  test.prop([fc.array(segment, { maxLength: 6 }), fc.array(segment, { maxLength: 4 })])(
    'compiled templates match where the string rule matches',
    (segments, parts) => {
      const template = parts.join('/');
      const path = segments.filter((s) => !s.startsWith('{'));
      expect(matchTemplate(path, compileTemplate(template))).toBe(
        referenceMatch(path, templateSegments(template)),
      );
    },
  );
});

/** The name marks detectVersion reports, and the regular expressions they were written as. */
const MARKS: [string, RegExp][] = [
  ['an indexed parameter name', /\[|%5B/i],
  ['a dotted parameter name', /^[^.]+\.[^.]/],
  ["a '~' escape in a parameter name", /~(2E|5B|5D|7E)/i],
];

const namePiece = fc.constantFrom(
  'a',
  'B',
  '.',
  '..',
  '[',
  '%5B',
  '%5b',
  '%5',
  '%',
  '~',
  '~2E',
  '~2e',
  '~5B',
  '~5d',
  '~7E',
  '~7',
  '~2',
  '0',
  '$',
  '-',
);

describe('detectVersion name marks', () => {
  test.prop([fc.array(namePiece, { minLength: 1, maxLength: 6 })])(
    'are reported exactly where the regular expressions match',
    (pieces) => {
      const name = pieces.join('');
      fc.pre(!['fields', 'metadataFields', 'pagingFields'].includes(name));
      const reasons = new Set(
        detectVersion(`/r?${name}=1`)
          .evidence.filter((e) => e.where === name)
          .map((e) => e.reason),
      );
      const plain = /^[A-Za-z0-9_$-]*$/.test(name);
      for (const [reason, pattern] of MARKS) {
        expect(reasons.has(reason)).toBe(!plain && pattern.test(name));
      }
    },
  );
});

/** The key segment rule as first written: `split` into pieces, each `name=value`, name non-empty. */
function referenceIsPairs(segment: string): boolean {
  return segment.split('&').every((piece) => piece.indexOf('=') > 0);
}

const segmentPiece = fc.constantFrom('(', ')', ':', '=', '&', 'a', 'b=', '=c', '&&', '%3D');

describe('detectVersion key segment marks', () => {
  test.prop([fc.array(fc.array(segmentPiece, { maxLength: 6 }), { minLength: 1, maxLength: 3 })], {
    numRuns: 500,
    // In parentheses without `:`, the pairs rule still applies: `(b=)` is a 1.0 segment.
    examples: [
      [
        [
          ['(', 'b=', ')'],
          ['(', 'a', ':', ')'],
          ['a', '=c', '&', 'b='],
        ],
      ],
    ],
  })('are reported exactly where the first-written rule sees them', (segmentPieces) => {
    const segments = segmentPieces.map((pieces) => pieces.join(''));
    const reasons = detectVersion(`/r/${segments.join('/')}`)
      .evidence.filter((e) => e.reason.startsWith('a key segment'))
      .map((e) => [e.where, e.reason]);
    const expected = segments
      .filter((s) => s !== '')
      .flatMap((s) =>
        s.startsWith('(') && s.endsWith(')') && s.includes(':')
          ? [[s, 'a key segment in parentheses']]
          : referenceIsPairs(s)
            ? [[s, "a key segment of 'name=value' pairs"]]
            : [],
      );
    expect(reasons).toEqual(expected);
  });
});

describe('sortStrings', () => {
  test.prop([fc.array(trickyString, { maxLength: 40 })])(
    'sorts as Array#sort does (UTF-16 code units), in place',
    (items) => {
      const expected = [...items].sort();
      const copy = [...items];
      expect(sortStrings(copy)).toBe(copy);
      expect(copy).toEqual(expected);
    },
  );
});

/** A decoder's answer: its text, or its error's code, reason and offset. */
function outcome(run: () => string): unknown {
  try {
    return { text: run() };
  } catch (error) {
    if (!(error instanceof RestliSyntaxError)) throw error;
    return { code: error.code, reason: error.reason, offset: error.offset };
  }
}

const formPiece = fc.constantFrom(
  'a',
  '+',
  '-',
  '%',
  '4',
  'F',
  'é',
  '%41',
  '%2B',
  '%+F',
  '%-1',
  '%4',
  '%zz',
  '%C3',
  '%A9',
  '%E9',
  '%ED%A0%80',
  '%F0%9F%98%9B',
  '%E4%BA%80',
  '%C0%AF',
  '%F4%90%80%80',
);

describe('formDecodeAt', () => {
  test.prop([fc.array(formPiece, { maxLength: 8 }), fc.boolean(), fc.nat({ max: 5 })], {
    numRuns: 2000,
  })('answers as URLDecoder reads it: the same text or the same error', (pieces, replace, at) => {
    const s = pieces.join('');
    const whole = `${'x'.repeat(at)}${s}`;
    expect(outcome(() => formDecodeAt(s, replace, whole, at))).toEqual(
      outcome(() => formDecodeJava(s, replace, whole, at)),
    );
  });
});

describe('splitSegments and isProjectionParam', () => {
  test.prop([fc.array(fc.constantFrom('/', 'a', '', '%2F', 'é', '//'), { maxLength: 8 })])(
    'splitSegments is split on /',
    (pieces) => {
      const path = pieces.join('');
      expect(splitSegments(path)).toEqual(path.split('/'));
    },
  );

  test.prop([
    fc.oneof(fc.constantFrom(...PROJECTION_PARAMS, 'field', 'Fields', 'fieldss'), fc.string()),
  ])('isProjectionParam is the set of PROJECTION_PARAMS', (name) => {
    expect(isProjectionParam(name)).toBe(PROJECTION_PARAMS.has(name));
  });
});
