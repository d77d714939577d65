/**
 * A Vite plugin for the test configs: @fast-check/vitest 0.5 builds `.prop` for every chain of
 * Vitest's test modifiers when it loads (`test.skip.only.concurrent…`, each order of each subset
 * of a dozen modifiers), which costs ~2.4 s of CPU in every test file that imports it, in every
 * fresh worker. The tests here chain at most one modifier before `.prop`; the plugin stops the
 * recursion at two. A file of three properties loads in 0.5 s instead of 2.9 s.
 *
 * If a new @fast-check/vitest no longer has the line, this throws: check whether the recursion
 * is still there, then update or drop the plugin.
 */

const RECURSION = 'if (!ancestors.has(key) && typeof testFnExtended[key] === "function")';
const CAPPED =
  'if (ancestors.size < 2 && !ancestors.has(key) && typeof testFnExtended[key] === "function")';

/** The part of a Vite plugin used here (Vite itself is Vitest's dependency, not ours). */
interface TransformPlugin {
  name: string;
  transform(code: string, id: string): string | undefined;
}

export function fastCheckChainDepth(): TransformPlugin {
  return {
    name: 'fast-check-vitest-chain-depth',
    transform(code, id) {
      if (!id.includes('@fast-check/vitest/lib/')) return undefined;
      if (!code.includes(RECURSION)) {
        throw new Error(`test/helpers/fast-check-chain.ts: the chain recursion is not in ${id}`);
      }
      return code.replace(RECURSION, CAPPED);
    },
  };
}

/** Vitest's option that sends @fast-check/vitest through Vite, so that the plugin sees it. */
export const inlineFastCheck = { deps: { inline: ['@fast-check/vitest'] } };
