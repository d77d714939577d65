/**
 * Decoders called from a deep caller stack (issue 8): a valid input nested to the default
 * `maxDepth` (256) decodes from 2 000 nested JavaScript frames, and wherever the stack runs out,
 * the decoder reports a RestliError with a code (`DEPTH_EXCEEDED`), never a RangeError.
 */
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import * as root from '../../src/index.ts';
import { parseJson } from '../../src/internal/json.ts';
import { readJson } from '../../src/schema/json.ts';

const D = 256;
/** Valid inputs nested exactly `maxDepth` (256) deep, with the decoder that reads each. */
const DECODERS: readonly [string, () => unknown][] = [
  ['decodeMask', () => root.decodeMask(`${'a:('.repeat(D - 1)}b${')'.repeat(D - 1)}`)],
  ['decode (maps)', () => root.decode(`${'(a:'.repeat(D)}1${')'.repeat(D)}`)],
  ['decode (lists)', () => root.decode(`${'List('.repeat(D)}1${')'.repeat(D)}`)],
  ['decodeQuery', () => root.decodeQuery(`x=${'(a:'.repeat(D - 1)}1${')'.repeat(D - 1)}`)],
  [
    'decodeKey (complex)',
    () =>
      root.decodeKey(`(a:${'(a:'.repeat(D - 2)}1${')'.repeat(D - 2)})`, {
        kind: 'complex',
        version: '2.0.0',
      }),
  ],
  ['parseUrn', () => root.parseUrn(`urn:li:a:${'('.repeat(D)}x${')'.repeat(D)}`)],
  ['parseJson', () => parseJson(`${'['.repeat(D - 1)}1${']'.repeat(D - 1)}`)],
  ['readJson', () => readJson(`${'{"a":'.repeat(D - 1)}1${'}'.repeat(D - 1)}`)],
];

/** Calls `f` under `n` ordinary caller frames (a few locals each, as application code has). */
function nest(n: number, f: () => unknown, a = 1, b = 'x', c: object = {}): unknown {
  const d = a + 1;
  const e = `${b}y`;
  const g = [c];
  if (n === 0) return f();
  return nest(n - 1, f, d, e.slice(0, 3), g[0]!);
}

/** What a call under `n` frames ended in; `undefined` when the caller's own frames overflowed. */
function outcome(n: number, f: () => unknown): string | undefined {
  let reached = false;
  try {
    nest(n, () => {
      reached = true;
      return f();
    });
    return 'value';
  } catch (error) {
    if (!reached) return undefined;
    return error instanceof RestliError ? error.code : `${(error as Error).name}`;
  }
}

describe.each(DECODERS)('%s', (_name, decodeIt) => {
  test('a valid input at the default maxDepth decodes from 2 000 nested caller frames', () => {
    expect(outcome(2_000, decodeIt)).toBe('value');
  });

  test('wherever the stack runs out, the error is DEPTH_EXCEEDED, never a RangeError', () => {
    const seen = new Set<string>();
    for (let n = 2_000; ; n += 250) {
      const result = outcome(n, decodeIt);
      if (result === undefined) break;
      seen.add(result);
    }
    seen.delete('value');
    expect([...seen].filter((code) => code !== 'DEPTH_EXCEEDED')).toEqual([]);
  });
});
