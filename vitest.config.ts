import { defineConfig } from 'vitest/config';
import { fastCheckChainDepth, inlineFastCheck } from './test/helpers/fast-check-chain.ts';

// .ci/run asks for a JSON report next to the default one: CI reads its counts, not vitest's summary.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  plugins: [fastCheckChainDepth()],
  test: {
    server: inlineFastCheck,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    setupFiles: ['test/helpers/fast-check-setup.ts'],
    // The CLI tests spawn dist/cli.js: rebuilt here whenever the sources are newer.
    globalSetup: ['test/helpers/fresh-build.ts'],
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
