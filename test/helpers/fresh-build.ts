/**
 * vitest global setup: the CLI tests spawn `dist/cli.js`, so it must be built from the sources
 * being tested. Rebuilds whenever any file under src/, grammar/ or scripts/ (or package.json) is
 * newer than the build, so a bare `vitest run` never tests a stale binary; `npm test` has just
 * built, and then nothing is done.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export default function setup(): void {
  const built = join(root, 'dist/cli.js');
  const sources = Math.max(
    ...['src', 'grammar', 'scripts', 'package.json'].map((p) => newest(join(root, p))),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed; the CLI tests need dist/');
}
