// Builds dist/: the library and the CLI as ESM bundles (chevrotain bundled in, so importing it
// does not pay for hundreds of lodash-es files), plus the .d.ts files from tsc.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

/**
 * src/grammars.ts imports the chevrotain grammars statically (for tests and types). In the build
 * it becomes a module that `require`s them inside the function: esbuild then wraps the grammars
 * and chevrotain in lazy initializers, so importing the package root does not evaluate chevrotain
 * and only the first decode pays for it.
 */
const lazyGrammars = {
  name: 'lazy-grammars',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]grammars\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const imports = [...source.matchAll(/^import \* as (\w+) from '([^']+)';$/gm)];
      if (imports.length === 0) throw new Error('src/grammars.ts: no grammar imports found');
      const fields = imports.map(
        ([, name, path]) => `get ${name}() { return require('${path}'); }`,
      );
      return {
        contents: `export function grammars() { return { ${fields.join(', ')} }; }`,
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  // chevrotain's lodash-es dependency has no `exports` map.
  mainFields: ['module', 'main'],
  plugins: [lazyGrammars],
  target: 'es2022',
  // Smaller text parses faster: import time is part of what we promise.
  minify: true,
  keepNames: false,
  // Node builtins are used by the CLI only; the library entry must not reach them.
  external: ['node:*'],
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
