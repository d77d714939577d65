/** The translator's warning list: each distinct warning once, in the order first given. */
import { describe, expect, test } from 'vitest';
import { type ConvertWarning, distinctWarnings, FEW_WARNINGS } from '../../src/migrate/warnings.ts';
import { expectLinear } from '../helpers/linear.ts';

const w = (code: string, where: string, message: string): ConvertWarning => ({
  code,
  where,
  message,
});

/** Adds each triple in turn and returns what the list holds. */
function collect(given: ConvertWarning[], start: ConvertWarning[] = []): ConvertWarning[] {
  const into = [...start];
  const add = distinctWarnings(into);
  for (const { code, where, message } of given) add(code, where, message);
  return into;
}

describe('distinctWarnings', () => {
  test.each([
    { name: 'an exact repeat is dropped', given: [w('A', 'p', 'm'), w('A', 'p', 'm')], kept: [0] },
    { name: 'another code is kept', given: [w('A', 'p', 'm'), w('B', 'p', 'm')], kept: [0, 1] },
    { name: 'another place is kept', given: [w('A', 'p', 'm'), w('A', 'q', 'm')], kept: [0, 1] },
    { name: 'another message is kept', given: [w('A', 'p', 'm'), w('A', 'p', 'n')], kept: [0, 1] },
    {
      name: 'a repeat of an earlier warning, not the last, is dropped',
      given: [w('A', 'p', 'm'), w('B', 'p', 'm'), w('A', 'p', 'm')],
      kept: [0, 1],
    },
    {
      // The separator keeps the parts apart: 'a' + 'b\u0000c' is not 'a\u0000b' + 'c'.
      name: 'parts that join to the same text stay apart',
      given: [
        ...Array.from({ length: FEW_WARNINGS }, (_, i) => w('F', `${i}`, '')),
        w('A', 'b\u0000c', 'm'),
        w('A', 'b', 'c\u0000m'),
      ],
      kept: [...Array.from({ length: FEW_WARNINGS }, (_, i) => i), FEW_WARNINGS, FEW_WARNINGS + 1],
    },
  ])('$name', ({ given, kept }) => {
    expect(collect(given)).toEqual(kept.map((i) => given[i]));
  });

  test('repeats before and after the list is indexed are dropped alike', () => {
    const distinct = Array.from({ length: 3 * FEW_WARNINGS }, (_, i) => w('A', `p${i}`, 'm'));
    // Each distinct warning given, then each again: the early ones are repeated after the index
    // is built, the late ones too; repeats interleaved with new ones are dropped as they come.
    const given = distinct.flatMap((d, i) => [d, distinct[i >> 1] as ConvertWarning]);
    expect(collect([...given, ...distinct])).toEqual(distinct);
  });

  test('warnings already in the list are kept and not compared with', () => {
    const start = [w('A', 'p', 'm')];
    expect(collect([w('A', 'p', 'm'), w('A', 'p', 'm')], start)).toEqual([
      w('A', 'p', 'm'),
      w('A', 'p', 'm'),
    ]);
  });

  test('many distinct warnings, each given twice, cost linear time', () => {
    const given = (n: number) =>
      Array.from({ length: n }, (_, i) => w('KEY_KIND_GUESSED', `k${i}=1&x=1`, 'read as…'));
    const sizes = new Map<number, ConvertWarning[]>();
    const run = (n: number) => {
      let list = sizes.get(n);
      if (list === undefined) {
        list = given(n);
        sizes.set(n, list);
      }
      const add = distinctWarnings([]);
      for (const x of list) add(x.code, x.where, x.message);
      for (const x of list) add(x.code, x.where, x.message);
    };
    expectLinear(run, 600);
  });
});
