/** Spawns the built `restli` binary, as a user's shell would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const cli = `${root}dist/cli.js`;

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
