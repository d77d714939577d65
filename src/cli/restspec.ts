/** Loading `--restspec FILE_OR_DIR` arguments: `.restspec.json` and `.snapshot.json` files. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadResources, type ResourceIndex, type Restspec, type Snapshot } from '../migrate/idl.ts';
import { UsageError } from './command.ts';

const IDL_FILE = /\.(restspec|snapshot)\.json$/;

/** Every IDL file named, a folder standing for every such file below it. */
function files(path: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`--restspec: no such file or folder '${path}'`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => IDL_FILE.test(name))
    .sort()
    .map((name) => join(path, name));
}

/** The resource index of the `--restspec` arguments, or `undefined` when there are none. */
export function loadRestspecs(paths: readonly string[]): ResourceIndex | undefined {
  if (paths.length === 0) return undefined;
  const idls: (Restspec | Snapshot)[] = [];
  for (const file of paths.flatMap(files)) {
    try {
      idls.push(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new UsageError(`--restspec: ${file} is not JSON: ${(error as Error).message}`);
    }
  }
  if (idls.length === 0)
    throw new UsageError(`--restspec: no .restspec.json or .snapshot.json in ${paths.join(', ')}`);
  try {
    return loadResources(idls);
  } catch (error) {
    throw new UsageError(`--restspec: ${(error as Error).message}`);
  }
}
