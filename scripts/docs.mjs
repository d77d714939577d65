// The API site (typedoc, every public entry of package.json `exports`, warnings are errors) and
// the grammar diagrams inside it: docs/api/, docs/api/grammar/.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { packageEntries } from './entries.mjs';

const root = resolve(import.meta.dirname, '..');
const args = ['--treatWarningsAsErrors'];
for (const e of packageEntries()) args.push('--entryPoints', e.source);
execFileSync(process.execPath, ['node_modules/typedoc/bin/typedoc', ...args], {
  cwd: root,
  stdio: 'inherit',
});
// After typedoc, which empties its output folder first.
execFileSync(process.execPath, ['scripts/diagrams.mjs', 'docs/api/grammar'], {
  cwd: root,
  stdio: 'inherit',
});
