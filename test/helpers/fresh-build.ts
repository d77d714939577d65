/**
 * vitest global setup: the CLI tests spawn `dist/cli.js`, so it must be built from the sources
 * being tested. The build itself knows whether it is stale (`dist/.build-stamp` hashes every
 * input), so a bare `vitest run` never tests a stale binary and, after `npm test` has just built,
 * this costs one hash of the sources.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed; the CLI tests need dist/');
}
