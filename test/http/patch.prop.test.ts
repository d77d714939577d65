import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import {
  applyPatch,
  createPatch,
  type PatchData,
  type PatchRecord,
  type PatchTree,
} from '../../src/http/patch.ts';
import { trickyString } from '../helpers/arbitraries.ts';

/** Field names biased to what patches and plain objects treat specially. */
const fieldName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c') },
  fc.constantFrom('$', '$$', '$set', '$delete', '$$set', 'a$b', '$start', '.', 'a.b', '[0]', ''),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'patch', 'prototype'),
  trickyString,
);

/** JSON-safe leaves (so a patch survives JSON), '' included. */
const leaf: fc.Arbitrary<PatchData> = fc.oneof(
  { weight: 3, arbitrary: trickyString },
  fc.constantFrom('', 0, 1, true, false, null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.boolean(),
);

/** Builds a record with own properties only, `__proto__` included, as JSON.parse does. */
function recordOf(entries: readonly (readonly [string, unknown])[]): PatchRecord {
  const record: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(record, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return record as PatchRecord;
}

const { record, value } = fc.letrec<{ record: PatchRecord; value: PatchData }>((tie) => ({
  record: fc
    .array(fc.tuple(fieldName, tie('value')), { maxLength: 5 })
    .map((entries) => recordOf(entries)),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: tie('record') },
    fc.array(tie('value'), { maxLength: 3 }),
  ),
}));

/** An edit of `base`: fields kept, dropped, replaced, edited in depth or added. */
function edited(base: PatchRecord, depth = 0): fc.Arbitrary<PatchRecord> {
  const fields = Object.keys(base);
  const perField = fields.map((field) => {
    const current = base[field];
    const choices: fc.Arbitrary<PatchData | undefined>[] = [
      fc.constant(current),
      fc.constant(current),
      fc.constant(undefined),
      value,
    ];
    if (current !== null && typeof current === 'object' && !Array.isArray(current) && depth < 4) {
      choices.push(
        edited(current as PatchRecord, depth + 1),
        edited(current as PatchRecord, depth + 1),
      );
    }
    return fc.oneof(...choices);
  });
  return fc
    .tuple(fc.tuple(...perField), fc.array(fc.tuple(fieldName, value), { maxLength: 2 }))
    .map(([values, added]) => {
      const entries: [string, unknown][] = fields.map((field, i) => [field, values[i]]);
      for (const [field, v] of added) {
        if (!fields.includes(field)) entries.push([field, v]);
      }
      return recordOf(entries.filter(([, v]) => v !== undefined));
    });
}

/** Two records: often one an edit of the other, sometimes unrelated. */
const pair = fc.oneof(
  { weight: 3, arbitrary: record.chain((a) => edited(a).map((b) => [a, b] as const)) },
  fc.tuple(record, record),
);

/** A deep copy with own properties only (structuredClone would not keep a `__proto__` key). */
function copy(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(copy);
  if (data !== null && typeof data === 'object') {
    return recordOf(Object.entries(data).map(([k, v]) => [k, copy(v)]));
  }
  return data;
}

function isSorted(keys: readonly string[]): boolean {
  return keys.every((key, i) => i === 0 || keys[i - 1]! < key);
}

/** Every level of a tree has sorted keys and a sorted `$delete`. */
/**
 * Keys of an object in the order sorted insertion gives: JS objects always enumerate integer-like
 * keys (`"0"`) first, whatever the insertion order, so that is the best order an object can have.
 */
function isObjectSorted(keys: readonly string[]): boolean {
  const sorted = [...keys].sort();
  const best = Object.keys(Object.fromEntries(sorted.map((k) => [k, 0])));
  return keys.every((key, i) => key === best[i]);
}

function sortedTree(tree: PatchTree): boolean {
  if (!isObjectSorted(Object.keys(tree))) return false;
  return Object.entries(tree).every(([key, entry]) => {
    if (key === '$delete') return isSorted(entry as string[]);
    if (key === '$set') return isObjectSorted(Object.keys(entry as object));
    return sortedTree(entry as PatchTree);
  });
}

describe('createPatch and applyPatch', () => {
  test.prop([pair], { numRuns: 1500 })('applyPatch(a, createPatch(a, b)) is b', ([a, b]) => {
    const before = copy({ a, b });
    const patch = createPatch(a, b);
    expect(applyPatch(a, patch)).toEqual(b);
    // The bare tree means the same, unless it has the shape of a request body.
    const keys = Object.keys(patch.patch);
    if (!(keys.length === 1 && keys[0] === 'patch')) expect(applyPatch(a, patch.patch)).toEqual(b);
    expect({ a, b }).toEqual(before);
  });

  test.prop([pair], { numRuns: 500 })(
    'a patch survives JSON: the wire form works too',
    ([a, b]) => {
      const wire = JSON.parse(JSON.stringify(createPatch(a, b)));
      expect(applyPatch(a, wire)).toEqual(b);
    },
  );

  test.prop([pair], { numRuns: 500 })('patches are sorted at every level', ([a, b]) => {
    const { patch } = createPatch(a, b);
    expect(sortedTree(patch)).toBe(true);
  });

  test.prop([record])('createPatch(a, a) and createPatch(a, copy of a) are { patch: {} }', (a) => {
    expect(createPatch(a, a)).toEqual({ patch: {} });
    const same = createPatch(a, copy(a) as PatchRecord);
    expect(same).toEqual({ patch: {} });
    expect(Object.keys(same.patch)).toEqual([]);
  });

  test.prop([record, record])(
    'the result differs from b by nothing createPatch can see',
    (a, b) => {
      const once = applyPatch(a, createPatch(a, b));
      expect(createPatch(once, b)).toEqual({ patch: {} });
    },
  );
});

describe('applyPatch on arbitrary input', () => {
  const key = fc.oneof(fieldName, fc.constantFrom('$set', '$delete', '$add', '$$a', 'patch'));
  const junk = fc.letrec<{ junk: unknown }>((tie) => ({
    junk: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.constant(undefined),
      fc.array(tie('junk'), { maxLength: 3 }),
      fc.array(fc.tuple(key, tie('junk')), { maxLength: 4 }).map((entries) => recordOf(entries)),
    ),
  })).junk;

  test.prop([fc.oneof(record, junk), junk], { numRuns: 3000 })(
    'gives a record or a RestliError, and never touches Object.prototype',
    (target, patch) => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
      try {
        const result = applyPatch(target as PatchRecord, patch as PatchTree);
        expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      } catch (error) {
        expect(error).toBeInstanceOf(RestliError);
        expect((error as RestliError).code).toMatch(/^[A-Z_]+$/);
      }
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).a).toBeUndefined();
    },
  );
});
