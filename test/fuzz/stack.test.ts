/**
 * Decoders called from a deep caller stack (issue 8): a valid input nested to the default
 * `maxDepth` (256) decodes from 2 000 nested JavaScript frames, and wherever the stack runs out,
 * the decoder reports a RestliError with a code (`DEPTH_EXCEEDED`), never a RangeError, as long
 * as the caller leaves it 64 KB of stack (see `minimumRoom`).
 */
import { EmbeddedActionsParser } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import * as root from '../../src/index.ts';
import { parseJson } from '../../src/internal/json.ts';
import { parsePdl } from '../../src/schema/index.ts';
import { readJson } from '../../src/schema/json.ts';

const D = 256;
type Decoder = readonly [
  name: string,
  /** Whether it recurses per level (else it keeps its own stack and never overflows). */
  recursive: boolean,
  /** The decoder's input nested `depth` deep. */
  nested: (depth: number) => string,
  read: (input: string, maxDepth?: number) => unknown,
];
/** Each recursive decoder, with its input nested to a given depth. */
const DECODERS: readonly Decoder[] = [
  [
    'decodeMask',
    true,
    (d) => `${'a:('.repeat(d - 1)}b${')'.repeat(d - 1)}`,
    (s, maxDepth) => root.decodeMask(s, { maxDepth }),
  ],
  [
    'decode (maps)',
    true,
    (d) => `${'(a:'.repeat(d)}1${')'.repeat(d)}`,
    (s, maxDepth) => root.decode(s, { maxDepth }),
  ],
  [
    'decode (lists)',
    true,
    (d) => `${'List('.repeat(d)}1${')'.repeat(d)}`,
    (s, maxDepth) => root.decode(s, { maxDepth }),
  ],
  [
    'decodeQuery',
    true,
    (d) => `x=${'(a:'.repeat(d - 1)}1${')'.repeat(d - 1)}`,
    (s, maxDepth) => root.decodeQuery(s, { maxDepth }),
  ],
  [
    'decodeKey (complex)',
    true,
    (d) => `(a:${'(a:'.repeat(d - 2)}1${')'.repeat(d - 2)})`,
    (s, maxDepth) => root.decodeKey(s, { kind: 'complex', version: '2.0.0', maxDepth }),
  ],
  [
    'parseUrn',
    true,
    (d) => `urn:li:a:${'('.repeat(d)}x${')'.repeat(d)}`,
    (s, maxDepth) => root.parseUrn(s, { maxDepth }),
  ],
  [
    'parseJson',
    false,
    (d) => `${'['.repeat(d - 1)}1${']'.repeat(d - 1)}`,
    (s, maxDepth) => parseJson(s, { maxDepth }),
  ],
  [
    'readJson',
    false,
    (d) => `${'{"a":'.repeat(d - 1)}1${'}'.repeat(d - 1)}`,
    (s, maxDepth) => readJson(s, { maxDepth }),
  ],
];

/** Nesting no call stack holds, read under a `maxDepth` raised past it. */
const DEEP = 20_000;

/** Calls `f` under `n` ordinary caller frames (a few locals each, as application code has). */
function nest(n: number, f: () => unknown, a = 1, b = 'x', c: object = {}): unknown {
  const d = a + 1;
  const e = `${b}y`;
  const g = [c];
  if (n === 0) return f();
  return nest(n - 1, f, d, e.slice(0, 3), g[0]!);
}

/**
 * How many frames of a tiny probe fit on the stack from here: a measure of the stack left.
 * Compiled before any sweep (below), since V8 needs 40 KB of stack to compile a function.
 */
let probed = 0;
function probe(): void {
  probed++;
  probe();
}
function room(): number {
  probed = 0;
  try {
    probe();
  } catch {
    // The overflow is the measurement.
  }
  return probed;
}

/**
 * The stack a caller must leave the decoder: 64 KB, in probe frames. V8 compiles a function on
 * its first call and refuses to start compiling with less than 40 KB of stack left
 * (`kStackSpaceRequiredForCompilation`), so an error path met for the first time under a nearly
 * full stack throws the engine's RangeError whatever the library does. Measured from the whole
 * stack (984 KB by default) at the top of the test.
 */
function minimumRoom(): number {
  return Math.ceil((room() * 64) / 984);
}

/**
 * What a call under `n` frames ended in; `undefined` when the caller's own frames overflowed,
 * `'short'` when they left the decoder less than `minimum` probe frames of stack.
 */
function outcome(n: number, f: () => unknown, minimum = 0): string | undefined {
  let reached = false;
  try {
    return nest(n, () => {
      reached = true;
      if (room() < minimum) return 'short';
      f();
      return 'value';
    }) as string;
  } catch (error) {
    if (!reached) return undefined;
    return error instanceof RestliError ? error.code : `${(error as Error).name}`;
  }
}

/** What each call of a sweep ended in, counted; the caller's frames from 2 000 to the end. */
function sweep(f: () => unknown, step: number, minimum: number): Map<string, number> {
  const seen = new Map<string, number>();
  // Twice: the second pass with the code compiled and optimised.
  for (let pass = 0; pass < 2; pass++) {
    for (let n = 2_000; ; n += step) {
      const result = outcome(n, f, minimum);
      if (result === undefined) break;
      seen.set(result, (seen.get(result) ?? 0) + 1);
    }
  }
  return seen;
}

describe.each(DECODERS)('%s', (_name, recursive, nested, read) => {
  const valid = nested(D);
  const deep = nested(DEEP);

  test('a valid input at the default maxDepth decodes from 2 000 nested caller frames', () => {
    expect(outcome(2_000, () => read(valid))).toBe('value');
  });

  test('wherever the stack runs out (64 KB left to the call), the error is DEPTH_EXCEEDED', () => {
    const minimum = minimumRoom();
    // The valid input every 7 caller frames: the stack runs out at every point of the decoder.
    const atDefault = sweep(() => read(valid), 7, minimum);
    // Nesting past what the stack holds (maxDepth raised): a recursive decoder's own recursion
    // overflows wherever it is called; one that keeps its own stack reads it.
    const overflowing = sweep(() => read(deep, DEEP + 1), 200, minimum);
    expect(overflowing.get(recursive ? 'DEPTH_EXCEEDED' : 'value') ?? 0).toBeGreaterThan(0);
    if (!recursive) expect(overflowing.get('DEPTH_EXCEEDED')).toBeUndefined();
    const other = [...atDefault, ...overflowing]
      .map(([code]) => code)
      .filter((code) => !['value', 'short', 'DEPTH_EXCEEDED'].includes(code));
    expect(other).toEqual([]);
  });
});

/**
 * chevrotain (11.2) records a rule's entry inside the `try` whose `finally` records its exit. An
 * overflow on the entry call itself therefore pops a rule that was never pushed, and the root's
 * "not all input parsed" check then throws `RangeError: Invalid array length`, which replaces the
 * overflow. Whether a real overflow lands on that call depends on the JIT, so it is forced here:
 * the entry of the 40th rule throws the engine's overflow error.
 */
describe('an overflow on entering a chevrotain rule', () => {
  const engine = Object.getPrototypeOf(EmbeddedActionsParser.prototype) as {
    ruleInvocationStateUpdate: (...args: unknown[]) => void;
  };

  function overflowingAtRule(k: number, run: () => unknown): unknown {
    const original = engine.ruleInvocationStateUpdate;
    let entered = 0;
    engine.ruleInvocationStateUpdate = function (this: unknown, ...args: unknown[]) {
      if (++entered === k) throw new RangeError('Maximum call stack size exceeded');
      return original.apply(this, args);
    };
    try {
      run();
      return undefined;
    } catch (error) {
      return error;
    } finally {
      engine.ruleInvocationStateUpdate = original;
    }
  }

  test.each([
    ['decode', () => root.decode(`${'(a:'.repeat(100)}1${')'.repeat(100)}`)],
    ['decodeMask', () => root.decodeMask(`${'a:('.repeat(100)}b${')'.repeat(100)}`)],
    [
      'parsePdl',
      () => parsePdl(`record R { a: ${'array[map[string, '.repeat(40)}int${']]'.repeat(40)} }`),
    ],
  ])('%s reports DEPTH_EXCEEDED, not chevrotain RangeError', (_name, run) => {
    const error = overflowingAtRule(40, run);
    expect(error).toBeInstanceOf(RestliError);
    expect((error as RestliError).code).toBe('DEPTH_EXCEEDED');
    // The parser is whole again afterwards.
    expect(run()).toBeDefined();
  });
});
