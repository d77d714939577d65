// @ts-check
/**
 * Mutation check of the modules whose tests must be able to fail (issue 14): the codec, keys,
 * query (with the 1.0 flattening it uses) and the translator. Slow (tens of minutes on two
 * cores), so not part of `npm test` or CI: run `npm run mutation`, or one slice with
 * `npm run mutation -- --mutate src/wire/keys.ts`. Results and the reasoning about each surviving
 * mutant are in docs/mutation.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/codec/escape.ts',
    'src/codec/encode.ts',
    'src/codec/decode.ts',
    'src/wire/keys.ts',
    'src/wire/query.ts',
    'src/wire/v1/flatten.ts',
    'src/wire/v1/unflatten.ts',
    'src/wire/v1/form.ts',
    'src/wire/v1/segment.ts',
    'src/wire/v1/tilde.ts',
    'src/migrate/convert.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine is shared: two workers at most.
  concurrency: 2,
  // TypeScript type errors are not checked per mutant (no checker plugin): a mutant that does
  // not type-check but runs is still judged by the tests, which is the stricter reading.
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  ignorePatterns: ['dist', 'docs/api', 'reports', 'scratch', 'bench'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  timeoutMS: 10_000,
  // The initial run is single-threaded with per-test coverage: minutes on a loaded machine.
  dryRunTimeoutMinutes: 30,
};
