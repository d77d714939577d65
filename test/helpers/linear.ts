/**
 * Linear-time checks without wall-clock bounds (timed assertions do not belong in the suite: a
 * loaded machine slows everything). The work at size 10n is compared with the work at size n,
 * best of a few runs each, so load slows both alike. Linear work gives a ratio near 10 (up to ~40
 * where the larger input leaves the caches or makes the garbage collector promote), quadratic work
 * near 100 and more; a bound of 50 separates them.
 */
import { expect } from 'vitest';

function best(run: () => void, repeats: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    min = Math.min(min, performance.now() - started);
  }
  return min;
}

/** How much longer `run(10n)` takes than `run(n)`. */
export function timeRatio(run: (n: number) => void, n: number, repeats = 5): number {
  run(n); // warm-up: the first call pays for compilation
  const small = best(() => run(n), repeats);
  const large = best(() => run(10 * n), repeats);
  // Sub-millisecond timings are noise; a floor keeps the ratio meaningful.
  return large / Math.max(small, 0.5);
}

/**
 * Asserts that `run` grows linearly from size n to 10n. A ratio over the bound is measured again
 * one step up, from 10n to 100n, as the fuzz harness does (docs/fuzzing.md): where the step from
 * n to 10n leaves the caches, or a loaded machine (a mutation run, the other test files) slows
 * the larger run, linear work gives ~10 there, while quadratic work gives ~100 at every step.
 * (`convertUrl` of 10 000 slashes with an IDL: n -> 10n measured 63-73 under load and ~24 on a
 * quiet machine; 10n -> 100n is ~10.)
 */
export function expectLinear(run: (n: number) => void, n: number, bound = 50): void {
  if (timeRatio(run, n) < bound) return;
  expect(timeRatio(run, 10 * n, 3)).toBeLessThan(bound);
}

/**
 * True in the mutation run (vitest.stryker.config.ts sets RESTLI_MUTATION): the size tests (a
 * million levels, n-and-10n ratios) are skipped there with `test.skipIf(mutationRun)`, because
 * each would rerun for every mutant it covers at seconds apiece, and a timing ratio on a machine
 * loaded by mutants is noise. `npm test` always runs them.
 */
export const mutationRun = process.env.RESTLI_MUTATION === '1';

/**
 * A property's run count: `n`, or at most 25 in the mutation run, where every property reruns
 * for each mutant it covers (the seed is fixed there, so the 25 draws are always the same).
 */
export function runs(n: number): number {
  return mutationRun ? Math.min(n, 25) : n;
}
