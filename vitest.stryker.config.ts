import { defineConfig } from 'vitest/config';
import { fastCheckChainDepth, inlineFastCheck } from './test/helpers/fast-check-chain.ts';

/**
 * The test set the mutation check (`npm run mutation`, stryker.config.mjs) runs against each
 * mutant. Mutants live in src/, so only tests that import src/ can kill them: the CLI, build and
 * browser tests spawn dist/ (which Stryker does not rebuild per mutant), the fuzz run is the
 * hostile helper's long job, and docs.test.ts runs README blocks through a compiler. No
 * globalSetup either: test/helpers/fresh-build.ts would rebuild dist/ in every sandbox (the
 * instrumented sources never match the build's input hash) for tests that are not run here.
 */
export default defineConfig({
  plugins: [fastCheckChainDepth()],
  test: {
    server: inlineFastCheck,
    // The tests of the module being mutated: MUTATION_TESTS (comma-separated globs) names them per
    // slice (see docs/mutation.md), so the score says whether the module's own tests can fail. The
    // default is every test that imports these modules directly. Never the CLI, build, browser,
    // fuzz or docs tests: they spawn dist/ or compile README blocks.
    include: process.env.MUTATION_TESTS?.split(',') ?? [
      'test/codec/**/*.test.ts',
      'test/wire/**/*.test.ts',
      'test/migrate/**/*.test.ts',
      'test/helpers/**/*.test.ts',
      'test/doc-examples.test.ts',
      'test/options.test.ts',
    ],
    testTimeout: 60_000,
    // A fixed fast-check seed (fast-check-setup.ts reads CI): a mutant's fate must not depend on
    // the draw, or two runs of the same slice would disagree.
    // RESTLI_MUTATION skips the size tests (test/helpers/linear.ts, mutationRun).
    env: { CI: 'true', RESTLI_MUTATION: '1' },
    setupFiles: ['test/helpers/fast-check-setup.ts'],
    // isolate stays on: the escape tables are built when the module loads, and a mutant there
    // (a "static" mutant) only takes effect when every run imports the module afresh.
  },
});
