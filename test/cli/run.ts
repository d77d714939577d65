/** Spawns the built `restli` binary, as a user's shell would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const cli = `${root}dist/cli.js`;

/** `npm test` builds first; a bare `vitest run` on a fresh clone builds here. */
export function ensureBuilt(): void {
  if (!existsSync(cli)) {
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function restli(args: string[], stdin?: string): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input: stdin ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
