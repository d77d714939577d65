/**
 * The timing check of the fuzz harness judges growth, not machines: with a virtual clock (each
 * call advances it by a cost of its input's length), a quadratic entry fails, a linear one
 * passes, and one whose per-item cost rises once and settles (the working set leaving the caches)
 * is judged by its growth one step further up.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Entry, worstGrowth } from './harness.ts';

let clock = 0;

/** An entry whose calls on a bare string cost `cost(length)` ms of virtual time. */
function entry(name: string, cost: (length: number) => number): Entry {
  return {
    name,
    fn: (first: unknown, second: unknown) => {
      // Only the bare-string shape costs anything: every other shape is a fast failure.
      if (typeof first === 'string' && second === undefined && !first.startsWith('/')) {
        clock += cost(first.length);
      }
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('worstGrowth', () => {
  test.each([
    ['linear', (l: number) => l / 100, 10, undefined],
    ['quadratic', (l: number) => (l / 1000) ** 2 * 10, 100, 100],
    // 0.001 ms per item below 5 000 items, 0.005 above: ×50 from n to 10n, ×10 after.
    ['a transition that settles', (l: number) => l * (l < 5000 ? 0.001 : 0.005), 10, 25],
  ])('%s', (_name, cost, ratio, firstStep) => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const growth = worstGrowth(entry('e', cost), 1000, ['a']);
    expect(growth.ratio).toBeCloseTo(ratio, 0);
    expect(growth.firstStep).toEqual(
      firstStep === undefined ? undefined : expect.closeTo(firstStep, 0),
    );
  });
});
