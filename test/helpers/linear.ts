/**
 * A generous linearity check: the work at size 10n takes less than `factor` times the work at n
 * (linear is about 10, quadratic about 100). Each size is measured as the best of a few runs, so
 * that a busy machine does not fail the test; tiny times get a floor.
 */
export function expectLinear(work: (n: number) => unknown, n: number, factor = 40): void {
  const time = (size: number) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      work(size);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  time(n); // warm-up
  const small = Math.max(time(n), 2);
  const large = time(10 * n);
  if (large >= factor * small)
    throw new Error(`not linear: ${small.toFixed(1)} ms at n=${n}, ${large.toFixed(1)} ms at 10n`);
}
